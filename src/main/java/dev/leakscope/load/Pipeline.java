package dev.leakscope.load;

import dev.leakscope.util.Cores;
import java.util.ArrayDeque;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Work on a series of snapshots spread over the cores (at most four threads), its results taken in
 * series order on the calling thread: each step queued is a task for a thread of the pool, or a step
 * known at once (a warning), and what it yields runs on the calling thread when its turn comes. So
 * warnings, visits and failures come in the order they would one snapshot after the other: the first
 * failure in series order is the one thrown. Each task on the pool, a load or work on what was loaded,
 * counts as one that keeps a core busy ({@link Cores#occupying}).
 *
 * <p>Memory stays bounded: a new load waits while as many tasks as threads are pending, or while the
 * loads pending and it could not decode together in the heap ({@link LoadAhead#fitTwoAtOnce}: 8 bytes
 * per stored byte).
 */
final class Pipeline implements AutoCloseable {
    static final int THREADS = Math.min(4, Cores.AVAILABLE);

    /** @param loadBytes of a load, its stored bytes (at least 0); of a task on what is loaded, 0; else -1 */
    private record Step(Future<Runnable> result, long loadBytes) {
    }

    private final ExecutorService pool;
    private final long heap;
    private final ArrayDeque<Step> queue = new ArrayDeque<>();
    private int pendingTasks;
    private long pendingLoadBytes;
    /** Whether a step failed (what is queued after it is never taken). */
    private boolean failed;

    Pipeline(long maxHeap) {
        this.heap = maxHeap;
        this.pool = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "leakscope-load");
            t.setDaemon(true);
            return t;
        });
    }

    /** Queues a step that needs no thread: it runs on the calling thread when its turn comes. */
    void then(Runnable step) {
        queue.add(new Step(CompletableFuture.completedFuture(step), -1));
    }

    /**
     * Queues a load of storedBytes bytes (-1: unknown) for the pool, once there is room for it (taking
     * the steps before it in turn); what it yields runs on the calling thread when its turn comes.
     */
    void load(long storedBytes, Callable<Runnable> task) {
        long bytes = Math.max(0, storedBytes);
        while (pendingTasks >= THREADS
                || pendingLoadBytes > 0 && (pendingLoadBytes + bytes) * LoadAhead.HEAP_PER_STORED_BYTE > heap) {
            takeNext();
        }
        pendingLoadBytes += bytes;
        submit(task, bytes);
    }

    /**
     * Queues a task for the pool at once (it works on what a step has already loaded, so it makes no
     * new room to wait for); what it yields runs on the calling thread when its turn comes.
     */
    void then(Callable<Runnable> task) {
        submit(task, 0);
    }

    private void submit(Callable<Runnable> task, long loadBytes) {
        pendingTasks++;
        queue.add(new Step(pool.submit(Cores.occupying(task)), loadBytes));
    }

    /** Takes every step queued, in order (including those the steps queue as they run). */
    void finish() {
        while (!queue.isEmpty()) {
            takeNext();
        }
    }

    /**
     * Takes the steps queued before the caller failed on its own (reading the series), then throws that
     * failure, as when the snapshots are taken one after the other; a step's failure is thrown first.
     */
    void finishBefore(RuntimeException failure) {
        if (!failed) {
            finish();
        }
        throw failure;
    }

    private void takeNext() {
        Step s = queue.poll();
        boolean taken = false;
        try {
            Runnable then = LoadAhead.await(s.result);
            if (s.loadBytes >= 0) {
                pendingTasks--;
                pendingLoadBytes -= s.loadBytes;
            }
            then.run();
            taken = true;
        } finally {
            failed |= !taken;
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
