package dev.leakscope.util;

import java.util.Arrays;

/** A growable array of ints: the building block of the compact profile model. */
public final class IntList {
    private int[] data;
    private int size;

    public IntList() {
        this(16);
    }

    public IntList(int capacity) {
        data = new int[Math.max(capacity, 4)];
    }

    public void add(int v) {
        if (size == data.length) {
            data = Arrays.copyOf(data, ArraySizes.grow(data.length));
        }
        data[size++] = v;
    }

    public int get(int i) {
        return data[i];
    }

    public void set(int i, int v) {
        data[i] = v;
    }

    public int size() {
        return size;
    }

    public void clear() {
        size = 0;
    }

    public void truncate(int newSize) {
        size = newSize;
    }

    /** The elements, in an array of exactly {@link #size()} elements. */
    public int[] toArray() {
        return Arrays.copyOf(data, size);
    }
}
