package dev.leakscope.util;

/** Growth policy shared by the growable arrays. */
final class ArraySizes {
    /** Largest array the JVM reliably allocates. */
    static final int MAX = Integer.MAX_VALUE - 8;

    private ArraySizes() {
    }

    static int grow(int length) {
        if (length >= MAX) {
            throw new OutOfMemoryError("array of more than " + MAX + " elements");
        }
        return (int) Math.min(MAX, length + (long) (length >> 1) + 16);
    }
}
