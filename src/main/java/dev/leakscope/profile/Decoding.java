package dev.leakscope.profile;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The profiles being decoded at this moment in the process, each counted from its decoder's start to
 * its end or failure: more than one means several files decode at once (a {@code diff}'s two sides, a
 * {@code trend}'s snapshots), and the cores are busy already.
 */
public final class Decoding implements AutoCloseable {
    private static final AtomicInteger NOW = new AtomicInteger();

    private Decoding() {
        NOW.incrementAndGet();
    }

    /** Counts one more profile decoding until the returned count is closed. */
    public static Decoding start() {
        return new Decoding();
    }

    /** Whether another profile than the caller's is being decoded at this moment. */
    static boolean several() {
        return NOW.get() > 1;
    }

    @Override
    public void close() {
        NOW.decrementAndGet();
    }
}
