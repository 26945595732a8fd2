package dev.leakscope.util;

import java.util.Arrays;

/**
 * An append-only list of non-negative ints for a per-sample array whose values are usually small (a
 * sample's label set: most profiles have a few thousand): kept in blocks of chars, half the memory of
 * {@link IntBlocks}, while every value fits one; from the first that does not, in ints (what it holds
 * copied once).
 */
public final class SmallInts {
    private char[][] chars = new char[8][];
    /** Not null once a value beyond a char came. */
    private IntBlocks ints;
    private int size;

    public void add(int v) {
        if (ints == null && (v < 0 || v > Character.MAX_VALUE)) {
            IntBlocks wide = new IntBlocks();
            for (int i = 0; i < size; i++) {
                wide.add(get(i));
            }
            ints = wide;
            chars = null;
        }
        if (ints != null) {
            ints.add(v);
            size++;
            return;
        }
        int b = size >>> IntBlocks.BITS;
        if ((size & (IntBlocks.SIZE - 1)) == 0) {
            if (b == chars.length) {
                chars = Arrays.copyOf(chars, b * 2);
            }
            chars[b] = new char[IntBlocks.SIZE];
        }
        chars[b][size & (IntBlocks.SIZE - 1)] = (char) v;
        size++;
    }

    public int get(int i) {
        return ints != null ? ints.get(i) : chars[i >>> IntBlocks.BITS][i & (IntBlocks.SIZE - 1)];
    }

    public int size() {
        return size;
    }

    /** The elements, read-only, in these blocks (no copy of the whole); the list must not be used afterwards. */
    public BlockedInts frozen() {
        if (ints != null) {
            return ints.frozen();
        }
        int full = size >>> IntBlocks.BITS;
        char[][] out = Arrays.copyOf(chars, full + ((size & (IntBlocks.SIZE - 1)) == 0 ? 0 : 1));
        if (full < out.length) {
            out[full] = Arrays.copyOf(out[full], size & (IntBlocks.SIZE - 1));
        }
        chars = null;
        return new BlockedInts(out, size);
    }
}
