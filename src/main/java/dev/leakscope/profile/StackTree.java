package dev.leakscope.profile;

import dev.leakscope.util.Hashing;
import java.util.Arrays;
import java.util.BitSet;

/**
 * The stacks of a profile's samples as a prefix tree of call paths: a node is a location reached from
 * a root by one path, and a sample refers to the node of its leaf. Its size follows the distinct call
 * paths, not the frames of every sample.
 *
 * <p>One int array holds the tree as chains of nodes. A chain is a path, each node the parent of the
 * next, stored as a head followed by the chain's locations; the head holds the parent of the chain's
 * first node ({@code -2 - parent}, so -1 for a root, and every head is negative). A node is the index
 * of its location in the array: walking a stack from its leaf reads the array backwards, jumping at
 * each head to the parent it names.
 */
public final class StackTree {
    private final int[] entries;
    private final int maxDepth;

    private StackTree(int[] entries, int maxDepth) {
        this.entries = entries;
        this.maxDepth = maxDepth;
    }

    /** The location (an index of the profile's locations) of node. */
    public int location(int node) {
        return entries[node];
    }

    /** The parent of node, or -1 for a root (an outermost frame). */
    public int parent(int node) {
        int before = entries[node - 1];
        return before >= 0 ? node - 1 : -2 - before;
    }

    /** The deepest stack: the size of an array that holds any stack ({@link #stack}). */
    public int maxDepth() {
        return maxDepth;
    }

    /** Puts the locations of the stack ending at leaf into into[0..depth), leaf first; returns depth. */
    public int stack(int leaf, int[] into) {
        int[] e = entries;
        int d = 0;
        for (int k = leaf; k >= 0; ) {
            int v = e[k];
            if (v >= 0) {
                into[d++] = v;
                k--;
            } else {
                k = -2 - v;
            }
        }
        return d;
    }

    /** The number of frames from leaf to its root (0 for leaf -1, an empty stack). */
    public int depth(int leaf) {
        int[] e = entries;
        int d = 0;
        for (int k = leaf; k >= 0; ) {
            int v = e[k];
            if (v >= 0) {
                d++;
                k--;
            } else {
                k = -2 - v;
            }
        }
        return d;
    }

    /**
     * The tree array itself, for a consumer's innermost loop (walk it as {@link #stack} does): an
     * entry is a location, or, when negative, a chain's head naming the parent {@code -2 - entry}.
     */
    public int[] entries() {
        return entries;
    }

    /**
     * Maps every node's key by f to its location; returns null, or, when f rejects some keys (-1), the
     * set of those nodes, which keep their keys.
     */
    BitSet remap(KeyMapping f) {
        BitSet unknown = null;
        for (int n = 0; n < entries.length; n++) {
            int key = entries[n];
            if (key < 0) {
                continue;
            }
            int l = f.apply(key);
            if (l >= 0) {
                entries[n] = l;
            } else {
                if (unknown == null) {
                    unknown = new BitSet();
                }
                unknown.set(n);
            }
        }
        return unknown;
    }

    /** A key-to-location function; -1 rejects the key. */
    @FunctionalInterface
    interface KeyMapping {
        int apply(int key);
    }

    /**
     * Makes a tree from stacks added one at a time. A node's key is a location index, or, for a
     * {@link ProfileBuilder}, a key (any int from 0) that {@link ProfileBuilder#build} maps to one.
     */
    public static final class Builder {
        private static final int BLOCK_BITS = 16;
        private static final int BLOCK = 1 << BLOCK_BITS;
        /** The entries in blocks, so that growing never copies them. */
        private int[][] blocks = new int[8][];
        private int size;
        /** Open addressing: the first node + 1 of each chain, by the chain's parent and first key; 0 is empty. */
        private int[] table = new int[1024];
        private int chains;
        private int maxDepth;

        /** Adds the stack keys[from..to), leaf first; returns its leaf node, or -1 for an empty stack. */
        public int add(int[] keys, int from, int to) {
            maxDepth = Math.max(maxDepth, to - from);
            int p = -1;
            int i = to - 1;
            for (; i >= from; i--) {
                int key = keys[i];
                // the next entry continues p's chain: p's first child, found without a lookup
                if (p >= 0 && p + 1 < size && entry(p + 1) == key) {
                    p++;
                    continue;
                }
                int child = find(p, key);
                if (child < 0) {
                    break;
                }
                p = child;
            }
            for (; i >= from; i--) {
                if (p < 0 || p != size - 1) {
                    append(-2 - p);
                    append(keys[i]);
                    p = size - 1;
                    if (++chains * 4L > table.length * 3L) {
                        rehash();
                    } else {
                        insert(p);
                    }
                } else {
                    append(keys[i]);
                    p = size - 1;
                }
            }
            return p;
        }

        private int entry(int n) {
            return blocks[n >>> BLOCK_BITS][n & (BLOCK - 1)];
        }

        private void append(int v) {
            int b = size >>> BLOCK_BITS;
            if ((size & (BLOCK - 1)) == 0) {
                if (b == blocks.length) {
                    blocks = Arrays.copyOf(blocks, b * 2);
                }
                blocks[b] = new int[BLOCK];
            }
            blocks[b][size & (BLOCK - 1)] = v;
            size++;
        }

        /** The first node of the chain whose head names parent and whose first key is key, or -1. */
        private int find(int parent, int key) {
            int mask = table.length - 1;
            int head = -2 - parent;
            for (int i = hash(head, key) & mask; ; i = (i + 1) & mask) {
                int first = table[i] - 1;
                if (first < 0) {
                    return -1;
                }
                if (entry(first) == key && entry(first - 1) == head) {
                    return first;
                }
            }
        }

        private static int hash(int head, int key) {
            return Hashing.mix(((long) head << 32) ^ (key & 0xFFFFFFFFL));
        }

        private void insert(int first) {
            int mask = table.length - 1;
            int i = hash(entry(first - 1), entry(first)) & mask;
            while (table[i] != 0) {
                i = (i + 1) & mask;
            }
            table[i] = first + 1;
        }

        /** A table twice the size, filled from the chains' heads in the entries. */
        private void rehash() {
            table = new int[table.length * 2];
            for (int n = 0; n < size; n++) {
                if (entry(n) < 0) {
                    insert(n + 1);
                }
            }
        }

        /** The tree of the stacks added; the builder must not be used afterwards. */
        public StackTree build() {
            int[] entries = new int[size];
            for (int b = 0; b * BLOCK < size; b++) {
                System.arraycopy(blocks[b], 0, entries, b * BLOCK, Math.min(BLOCK, size - b * BLOCK));
                blocks[b] = null;
            }
            table = null;
            return new StackTree(entries, maxDepth);
        }
    }
}
