package dev.leakscope.util;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * A few independent computations at once: while the calling thread runs the last ones, each of the first
 * ones runs on a thread of its own, one per core besides the caller's (on a single core, all run one after
 * the other). Every task has ended when this returns or throws; a failure is rethrown as it was thrown,
 * the earliest task's: as if they had run in order.
 */
public final class Concurrently {
    private Concurrently() {
    }

    /** The results of the tasks, in their order. */
    public static <T> List<T> all(List<Supplier<T>> tasks) {
        int others = Math.max(0, Math.min(tasks.size(), Cores.AVAILABLE) - 1);
        List<FutureTask<T>> started = new ArrayList<>();
        for (int i = 0; i < others; i++) {
            FutureTask<T> f = new FutureTask<>(tasks.get(i)::get);
            Thread t = new Thread(f, "leakscope-work");
            t.setDaemon(true);
            t.start();
            started.add(f);
        }
        // the caller runs its own tasks before it waits for any other (else it would wait idle for the first)
        Object[] outcomes = new Object[tasks.size()];
        for (int i = others; i < tasks.size(); i++) {
            outcomes[i] = outcome(tasks.get(i));
        }
        for (int i = 0; i < others; i++) {
            outcomes[i] = outcome(awaiting(started.get(i)));
        }
        List<T> results = new ArrayList<>(tasks.size());
        for (Object o : outcomes) {
            if (o instanceof Failure f) {
                throw f.rethrown();
            }
            @SuppressWarnings("unchecked")
            T result = (T) o;
            results.add(result);
        }
        return results;
    }

    /** A task's failure, kept until the failures of the tasks before it are known. */
    private record Failure(Throwable thrown) {
        RuntimeException rethrown() {
            if (thrown instanceof Error e) {
                throw e;
            }
            return (RuntimeException) thrown;
        }
    }

    /** What the task returned, or its failure. */
    private static Object outcome(Supplier<?> task) {
        try {
            return task.get();
        } catch (RuntimeException | Error e) {
            return new Failure(e);
        }
    }

    /**
     * What a task's failure is rethrown as: itself when it is unchecked (an error is thrown from here),
     * else wrapped.
     */
    public static RuntimeException rethrown(ExecutionException e) {
        if (e.getCause() instanceof RuntimeException r) {
            return r;
        }
        if (e.getCause() instanceof Error err) {
            throw err;
        }
        return new IllegalStateException(e.getCause());
    }

    private static <T> Supplier<T> awaiting(FutureTask<T> f) {
        return () -> await(f);
    }

    private static <T> T await(FutureTask<T> f) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return f.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the task cannot be left running half-way: wait for it
                } catch (ExecutionException e) {
                    throw rethrown(e);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
