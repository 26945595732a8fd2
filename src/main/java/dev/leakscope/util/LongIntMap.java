package dev.leakscope.util;

import java.util.Arrays;

/**
 * Open-addressing hash map from long keys to non-negative int values, without boxing.
 * Used to resolve profile ids (which need not be dense) to array indexes.
 */
public final class LongIntMap {
    private static final int EMPTY = -1;
    private long[] keys;
    private int[] values;
    private int size;
    private int mask;

    public LongIntMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
        keys = new long[cap];
        values = new int[cap];
        Arrays.fill(values, EMPTY);
        mask = cap - 1;
    }

    /** The value for key, or -1. */
    public int get(long key) {
        int i = Hashing.mix(key) & mask;
        while (true) {
            int v = values[i];
            if (v == EMPTY || keys[i] == key) {
                return v;
            }
            i = (i + 1) & mask;
        }
    }

    /** Associates key with value (>= 0) unless key is present; returns the previous value or -1. */
    public int putIfAbsent(long key, int value) {
        int i = Hashing.mix(key) & mask;
        while (true) {
            int v = values[i];
            if (v == EMPTY) {
                keys[i] = key;
                values[i] = value;
                if (++size * 2 > keys.length) {
                    rehash();
                }
                return EMPTY;
            }
            if (keys[i] == key) {
                return v;
            }
            i = (i + 1) & mask;
        }
    }

    public int size() {
        return size;
    }

    private void rehash() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        Arrays.fill(values, EMPTY);
        mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldValues[j] != EMPTY) {
                int i = Hashing.mix(oldKeys[j]) & mask;
                while (values[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                values[i] = oldValues[j];
            }
        }
    }
}
