package dev.leakscope.graph;

import dev.leakscope.profile.Profile;
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

    /** As {@link #addSamples(Profile, NodeTable, int, int, double)}, only the samples s that keep accepts. */
    public void addSamples(Profile p, NodeTable t, int sampleIndex, int column, double scale, IntPredicate keep) {
        int[] stack = p.stackBuffer();
        for (int s = 0; s < p.sampleCount(); s++) {
            long w = p.value(s, sampleIndex);
            if (w == 0 || !keep.test(s)) {
                continue;
            }
            long v = scale == 1 ? w : Math.round(w * scale);
            int at = ROOT;
            addValue(at, column, v);
            for (int i = p.stack(s, stack) - 1; i >= 0; i--) {
                int l = stack[i];
                for (int k = t.frameEnd(l) - 1; k >= t.frameStart(l); k--) {
                    at = child(at, t.frameNode(k));
                    addValue(at, column, v);
                }
            }
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
