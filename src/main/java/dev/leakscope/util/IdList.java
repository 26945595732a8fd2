package dev.leakscope.util;

import java.util.ArrayList;
import java.util.List;

/**
 * An append-only list of unsigned 64-bit ids, the largest array a profile has (its stacks' location
 * ids) while it is decoded. The ids are kept as varints (7 bits a byte, as on the wire: two or three
 * bytes for the usual location id instead of four or eight) in fixed-size blocks, so that growing
 * never copies and the list costs well under the exact int array {@link #map} finally makes of it.
 */
public final class IdList {
    private static final int BLOCK_BITS = 18;
    private static final int BLOCK = 1 << BLOCK_BITS;
    private static final int MAX_VARINT = 10;
    private final List<byte[]> blocks = new ArrayList<>();
    private byte[] last;
    private long bytes;
    private int size;
    private int failedAt = -1;
    private long failedId;
    private boolean mapped;

    public void add(long id) {
        if (mapped) {
            throw new IllegalStateException("the ids were mapped already");
        }
        size++;
        int at = (int) (bytes & (BLOCK - 1));
        if (at == 0 || at > BLOCK - MAX_VARINT) {
            long v = id;
            while ((v & ~0x7FL) != 0) {
                put((byte) (v | 0x80));
                v >>>= 7;
            }
            put((byte) v);
            return;
        }
        // The usual case: the whole varint fits in the current block.
        byte[] block = last;
        int start = at;
        long v = id;
        while ((v & ~0x7FL) != 0) {
            block[at++] = (byte) (v | 0x80);
            v >>>= 7;
        }
        block[at++] = (byte) v;
        bytes += at - start;
    }

    private void put(byte b) {
        int at = (int) (bytes & (BLOCK - 1));
        if (at == 0) {
            last = new byte[BLOCK];
            blocks.add(last);
        }
        last[at] = b;
        bytes++;
    }

    public int size() {
        return size;
    }

    /**
     * The ids mapped by f, in a new exact int array; null when f rejects an id (returns -1), whose
     * position and value {@link #failedAt()} and {@link #failedId()} then tell. Once it succeeds the
     * list lets go of its storage (it is the input's largest part), and can be neither added to nor
     * mapped again.
     */
    public int[] map(IdMapping f) {
        if (mapped) {
            throw new IllegalStateException("the ids were mapped already");
        }
        int[] out = new int[size];
        byte[] block = null;
        int next = 0;
        int at = BLOCK;
        for (int i = 0; i < size; i++) {
            long v = 0;
            int shift = 0;
            byte x;
            do {
                if (at == BLOCK) {
                    block = blocks.get(next++);
                    at = 0;
                }
                x = block[at++];
                v |= (long) (x & 0x7F) << shift;
                shift += 7;
            } while (x < 0);
            if ((out[i] = f.apply(v)) < 0) {
                failedAt = i;
                failedId = v;
                return null;
            }
        }
        mapped = true;
        blocks.clear();
        last = null;
        return out;
    }

    /** Where the last {@link #map} stopped on a rejected id, or -1. */
    public int failedAt() {
        return failedAt;
    }

    /** The id the last {@link #map} rejected. */
    public long failedId() {
        return failedId;
    }

    /** An id-to-index function; -1 rejects the id. */
    @FunctionalInterface
    public interface IdMapping {
        int apply(long id);
    }
}
