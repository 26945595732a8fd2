package dev.leakscope.profile;

import dev.leakscope.util.IntBlocks;
import dev.leakscope.util.IntList;
import dev.leakscope.util.LongList;
import java.util.Arrays;

/**
 * A profile's sample values, row by row ({@code typeCount} per sample), as ints in blocks: nearly
 * every value of a profile fits one. The rare value that does not is kept aside, with its index, and
 * its int slot holds a marker.
 */
public final class SampleValues {
    private static final int ASIDE = Integer.MIN_VALUE;
    private final int[][] small;
    private final int length;
    /** Indexes of the values kept aside, ascending, and the values. */
    private final int[] asideAt;
    private final long[] aside;
    /** What {@link #sums} and {@link #absSums} last computed (a profile asks for one column count). */
    private volatile ColumnSums columnSums;

    /** @param abs null when a sum of absolute values is beyond 2^63 - 1 */
    private record ColumnSums(long[] signed, long[] abs) {
    }

    private SampleValues(int[][] small, int length, int[] asideAt, long[] aside) {
        this.small = small;
        this.length = length;
        this.asideAt = asideAt;
        this.aside = aside;
    }

    /** The values of a row-by-row array. */
    public static SampleValues of(long[] values) {
        Builder b = new Builder();
        for (long v : values) {
            b.add(v);
        }
        return b.build();
    }

    public long get(int i) {
        int v = small[i >>> IntBlocks.BITS][i & (IntBlocks.SIZE - 1)];
        return v != ASIDE ? v : aside[Arrays.binarySearch(asideAt, i)];
    }

    public int length() {
        return length;
    }

    /**
     * Whether any value is negative: without a pass once {@link #sums} and {@link #absSums} are known (a
     * column has a negative value exactly when its sum is below the sum of its absolute values), else in
     * one pass over the blocks.
     */
    public boolean anyNegative() {
        ColumnSums known = columnSums;
        if (known != null && known.abs() != null && known.abs().length > 0) {
            return !Arrays.equals(known.signed(), known.abs());
        }
        for (long v : aside) {
            if (v < 0) {
                return true;
            }
        }
        for (int[] block : small) {
            for (int v : block) {
                if (v < 0 && v != ASIDE) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The sum of each of the columns of rows of types values (wrapping beyond a long: see {@link #absSums}).
     * Computed once, with {@link #absSums}, so that the thread that loads a profile can do it while others
     * decode; the array returned must not be changed.
     */
    public long[] sums(int types) {
        return columnSums(types).signed();
    }

    /**
     * The sum of the absolute values of each of the columns of rows of types values (Long.MIN_VALUE
     * counting as Long.MAX_VALUE); throws {@link ArithmeticException} when a sum is beyond 2^63 - 1. (The
     * int values alone cannot overflow: at most 2^31 of them, each at most 2^31.) Computed once, with
     * {@link #sums}; the array returned must not be changed.
     */
    public long[] absSums(int types) {
        long[] abs = columnSums(types).abs();
        if (abs == null) {
            throw new ArithmeticException("a column's absolute values add up beyond 2^63 - 1");
        }
        return abs;
    }

    /** Both sums of the columns, in one pass over the blocks: kept for the column count last asked for. */
    private ColumnSums columnSums(int types) {
        ColumnSums known = columnSums;
        if (known != null && known.signed().length == types) {
            return known;
        }
        long[] signed = new long[types];
        long[] abs = new long[types];
        if (types > 0) {
            int t = 0;
            for (int[] block : small) {
                for (int v : block) {
                    if (v != ASIDE) {
                        signed[t] += v;
                        abs[t] += Math.abs((long) v);
                    }
                    if (++t == types) {
                        t = 0;
                    }
                }
            }
            boolean exact = true;
            for (int k = 0; k < aside.length; k++) {
                long v = aside[k];
                int column = asideAt[k] % types;
                signed[column] += v;
                // two sums of absolute values (never negative) overflow exactly when they add up below 0
                abs[column] += v == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(v);
                exact &= abs[column] >= 0;
            }
            if (!exact) {
                abs = null;
            }
        }
        known = new ColumnSums(signed, abs);
        columnSums = known;
        return known;
    }

    /** Collects values one at a time, in blocks (growing never copies them). */
    public static final class Builder {
        private final IntBlocks blocks = new IntBlocks();
        private final IntList asideAt = new IntList(4);
        private final LongList aside = new LongList(4);

        public void add(long v) {
            int i = (int) v;
            if (i != v || i == ASIDE) {
                asideAt.add(blocks.size());
                aside.add(v);
                i = ASIDE;
            }
            blocks.add(i);
        }

        public int size() {
            return blocks.size();
        }

        /** The values added; the builder must not be used afterwards. */
        public SampleValues build() {
            int size = blocks.size();
            return new SampleValues(blocks.trimmed(), size, asideAt.toArray(), aside.toArray());
        }
    }
}
