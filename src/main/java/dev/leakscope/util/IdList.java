package dev.leakscope.util;

import java.util.ArrayList;
import java.util.List;

/**
 * An append-only list of unsigned 64-bit ids, the largest array a profile has (its stacks' location
 * ids). Ids are stored as ints while every id fits in 31 bits (the usual case), in fixed-size blocks,
 * so that growing never copies: the list is copied once, at the end, into an exact array.
 */
public final class IdList {
    private static final int BLOCK_BITS = 16;
    private static final int BLOCK = 1 << BLOCK_BITS;
    private final List<int[]> narrow = new ArrayList<>();
    private LongList wide;
    private int[] last;
    private int size;
    private int failedAt = -1;

    public void add(long id) {
        if (wide == null) {
            if (id >= 0 && id <= Integer.MAX_VALUE) {
                int at = size & (BLOCK - 1);
                if (at == 0) {
                    last = new int[BLOCK];
                    narrow.add(last);
                }
                last[at] = (int) id;
                size++;
                return;
            }
            widen();
        }
        wide.add(id);
        size++;
    }

    private void widen() {
        wide = new LongList(Math.max(1024, size * 2));
        for (int i = 0; i < size; i++) {
            wide.add(get(i));
        }
        narrow.clear();
        last = null;
    }

    public long get(int i) {
        return wide == null ? narrow.get(i >>> BLOCK_BITS)[i & (BLOCK - 1)] : wide.get(i);
    }

    public int size() {
        return size;
    }

    /**
     * The ids mapped by f, in a new exact int array; null when f rejects an id (returns -1), whose
     * position {@link #failedAt()} then tells.
     */
    public int[] map(IdMapping f) {
        int[] out = new int[size];
        if (wide != null) {
            for (int i = 0; i < size; i++) {
                if ((out[i] = f.apply(wide.get(i))) < 0) {
                    failedAt = i;
                    return null;
                }
            }
            return out;
        }
        for (int b = 0, i = 0; i < size; b++) {
            int[] block = narrow.get(b);
            int n = Math.min(BLOCK, size - i);
            for (int k = 0; k < n; k++, i++) {
                if ((out[i] = f.apply(block[k])) < 0) {
                    failedAt = i;
                    return null;
                }
            }
        }
        return out;
    }

    /** Where the last {@link #map} stopped on a rejected id, or -1. */
    public int failedAt() {
        return failedAt;
    }

    /** An id-to-index function; -1 rejects the id. */
    @FunctionalInterface
    public interface IdMapping {
        int apply(long id);
    }
}
