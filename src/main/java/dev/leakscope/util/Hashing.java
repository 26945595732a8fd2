package dev.leakscope.util;

/** Hash mixing for the primitive hash tables. */
public final class Hashing {
    private Hashing() {
    }

    /** A well-spread 32-bit hash of a long (the finaliser of MurmurHash3). */
    public static int mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        x *= 0xc4ceb3f99e3b20dL;
        x ^= x >>> 33;
        return (int) x;
    }
}
