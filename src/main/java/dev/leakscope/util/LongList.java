package dev.leakscope.util;

import java.util.Arrays;

/** A growable array of longs. */
public final class LongList {
    private long[] data;
    private int size;

    public LongList() {
        this(16);
    }

    public LongList(int capacity) {
        data = new long[Math.max(capacity, 4)];
    }

    public void add(long v) {
        if (size == data.length) {
            data = Arrays.copyOf(data, ArraySizes.grow(data.length));
        }
        data[size++] = v;
    }

    public long get(int i) {
        return data[i];
    }

    public void set(int i, long v) {
        data[i] = v;
    }

    public int size() {
        return size;
    }

    public void truncate(int newSize) {
        size = newSize;
    }

    /** The backing array itself (its first {@link #size()} elements are the list), without copying. */
    public long[] array() {
        return data;
    }

    public long[] toArray() {
        return Arrays.copyOf(data, size);
    }
}
