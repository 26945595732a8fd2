package dev.leakscope.util;

/**
 * A read-only int array kept in the blocks of an {@link IntBlocks} or of a {@link SmallInts} (see their
 * {@code frozen}): made without copying the whole, for the per-sample arrays of a profile, whose copy
 * at the end of decoding would be garbage at the heap's peak.
 */
public final class BlockedInts {
    /** The blocks of ints, or null when the values are in the blocks of chars. */
    private final int[][] blocks;
    private final char[][] chars;
    private final int length;

    BlockedInts(int[][] blocks, int length) {
        this.blocks = blocks;
        this.chars = null;
        this.length = length;
    }

    BlockedInts(char[][] chars, int length) {
        this.blocks = null;
        this.chars = chars;
        this.length = length;
    }

    public int get(int i) {
        return blocks != null ? blocks[i >>> IntBlocks.BITS][i & (IntBlocks.SIZE - 1)]
                : chars[i >>> IntBlocks.BITS][i & (IntBlocks.SIZE - 1)];
    }

    public int length() {
        return length;
    }

    /** a[indexes[0]], a[indexes[1]], ... */
    public BlockedInts pick(int[] indexes) {
        IntBlocks out = new IntBlocks();
        for (int i : indexes) {
            out.add(get(i));
        }
        return out.frozen();
    }
}
