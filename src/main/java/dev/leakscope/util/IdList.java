package dev.leakscope.util;

/**
 * A growable list of unsigned 64-bit ids stored as ints while every id fits in 31 bits (the usual
 * case), which halves the memory of the largest array a profile has: its stacks' location ids.
 */
public final class IdList {
    private IntList narrow = new IntList(1024);
    private LongList wide;

    public void add(long id) {
        if (wide == null) {
            if (id >= 0 && id <= Integer.MAX_VALUE) {
                narrow.add((int) id);
                return;
            }
            wide = new LongList(Math.max(1024, narrow.size() * 2));
            for (int i = 0; i < narrow.size(); i++) {
                wide.add(narrow.get(i));
            }
            narrow = null;
        }
        wide.add(id);
    }

    public long get(int i) {
        return wide == null ? narrow.get(i) : wide.get(i);
    }

    public int size() {
        return wide == null ? narrow.size() : wide.size();
    }

    /** The int storage (ids as ints, possibly longer than size), or null once an id needed 64 bits. */
    public int[] narrowArray() {
        return wide == null ? narrow.array() : null;
    }
}
