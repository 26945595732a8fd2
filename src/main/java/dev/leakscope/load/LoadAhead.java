package dev.leakscope.load;

import dev.leakscope.format.ProfileLoader;
import dev.leakscope.input.InputSource;
import dev.leakscope.input.Limits;
import dev.leakscope.input.Snapshots;
import dev.leakscope.profile.Profile;
import dev.leakscope.profile.transform.ValueSums;
import dev.leakscope.util.Concurrently;
import dev.leakscope.util.Cores;
import dev.leakscope.util.InputException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Files loaded in the order they are asked for, on as many threads as the machine has cores (at most
 * two), a step ahead of the caller: decoding dominates, and at most three profiles are in memory at
 * once (two loading, one handed out). A failure surfaces when its file's turn comes, so the first
 * file that cannot be read is the one reported, as when they are read one after the other. Each
 * decode counts as a task that keeps a core busy ({@link Cores#occupying}).
 */
final class LoadAhead implements AutoCloseable {
    private static final int THREADS = Math.min(2, Cores.AVAILABLE);
    /**
     * Heap a gzipped profile takes while it decodes, per stored byte, with a margin for profiles that
     * compress better: a 197 MB one peaks at about 0.5 GB of resident memory (1.1 GB before stacks were a
     * call-path tree). Two such profiles decoding at once need twice that; read one after the other, the
     * first is already compact when the second starts. (4 bytes would let that pair decode at once in a
     * 2 GB heap, for 10.9 s instead of 11.5 s: not worth the margin.)
     */
    static final long HEAP_PER_STORED_BYTE = 8;

    private final List<InputSource> files;
    private final Limits limits;
    private final ExecutorService pool;
    private final ArrayDeque<Future<Profile>> ahead = new ArrayDeque<>();
    private int next;

    LoadAhead(List<InputSource> files, Limits limits) {
        this.files = files;
        this.limits = limits;
        this.pool = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "leakscope-load");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * The files loaded ahead when every one of them is a single profile (not a directory or an
     * archive), there are at least two and two fit in the heap at once; else null (they are read one
     * at a time).
     */
    static LoadAhead ofFiles(List<InputSource> files, Limits limits) {
        if (files.size() < 2) {
            return null;
        }
        for (InputSource f : files) {
            if (Snapshots.of(f, limits).isCollection()) {
                return null;
            }
        }
        return fitTwoAtOnce(files, Runtime.getRuntime().maxMemory()) ? new LoadAhead(files, limits) : null;
    }

    /**
     * Whether the two largest of these files can decode at once in a heap of maxHeap bytes; when they
     * cannot, reading them one at a time still may (so a pair of 200 MB profiles diffs in a 2 GB heap).
     */
    static boolean fitTwoAtOnce(List<InputSource> files, long maxHeap) {
        long largest = 0;
        long second = 0;
        for (InputSource f : files) {
            long size = Math.max(0, f.storedSize());
            if (size > largest) {
                second = largest;
                largest = size;
            } else if (size > second) {
                second = size;
            }
        }
        return largest + second <= maxHeap / HEAP_PER_STORED_BYTE;
    }

    /** The next file's profile. */
    Profile next() {
        while (next < files.size() && ahead.size() < THREADS) {
            InputSource source = files.get(next++);
            ahead.add(pool.submit(Cores.occupying(() -> ValueSums.summedAhead(ProfileLoader.load(source, limits)))));
        }
        if (ahead.isEmpty()) {
            throw new IllegalStateException("every file was handed out");
        }
        return await(ahead.poll());
    }

    /** The task's result; its failure rethrown as it was thrown. */
    static <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (ExecutionException e) {
            throw Concurrently.rethrown(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InputException("interrupted while loading profiles", e);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
