package dev.leakscope.profile;

import dev.leakscope.util.Hashing;
import dev.leakscope.util.IntBlocks;
import java.util.BitSet;

/**
 * The stacks of a profile's samples as a prefix tree of call paths: a node is a location reached from
 * a root by one path, and a sample refers to the node of its leaf. Its size follows the distinct call
 * paths, not the frames of every sample.
 *
 * <p>One int array (in blocks) holds the tree as chains of nodes. A chain is a path, each node the parent of the
 * next, stored as a head followed by the chain's locations; the head holds the parent of the chain's
 * first node ({@code -2 - parent}, so -1 for a root, and every head is negative). A node is the index
 * of its location in the array: walking a stack from its leaf reads the array backwards, jumping at
 * each head to the parent it names. An entry holds its location plus the tree's shift (see {@link
 * Builder#build(int)}).
 */
public final class StackTree {
    private static final int BLOCK_BITS = IntBlocks.BITS;
    private static final int BLOCK = IntBlocks.SIZE;
    /** The array in blocks (see {@link IntBlocks}): never copied whole. */
    private final int[][] blocks;
    private final int maxDepth;
    private final int shift;

    private StackTree(int[][] blocks, int maxDepth, int shift) {
        this.blocks = blocks;
        this.maxDepth = maxDepth;
        this.shift = shift;
    }

    private int entry(int k) {
        return blocks[k >>> BLOCK_BITS][k & (BLOCK - 1)];
    }

    /** The location (an index of the profile's locations) of node. */
    public int location(int node) {
        return entry(node) - shift;
    }

    /** The parent of node, or -1 for a root (an outermost frame). */
    public int parent(int node) {
        int before = entry(node - 1);
        return before >= 0 ? node - 1 : -2 - before;
    }

    /** The deepest stack: the size of an array that holds any stack ({@link #stack}). */
    public int maxDepth() {
        return maxDepth;
    }

    /** Puts the locations of the stack ending at leaf into into[0..depth), leaf first; returns depth. */
    public int stack(int leaf, int[] into) {
        return stack(leaf, into, null);
    }

    /**
     * As {@link #stack(int, int[])}, keeping only the locations l with keep[l] (all when keep is null):
     * puts them into into[0..n), leaf first; returns n.
     */
    public int stack(int leaf, int[] into, boolean[] keep) {
        int d = 0;
        int shift = this.shift;
        for (int k = leaf; k >= 0; ) {
            int[] b = blocks[k >>> BLOCK_BITS];
            int base = k & -BLOCK;
            int j = k - base;
            int v = 0;
            for (; j >= 0 && (v = b[j]) >= 0; j--) {
                if (keep == null || keep[v - shift]) {
                    into[d++] = v - shift;
                }
            }
            k = j < 0 ? base - 1 : -2 - v;
        }
        return d;
    }

    /**
     * Counts each key of the stack ending at leaf once, in one walk with no copy of the stack: for each
     * location l of it whose key keys[l] is not negative, adds w to sums[keys[l]] unless stamps[keys[l]] is
     * already stamp, and sets it; puts the locations whose key is negative into rest[0..n), leaf first,
     * and returns n.
     */
    public int addOnce(int leaf, int[] keys, int[] stamps, int stamp, long[] sums, long w, int[] rest) {
        int n = 0;
        int shift = this.shift;
        for (int k = leaf; k >= 0; ) {
            int[] b = blocks[k >>> BLOCK_BITS];
            int base = k & -BLOCK;
            int j = k - base;
            int v = 0;
            for (; j >= 0 && (v = b[j]) >= 0; j--) {
                int key = keys[v - shift];
                if (key < 0) {
                    rest[n++] = v - shift;
                } else if (stamps[key] != stamp) {
                    stamps[key] = stamp;
                    sums[key] += w;
                }
            }
            k = j < 0 ? base - 1 : -2 - v;
        }
        return n;
    }

    /**
     * Maps every node's key by f to its location (in a tree built with no shift); returns null, or, when
     * f rejects some keys (-1), the set of those nodes, which keep their keys.
     */
    BitSet remap(KeyMapping f) {
        BitSet unknown = null;
        for (int b = 0; b < blocks.length; b++) {
            int[] block = blocks[b];
            for (int j = 0; j < block.length; j++) {
                int key = block[j];
                if (key < 0) {
                    continue;
                }
                int l = f.apply(key);
                if (l >= 0) {
                    block[j] = l;
                } else {
                    if (unknown == null) {
                        unknown = new BitSet();
                    }
                    unknown.set(b * BLOCK + j);
                }
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
        private final IntBlocks entries = new IntBlocks();
        /**
         * Open addressing by the chain's parent and first key: the first node + 1 of each chain in the high
         * half, that key's hash in the low half (so that a probe reads entries only on a likely match); 0
         * is empty.
         */
        private long[] table = new long[1024];
        /**
         * The hashes of the chains in the table, a bit each, 8 bits per slot: most lookups that fail (deep
         * in a large tree, a cache miss in the table) end here, in an array an eighth of the table's size.
         */
        private long[] hashes = new long[1024 * 8 / 64];
        /**
         * Lookups per stack: few enough that building the tree costs little more than reading the frames,
         * at some sharing lost where stacks branch often. XL tier: 22.5 M entries for 28.6 M frames (15.1 M
         * with full sharing, which took 1.3 CPU-s more to build). Two lookups: 24.6 M entries (XL top's
         * peak RSS about 190 -> 202 MiB) for a few percent less time; four: 20.3 M (189 MiB), XL top 10-15%
         * slower.
         */
        static final int LOOKUPS = 3;
        /**
         * Lookups per stack when the tree is built on the decoding thread itself, as when profiles decode
         * side by side on every core ({@link BatchedStackTree}): its time is then the decode's, where a
         * tree built on a core to spare costs the decode little. Nearly every lookup succeeds, and each
         * is a cache miss or two. In alternating runs, L {@code diff} 3% faster, XL {@code diff} 7%
         * faster in 19 MiB more (353 MiB).
         */
        static final int LOOKUPS_INLINE = 2;
        private int chains;
        private int maxDepth;
        private int maxKey = -1;

        /** Adds the stack keys[from..to), leaf first; returns its leaf node, or -1 for an empty stack. */
        public int add(int[] keys, int from, int to) {
            return add(keys, from, to, LOOKUPS);
        }

        /**
         * As {@link #add(int[], int, int)}, with at most the given lookups. Following a chain costs
         * nothing, but each change of chain is a lookup, a cache miss once the tree is large: after the
         * last of them the rest of the stack is a new chain of its own, left out of the table (so that
         * the table never names two chains alike).
         */
        int add(int[] keys, int from, int to, int lookups) {
            maxDepth = Math.max(maxDepth, to - from);
            int p = -1;
            int i = to - 1;
            for (; i >= from; i--) {
                int key = keys[i];
                // the next entry continues p's chain: p's first child, found without a lookup
                if (p >= 0 && p + 1 < entries.size() && entry(p + 1) == key) {
                    p++;
                    continue;
                }
                if (lookups-- == 0) {
                    break;
                }
                int child = find(p, key);
                if (child < 0) {
                    break;
                }
                p = child;
            }
            if (i < from) {
                return p;
            }
            // the rest, keys[from..i] root first: a new chain, or more of p's when p ends the entries
            boolean newChain = p < 0 || p != entries.size() - 1;
            if (newChain) {
                entries.add(-2 - p);
            }
            int first = entries.size();
            entries.addReversed(keys, from, i + 1);
            if (newChain && lookups >= 0) {
                if (++chains * 4L > table.length * 3L) {
                    rehash();
                }
                insert(first);
            }
            for (int k = from; k <= i; k++) {
                maxKey = Math.max(maxKey, keys[k]);
            }
            return entries.size() - 1;
        }

        /** The largest key added, -1 when none was. */
        public int maxKey() {
            return maxKey;
        }

        private int entry(int n) {
            return entries.get(n);
        }

        /** The first node of the chain whose head names parent and whose first key is key, or -1. */
        private int find(int parent, int key) {
            int mask = table.length - 1;
            int head = -2 - parent;
            int h = hash(head, key);
            if (!hashed(h)) {
                return -1;
            }
            for (int i = h & mask; ; i = (i + 1) & mask) {
                long slot = table[i];
                if (slot == 0) {
                    return -1;
                }
                int first = (int) (slot >>> 32) - 1;
                if ((int) slot == h && entry(first) == key && entry(first - 1) == head) {
                    return first;
                }
            }
        }

        private static int hash(int head, int key) {
            return Hashing.mix(((long) head << 32) ^ (key & 0xFFFFFFFFL));
        }

        private void insert(int first) {
            int mask = table.length - 1;
            int h = hash(entry(first - 1), entry(first));
            int i = h & mask;
            while (table[i] != 0) {
                i = (i + 1) & mask;
            }
            table[i] = (long) (first + 1) << 32 | (h & 0xFFFFFFFFL);
            hash(h);
        }

        private boolean hashed(int h) {
            int bit = h & (hashes.length * 64 - 1);
            return (hashes[bit >>> 6] & (1L << bit)) != 0;
        }

        private void hash(int h) {
            int bit = h & (hashes.length * 64 - 1);
            hashes[bit >>> 6] |= 1L << bit;
        }

        /** A table twice the size, filled from the chains' heads in the entries. */
        private void rehash() {
            long[] old = table;
            table = new long[old.length * 2];
            hashes = new long[table.length * 8 / 64];
            int mask = table.length - 1;
            for (long slot : old) {
                if (slot != 0) {
                    hash((int) slot);
                    int i = (int) slot & mask;
                    while (table[i] != 0) {
                        i = (i + 1) & mask;
                    }
                    table[i] = slot;
                }
            }
        }

        /** The tree of the stacks added, their keys its locations; the builder must not be used afterwards. */
        public StackTree build() {
            return build(0);
        }

        /**
         * The tree of the stacks added, key k being location k - shift (no key may be below shift); the
         * builder must not be used afterwards.
         */
        public StackTree build(int shift) {
            table = null;
            hashes = null;
            return new StackTree(entries.trimmed(), maxDepth, shift);
        }
    }
}
