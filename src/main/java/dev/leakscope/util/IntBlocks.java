package dev.leakscope.util;

import java.util.Arrays;

/**
 * An append-only int list in fixed-size blocks, for the largest arrays of a profile: growing never
 * copies it, and {@link #trimmed} hands the blocks over as they are (no copy of the whole). Element i
 * is {@code blocks[i >>> BITS][i & (SIZE - 1)]}.
 */
public final class IntBlocks {
    public static final int BITS = 16;
    public static final int SIZE = 1 << BITS;
    private int[][] blocks = new int[8][];
    private int size;

    public void add(int v) {
        if ((size & (SIZE - 1)) == 0) {
            newBlock();
        }
        blocks[size >>> BITS][size & (SIZE - 1)] = v;
        size++;
    }

    /** Adds a[to - 1], a[to - 2], ..., a[from], in that order. */
    public void addReversed(int[] a, int from, int to) {
        int i = to;
        while (i > from) {
            int j = size & (SIZE - 1);
            if (j == 0) {
                newBlock();
            }
            int[] block = blocks[size >>> BITS];
            int n = Math.min(i - from, SIZE - j);
            for (int k = 0; k < n; k++) {
                block[j + k] = a[i - 1 - k];
            }
            i -= n;
            size += n;
        }
    }

    private void newBlock() {
        int b = size >>> BITS;
        if (b == blocks.length) {
            blocks = Arrays.copyOf(blocks, b * 2);
        }
        blocks[b] = new int[SIZE];
    }

    public int get(int i) {
        return blocks[i >>> BITS][i & (SIZE - 1)];
    }

    public int size() {
        return size;
    }

    /** The elements, read-only, in these blocks (no copy of the whole); the list must not be used afterwards. */
    public BlockedInts frozen() {
        int n = size;
        return new BlockedInts(trimmed(), n);
    }

    /** The blocks, the last one cut to the size; the list must not be used afterwards. */
    public int[][] trimmed() {
        int full = size >>> BITS;
        int[][] out = Arrays.copyOf(blocks, full + ((size & (SIZE - 1)) == 0 ? 0 : 1));
        if (full < out.length) {
            out[full] = Arrays.copyOf(out[full], size & (SIZE - 1));
        }
        blocks = null;
        return out;
    }
}
