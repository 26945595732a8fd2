package dev.leakscope.profile;

import dev.leakscope.util.Cores;
import dev.leakscope.util.IntBlocks;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A {@link StackTree.Builder} fed a sample's stack at a time, which builds the tree on a thread of its
 * own once the stacks fill a batch: building the tree is about half of decoding a large profile, and the
 * decoding thread, not decompression, bounds how fast a large input is read. Stacks go over in batches
 * (a few at once, recycled: no garbage per batch) and are added in the order given; a profile too small
 * to fill one batch starts no thread. While no core is spare ({@link Cores#spare()}, asked at each full
 * batch until the thread starts) the caller builds each batch itself; what it builds (so also the one
 * batch of a small profile) it builds with fewer lookups ({@link StackTree.Builder#LOOKUPS_INLINE}).
 */
final class BatchedStackTree {
    /** Ints per batch: each stack as its depth, then its keys. */
    static final int BATCH = 1 << 16;
    private static final int BATCHES = 4;

    private final StackTree.Builder tree = new StackTree.Builder();
    /** The leaf node of each stack, in the order added. */
    private final IntBlocks leaves = new IntBlocks();
    private int[] batch = new int[BATCH];
    private int used;
    /** Null until the first batch is full; one thread, so batches are built in turn. */
    private ThreadPoolExecutor builder;
    private final BlockingQueue<int[]> free = new ArrayBlockingQueue<>(BATCHES);
    private int made = 1;
    private Future<?> last;
    /** What the building thread threw, to throw on the caller's. */
    private volatile Throwable failure;

    /** Adds the stack keys[0..n), leaf first. */
    void add(int[] keys, int n) {
        if (used + n + 1 > batch.length) {
            if (builder == null && !Cores.spare()) {
                addAll(batch, used, StackTree.Builder.LOOKUPS_INLINE);
                used = 0;
            } else {
                handOver();
            }
            if (n + 1 > batch.length) {
                free.offer(batch);
                batch = new int[n + 1];
            }
        }
        int[] b = batch;
        b[used] = n;
        System.arraycopy(keys, 0, b, used + 1, n);
        used += n + 1;
    }

    /** Builds what is left and waits for the batches handed over; this must not be used afterwards. */
    void finish() {
        if (builder == null) {
            addAll(batch, used, StackTree.Builder.LOOKUPS_INLINE);
            return;
        }
        handOver();
        try {
            last.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while decoding");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            builder.shutdown();
        }
        Throwable f = failure;
        if (f instanceof RuntimeException r) {
            throw r;
        }
        if (f instanceof Error e) {
            throw e;
        }
    }

    /** The tree, once {@link #finish()}ed. */
    StackTree.Builder tree() {
        return tree;
    }

    /** The leaf node of each stack, once {@link #finish()}ed. */
    IntBlocks leaves() {
        return leaves;
    }

    private void handOver() {
        if (builder == null) {
            builder = new ThreadPoolExecutor(0, 1, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "leakscope-stack-tree");
                t.setDaemon(true);
                return t;
            });
        }
        int[] full = batch;
        int n = used;
        last = builder.submit(() -> {
            try {
                if (failure == null) {
                    addAll(full, n, StackTree.Builder.LOOKUPS);
                }
            } catch (Throwable t) {
                failure = t;
            } finally {
                if (full.length == BATCH) {
                    free.offer(full);
                }
            }
        });
        used = 0;
        batch = free.poll();
        if (batch == null && made < BATCHES) {
            made++;
            batch = new int[BATCH];
        } else if (batch == null) {
            try {
                batch = free.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted while decoding");
            }
        }
    }

    private void addAll(int[] b, int n, int lookups) {
        StackTree.Builder t = tree;
        IntBlocks out = leaves;
        for (int i = 0; i < n; ) {
            int depth = b[i];
            out.add(t.add(b, i + 1, i + 1 + depth, lookups));
            i += depth + 1;
        }
    }
}
