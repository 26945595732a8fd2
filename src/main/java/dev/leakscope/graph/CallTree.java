package dev.leakscope.graph;

import dev.leakscope.profile.Profile;
import dev.leakscope.profile.StackTree;
import dev.leakscope.util.IntList;
import dev.leakscope.util.LongIntMap;
import dev.leakscope.util.LongList;
import java.util.function.IntPredicate;

/**
 * The call tree of one or more profiles over one node set: one tree node per distinct call path
 * (root to frame), in compact arrays, with a cumulative value per profile ("column"). Node 0 is the
 * root, a synthetic frame above every stack; every other node's parent has a smaller index. Unlike a
 * {@link Graph}, recursion is not merged: a path through a function twice has two nodes.
 */
public final class CallTree {
    public static final int ROOT = 0;
    private final NodeTable table;
    private final int columns;
    private final IntList parent = new IntList();
    private final IntList frame = new IntList();
    private final LongList values = new LongList();
    private final LongIntMap children = new LongIntMap(1024);

    /** A tree with columns value columns, holding only the root. */
    public CallTree(NodeTable table, int columns) {
        this.table = table;
        this.columns = columns;
        add(-1, -1);
    }

    /** The call tree of p's samples (value at sampleIndex) in one column. */
    public static CallTree of(Profile p, NodeTable t, int sampleIndex) {
        CallTree tree = new CallTree(t, 1);
        tree.addSamples(p, t, sampleIndex, 0, 1);
        return tree;
    }

    /**
     * Adds p's samples to column, each value multiplied by scale (and rounded). t must be p's table over
     * this tree's node set (see {@link NodeTable#shared}).
     */
    public void addSamples(Profile p, NodeTable t, int sampleIndex, int column, double scale) {
        addSamples(p, t, sampleIndex, column, scale, s -> true);
    }

    /**
     * As {@link #addSamples(Profile, NodeTable, int, int, double)}, only the samples s that keep accepts.
     *
     * <p>The tree's nodes come from the profile's stack tree, not from every frame of every sample: each
     * stack-tree node on the path of a counted sample is mapped once to its call path (a hash lookup per
     * frame of its location), each sample's value goes to its leaf's path, and the paths' values are
     * summed up the tree at the end. So the lookups follow the stack tree's size, and no value is added
     * per frame (on the bench's L tier each frame's lookup and value were a cache miss or two).
     */
    public void addSamples(Profile p, NodeTable t, int sampleIndex, int column, double scale, IntPredicate keep) {
        StackTree stacks = p.stacks;
        long[] counted = new long[p.sampleCount()];
        boolean[] onPath = new boolean[stacks.extent()];
        for (int s = 0; s < counted.length; s++) {
            long w = p.value(s, sampleIndex);
            if (w != 0 && keep.test(s)) {
                counted[s] = scale == 1 ? w : Math.round(w * scale);
                int leaf = p.stackLeaf(s);
                if (leaf >= 0) {
                    onPath[leaf] = true;
                }
            }
        }
        for (int k = onPath.length - 1; k >= 0; k--) {
            int up;
            if (onPath[k] && (up = stacks.parent(k)) >= 0) {
                onPath[up] = true;
            }
        }
        int[] path = new int[onPath.length];
        for (int k = 0; k < onPath.length; k++) {
            if (!onPath[k]) {
                continue;
            }
            int up = stacks.parent(k);
            int at = up < 0 ? ROOT : path[up];
            int l = stacks.location(k);
            for (int f = t.frameEnd(l) - 1; f >= t.frameStart(l); f--) {
                at = child(at, t.frameNode(f));
            }
            path[k] = at;
        }
        long[] sums = new long[size()];
        for (int s = 0; s < counted.length; s++) {
            if (counted[s] != 0) {
                int leaf = p.stackLeaf(s);
                sums[leaf < 0 ? ROOT : path[leaf]] += counted[s];
            }
        }
        for (int n = sums.length - 1; n > ROOT; n--) {
            sums[parent.get(n)] += sums[n];
        }
        for (int n = 0; n < sums.length; n++) {
            addValue(n, column, sums[n]);
        }
    }

    private int child(int of, int node) {
        long key = ((long) of << 32) | node;
        int c = children.get(key);
        if (c < 0) {
            c = add(of, node);
            children.putIfAbsent(key, c);
        }
        return c;
    }

    private int add(int of, int node) {
        parent.add(of);
        frame.add(node);
        for (int c = 0; c < columns; c++) {
            values.add(0);
        }
        return parent.size() - 1;
    }

    private void addValue(int n, int column, long v) {
        int i = n * columns + column;
        values.set(i, values.get(i) + v);
    }

    public int size() {
        return parent.size();
    }

    public int columns() {
        return columns;
    }

    /** The parent of n (always smaller than n), or -1 for the root. */
    public int parent(int n) {
        return parent.get(n);
    }

    /** The node's printable name; {@code root} for the root. */
    public String name(int n) {
        int f = frame.get(n);
        return f < 0 ? "root" : table.info(f).printableName();
    }

    /** The node-table node of n's frame (the same for every node of one name), or -1 for the root. */
    public int frame(int n) {
        return frame.get(n);
    }

    /** The cumulative value of n (the samples whose stack passes through its path) in column. */
    public long value(int n, int column) {
        return values.get(n * columns + column);
    }
}
