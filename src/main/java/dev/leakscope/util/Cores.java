package dev.leakscope.util;

import java.util.concurrent.Callable;

/**
 * The machine's cores, shared out between tasks. A task that runs at once with others that, together,
 * keep every core busy (profiles decoding side by side) does all its work on its own thread: a helper of
 * its own (decompressing ahead, building a stack tree in the background) would only take turns with the
 * other tasks, and handing data from one thread to another costs time (L tier {@code diff}: 6% faster,
 * and 4% less CPU, without helpers).
 */
public final class Cores {
    /** The cores this process may use. */
    public static final int AVAILABLE = Math.max(1, Runtime.getRuntime().availableProcessors());
    /** Whether the task on this thread shares the cores with others (see {@link #sharing}). */
    private static final ThreadLocal<Boolean> SHARING = ThreadLocal.withInitial(() -> false);

    private Cores() {
    }

    /**
     * The task, to run as one of atOnce tasks running at the same time: unless that leaves at least two
     * cores to each, work it does starts no helper threads ({@link #spare()}).
     */
    public static <T> Callable<T> sharing(int atOnce, Callable<T> task) {
        if (AVAILABLE >= 2 * atOnce) {
            return task;
        }
        return () -> {
            SHARING.set(true);
            try {
                return task.call();
            } finally {
                SHARING.set(false);
            }
        };
    }

    /**
     * Whether work on the calling thread may hand part of itself to a helper thread: there is more than
     * one core, and it is not part of a task that shares them all with others.
     */
    public static boolean spare() {
        return AVAILABLE > 1 && !SHARING.get();
    }
}
