package dev.leakscope.util;

/**
 * Hash mixing for the primitive hash tables. Keys come from inputs, so the hashes are seeded at random
 * per process: a crafted profile cannot make its ids or samples collide and turn the tables
 * quadratic. The tables are never iterated in hash order, so no output depends on the seed.
 */
public final class Hashing {
    private static final long SEED = java.util.concurrent.ThreadLocalRandom.current().nextLong();

    private Hashing() {
    }

    /** A well-spread 32-bit hash of a long (the finaliser of MurmurHash3, on the seeded key). */
    public static int mix(long x) {
        x ^= SEED;
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        x *= 0xc4ceb3f99e3b20dL;
        x ^= x >>> 33;
        return (int) x;
    }

    /** The start of a hash of a sequence, to extend with {@link #combine}. */
    public static long start() {
        return SEED;
    }

    /** A sequence hash extended by one value, non-linearly: without the seed, collisions cannot be planned. */
    public static long combine(long h, long x) {
        return Long.rotateLeft((h ^ x) * 0x9e3779b97f4a7c15L, 29);
    }

    /** A sequence hash extended by the characters of s (String.hashCode collides too easily). */
    public static long combine(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            h = combine(h, s.charAt(i));
        }
        return combine(h, s.length());
    }

    /** The 32-bit hash of a finished sequence hash. */
    public static int finish(long h) {
        return mix(h);
    }
}
