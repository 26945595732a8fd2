package dev.leakscope.load;

import dev.leakscope.format.ProfileLoader;
import dev.leakscope.input.InputSource;
import dev.leakscope.input.Limits;
import dev.leakscope.input.Snapshots;
import dev.leakscope.profile.Profile;
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
 * file that cannot be read is the one reported, as when they are read one after the other.
 */
final class LoadAhead implements AutoCloseable {
    private static final int THREADS = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));

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
     * archive) and there are at least two; else null (they are read one at a time).
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
        return new LoadAhead(files, limits);
    }

    /** The next file's profile. */
    Profile next() {
        while (next < files.size() && ahead.size() < THREADS) {
            InputSource source = files.get(next++);
            ahead.add(pool.submit(() -> ProfileLoader.load(source, limits)));
        }
        if (ahead.isEmpty()) {
            throw new IllegalStateException("every file was handed out");
        }
        return await(ahead.poll());
    }

    private static Profile await(Future<Profile> f) {
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
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
