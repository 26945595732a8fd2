package dev.leakscope.graph;

import dev.leakscope.profile.Profile;
import dev.leakscope.util.LongIntMap;
import dev.leakscope.util.LongList;

/**
 * Where the value of leaves that are not the program's own code comes from: for every sample whose
 * leaf frame is allocator, runtime or library code (see {@link OwnCode}), its value summed per pair
 * (leaf node, first own-code frame above the leaf). One pass over the samples; samples whose leaf is
 * own code cost one check.
 */
public final class ViaValues {
    private final LongIntMap index = new LongIntMap(64);
    private final LongList keys = new LongList();
    private final LongList values = new LongList();
    /** Per frame of the node table, whether it is own code (see {@link OwnCode#frames}). */
    private final boolean[] own;

    /** Empty, for the samples of a pass that reads their stacks ({@link #add(NodeTable, int[], int, long)}). */
    ViaValues(boolean[] own) {
        this.own = own;
    }

    public static ViaValues of(Profile p, NodeTable t, int sampleIndex) {
        boolean[] own = OwnCode.of(p, t).frames();
        ViaValues v = new ViaValues(own);
        for (int s = 0; s < p.sampleCount(); s++) {
            long w = p.value(s, sampleIndex);
            int leaf = p.stackLeaf(s);
            if (w == 0 || leaf < 0) {
                continue;
            }
            int leafFrame = t.frameStart(p.stacks.location(leaf));
            if (leafFrame == t.frameEnd(p.stacks.location(leaf)) || own[leafFrame]) {
                continue;
            }
            int via = firstOwn(p, t, own, s);
            if (via >= 0) {
                v.add(key(t.frameNode(leafFrame), via), w);
            }
        }
        return v;
    }

    /** The node of the first own-code frame from the leaf up, or -1. */
    private static int firstOwn(Profile p, NodeTable t, boolean[] own, int s) {
        for (int n = p.stackLeaf(s); n >= 0; n = p.stacks.parent(n)) {
            int l = p.stacks.location(n);
            for (int k = t.frameStart(l); k < t.frameEnd(l); k++) {
                if (own[k]) {
                    return t.frameNode(k);
                }
            }
        }
        return -1;
    }

    /** A sample of value w (not 0), its locations in stack[0..depth) leaf first (depth at least 1). */
    void add(NodeTable t, int[] stack, int depth, long w) {
        int leafFrame = t.frameStart(stack[0]);
        if (leafFrame == t.frameEnd(stack[0]) || own[leafFrame]) {
            return;
        }
        for (int i = 0; i < depth; i++) {
            for (int k = t.frameStart(stack[i]), end = t.frameEnd(stack[i]); k < end; k++) {
                if (own[k]) {
                    add(key(t.frameNode(leafFrame), t.frameNode(k)), w);
                    return;
                }
            }
        }
    }

    private void add(long key, long w) {
        int i = index.putIfAbsent(key, keys.size());
        if (i < 0) {
            keys.add(key);
            values.add(w);
        } else {
            values.set(i, values.get(i) + w);
        }
    }

    /**
     * Whether a via that carried viaChange of its node's change is named: when it carried at least 1% of
     * it (the rest came through no frame of the program's own: naming it would say "via X: 0%"). The rule
     * of {@code diff}'s via and {@code trend}'s.
     */
    public static boolean named(long viaChange, long change) {
        return change != 0 && Long.signum(viaChange) == Long.signum(change)
                && Math.abs(viaChange) * 100 >= Math.abs(change);
    }

    public static long key(int leaf, int via) {
        return ((long) leaf << 32) | via;
    }

    public static int leaf(long key) {
        return (int) (key >>> 32);
    }

    public static int via(long key) {
        return (int) key;
    }

    /** Number of (leaf, via) pairs. */
    public int size() {
        return keys.size();
    }

    public long key(int i) {
        return keys.get(i);
    }

    public long value(int i) {
        return values.get(i);
    }

    /** The value of a pair, 0 when absent. */
    public long valueOf(long key) {
        int i = index.get(key);
        return i < 0 ? 0 : values.get(i);
    }
}
