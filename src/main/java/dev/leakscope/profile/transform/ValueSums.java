package dev.leakscope.profile.transform;

import dev.leakscope.profile.Profile;
import dev.leakscope.input.LimitException;

/**
 * Refuses inputs whose values cannot be added exactly. Every total, node value, delta and rate a report
 * prints is bounded by the sum of the absolute sample values of the profiles it reads; that sum is
 * kept here with {@link Math#addExact} as the profiles are loaded (before any merge adds them), so when
 * it fits a long no sum downstream can wrap and no wrapped (negative) total is ever printed.
 */
public final class ValueSums {
    private long[] sums = new long[0];

    /**
     * Sums p's values now, on this thread, so that {@link #add} and {@link Profile#total} find them summed:
     * for the thread that loaded p, while others decode. Returns p.
     */
    public static Profile summedAhead(Profile p) {
        p.values.sums(p.typeCount()); // the absolute sums with them (add names a profile whose sums overflow)
        return p;
    }

    /** Adds the absolute values of p (named name in the error), per sample type; returns p. */
    public Profile add(String name, Profile p) {
        int types = p.typeCount();
        if (sums.length < types) {
            sums = java.util.Arrays.copyOf(sums, types);
        }
        long[] own;
        try {
            own = p.values.absSums(types);
        } catch (ArithmeticException e) {
            own = null; // a column alone goes beyond: read again column by column, to name the first one
        }
        for (int t = 0; t < types; t++) {
            try {
                sums[t] = own != null ? Math.addExact(sums[t], own[t]) : columnSum(p, t, sums[t]);
            } catch (ArithmeticException e) {
                throw new LimitException(name + ": the " + p.sampleType(t).type() + " values"
                        + " (with those of the profiles read with it) add up beyond 2^63-1;"
                        + " leakscope shows no value it cannot compute exactly");
            }
        }
        return p;
    }

    /** sum plus the absolute values of column t; throws {@link ArithmeticException} beyond 2^63 - 1. */
    private static long columnSum(Profile p, int t, long sum) {
        int types = p.typeCount();
        for (int s = 0; s < p.sampleCount; s++) {
            long v = p.values.get(s * types + t);
            sum = Math.addExact(sum, v == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(v));
        }
        return sum;
    }
}
