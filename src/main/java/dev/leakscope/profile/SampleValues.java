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
