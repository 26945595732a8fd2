package dev.leakscope.format.legacy;

import dev.leakscope.input.LimitException;

/**
 * The legacy formats' scaled values (un-sampled heap values, counts and delays times the sampling
 * period), checked: a value beyond a long is refused as {@link dev.leakscope.profile.transform.ValueSums}
 * refuses sums beyond it, never capped at 2^63-1 (Java's cast) or wrapped (Go's, and a long product).
 */
final class ExactValues {
    /** 2^63 as a double: the first value a long cannot hold (the cast saturates from there). */
    private static final double TWO_63 = 0x1p63;

    private ExactValues() {
    }

    /** a × b, or the refusal naming what (e.g. "contention count 5 times the period 1000"). */
    static long times(long a, long b, String what) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            throw beyond(what);
        }
    }

    /** d truncated to a long as Go's int64(d) does where it fits, or the refusal naming what. */
    static long truncated(double d, String what) {
        if (!(d < TWO_63 && d >= -TWO_63)) { // also NaN
            throw beyond(what);
        }
        return (long) d;
    }

    static LimitException beyond(String what) {
        return new LimitException(what + " goes beyond 2^63-1; leakscope shows no value it cannot compute exactly");
    }
}
