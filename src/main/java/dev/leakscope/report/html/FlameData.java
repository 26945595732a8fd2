package dev.leakscope.report.html;

import dev.leakscope.graph.CallTree;
import dev.leakscope.util.IntList;
import dev.leakscope.util.LongList;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongBinaryOperator;

/**
 * A call tree cut to the report's size budget, written as the JSON the page's script draws. Frames
 * smaller than {@link #MIN_FRACTION} of the largest total are folded, with their subtrees, into one
 * "other" frame per parent; when more than {@link #MAX_FRAMES} frames remain the cut is raised until
 * they fit. So a report holds at most MAX_FRAMES frames (plus one "other" per kept frame), whatever
 * the profile's size.
 */
final class FlameData {
    /** Frames below this fraction of the total are folded: well under one pixel on a 4K screen. */
    static final double MIN_FRACTION = 1e-4;
    static final int MAX_FRAMES = 20_000;
    static final int NOISE = 1;
    static final int NEW = 2;
    static final int OTHER = 4;
    static final String OTHER_NAME = "[other]";

    final int columns;
    final IntList parent = new IntList();
    final IntList name = new IntList();
    final LongList values = new LongList();
    final IntList flags = new IntList();
    final Map<String, Integer> nameIndex = new HashMap<>();
    final java.util.List<String> names = new java.util.ArrayList<>();
    /** How many call paths were folded into "other" frames, and the cut that folded them. */
    int foldedPaths;
    long cut;
    /**
     * For a table row's name that has no frame of its own in the graph (every path through it folded): the
     * "other" frame that holds the most of it, so a click on the row can go there and say so.
     */
    private final Map<String, Integer> foldedInto = new HashMap<>();
    /** Each frame's first child and next sibling (-1: none), made when a path is first looked up. */
    private int[] firstChild;
    private int[] nextSibling;

    private FlameData(int columns) {
        this.columns = columns;
    }

    /**
     * Cuts tree to the budget. noise, for a diff (two columns: base then current), gives the change
     * that sampling explains for a frame's self values; null otherwise.
     */
    static FlameData of(CallTree tree, LongBinaryOperator noise) {
        return of(tree, noise, java.util.Set.of());
    }

    /**
     * As {@link #of(CallTree, LongBinaryOperator)}; rowNames are the names the report's table rows select:
     * for those folded away entirely, {@link #foldedInto} finds the "other" frame that holds them.
     */
    static FlameData of(CallTree tree, LongBinaryOperator noise, java.util.Collection<String> rowNames) {
        int cols = tree.columns();
        int size = tree.size();
        long[] weight = new long[size];
        for (int n = 0; n < size; n++) {
            for (int c = 0; c < cols; c++) {
                weight[n] = Math.max(weight[n], Math.abs(tree.value(n, c)));
            }
        }
        long cut = Math.max(1, (long) Math.ceil(weight[CallTree.ROOT] * MIN_FRACTION));
        while (kept(weight, tree, cut) > MAX_FRAMES) {
            cut *= 2;
        }
        FlameData d = new FlameData(cols);
        d.cut = cut;
        int[] mapped = new int[size];
        int[] other = new int[size];
        java.util.Arrays.fill(other, -1);
        for (int n = 0; n < size; n++) {
            int p = tree.parent(n);
            if (n == CallTree.ROOT || weight[n] >= cut && mapped[p] >= 0 && (d.flags.get(mapped[p]) & OTHER) == 0) {
                mapped[n] = d.add(p < 0 ? -1 : mapped[p], tree.name(n), 0);
                for (int c = 0; c < cols; c++) {
                    d.values.set(mapped[n] * cols + c, tree.value(n, c));
                }
            } else if (mapped[p] >= 0 && (d.flags.get(mapped[p]) & OTHER) == 0) {
                // a folded subtree's root: its values go to its parent's "other" frame
                if (other[p] < 0) {
                    other[p] = d.add(mapped[p], OTHER_NAME, OTHER);
                }
                mapped[n] = other[p];
                d.foldedPaths++;
                for (int c = 0; c < cols; c++) {
                    int i = other[p] * cols + c;
                    d.values.set(i, d.values.get(i) + tree.value(n, c));
                }
            } else {
                mapped[n] = mapped[p]; // inside a folded subtree: its values are counted at the subtree's root
                d.foldedPaths++;
            }
        }
        if (cols == 2) {
            d.markChanges(noise);
        }
        d.findFolded(tree, rowNames, mapped, weight);
        return d;
    }

    /**
     * For each of names with no frame in the graph: the "other" frame holding its heaviest folded node.
     * mapped gives each tree node's frame (for a folded node, the "other" frame that holds it).
     */
    private void findFolded(CallTree tree, java.util.Collection<String> rowNames, int[] mapped, long[] weight) {
        java.util.Set<String> missing = new java.util.HashSet<>();
        for (String n : rowNames) {
            if (n != null && !nameIndex.containsKey(n)) {
                missing.add(n);
            }
        }
        if (missing.isEmpty() || foldedPaths == 0) {
            return;
        }
        // by the tree's frame ids: a name is made once per frame (state 1: not wanted, 2: wanted), not per node
        byte[] state = new byte[64];
        String[] frameName = new String[64];
        long[] best = new long[0];
        Map<String, Integer> slot = new HashMap<>();
        for (int n = 1; n < tree.size(); n++) {
            int m = mapped[n];
            if (m < 0 || (flags.get(m) & OTHER) == 0) {
                continue;
            }
            int f = tree.frame(n);
            if (f >= state.length) {
                state = java.util.Arrays.copyOf(state, Math.max(f + 1, state.length * 2));
                frameName = java.util.Arrays.copyOf(frameName, state.length);
            }
            if (state[f] == 0) {
                String name = tree.name(n);
                state[f] = (byte) (missing.contains(name) ? 2 : 1);
                frameName[f] = name;
                if (state[f] == 2 && !slot.containsKey(name)) {
                    slot.put(name, slot.size());
                    best = java.util.Arrays.copyOf(best, slot.size());
                    best[slot.size() - 1] = -1;
                }
            }
            if (state[f] == 2) {
                int i = slot.get(frameName[f]);
                if (weight[n] > best[i]) {
                    best[i] = weight[n];
                    foldedInto.put(frameName[f], m);
                }
            }
        }
    }

    /** The "other" frame that holds the most of name when name has no frame of its own, else -1. */
    int foldedInto(String name) {
        return name == null ? -1 : foldedInto.getOrDefault(name, -1);
    }

    /**
     * The frame at the end of a call path given by its names from the outermost frame down (the heaviest
     * where siblings share a name), or the "other" frame its remainder is folded into; -1 when the graph
     * does not hold it.
     */
    int frameOfPath(java.util.List<String> path) {
        if (firstChild == null) {
            firstChild = new int[size()];
            nextSibling = new int[size()];
            java.util.Arrays.fill(firstChild, -1);
            for (int i = size() - 1; i > 0; i--) {
                nextSibling[i] = firstChild[parent.get(i)];
                firstChild[parent.get(i)] = i;
            }
        }
        int at = 0;
        for (String frame : path) {
            Integer id = nameIndex.get(frame);
            int next = -1;
            int other = -1;
            for (int c = firstChild[at]; c >= 0; c = nextSibling[c]) {
                if (id != null && name.get(c) == id && (flags.get(c) & OTHER) == 0
                        && (next < 0 || Math.abs(value(c, columns - 1)) > Math.abs(value(next, columns - 1)))) {
                    next = c;
                } else if ((flags.get(c) & OTHER) != 0) {
                    other = c;
                }
            }
            if (next < 0) {
                return other;
            }
            at = next;
        }
        return path.isEmpty() ? -1 : at;
    }

    private static int kept(long[] weight, CallTree tree, long cut) {
        int count = 0;
        for (int n = 0; n < weight.length; n++) {
            // values only shrink going down the tree, so a kept frame's parent is kept
            if (weight[n] >= cut) {
                count++;
            }
        }
        return count;
    }

    private int add(int of, String frameName, int flag) {
        parent.add(of);
        Integer i = nameIndex.get(frameName);
        if (i == null) {
            i = names.size();
            names.add(frameName);
            nameIndex.put(frameName, i);
        }
        name.add(i);
        flags.add(flag);
        for (int c = 0; c < columns; c++) {
            values.add(0);
        }
        return parent.size() - 1;
    }

    int size() {
        return parent.size();
    }

    long value(int n, int column) {
        return values.get(n * columns + column);
    }

    /** Flags new frames and frames whose own (self) change is within sampling noise. */
    private void markChanges(LongBinaryOperator noise) {
        int n = size();
        long[] selfBase = new long[n];
        long[] selfCur = new long[n];
        for (int i = 0; i < n; i++) {
            selfBase[i] += value(i, 0);
            selfCur[i] += value(i, 1);
            int p = parent.get(i);
            if (p >= 0) {
                selfBase[p] -= value(i, 0);
                selfCur[p] -= value(i, 1);
            }
        }
        for (int i = 0; i < n; i++) {
            int f = flags.get(i);
            if (value(i, 0) == 0 && value(i, 1) != 0) {
                f |= NEW;
            }
            if (noise != null && selfBase[i] != selfCur[i]
                    && Math.abs(selfCur[i] - selfBase[i]) <= noise.applyAsLong(selfBase[i], selfCur[i])) {
                f |= NOISE;
            }
            flags.set(i, f);
        }
    }

    /** The gross change of the kept frames: the sum of |self change| (two columns only). */
    long grossChange() {
        long gross = 0;
        long[] self = new long[size()];
        for (int i = 0; i < size(); i++) {
            self[i] += value(i, 1) - value(i, 0);
            int p = parent.get(i);
            if (p >= 0) {
                self[p] -= value(i, 1) - value(i, 0);
            }
        }
        for (long s : self) {
            gross += Math.abs(s);
        }
        return gross;
    }

    /** Writes the arrays as JSON members (without braces): names, p, n, c, b (diff), f. */
    void writeJson(PrintWriter out) {
        out.print("\"names\":[");
        for (int i = 0; i < names.size(); i++) {
            out.print(i == 0 ? "" : ",");
            Html.jsonString(names.get(i), out);
        }
        out.print("],\"p\":");
        ints(parent, out);
        out.print(",\"n\":");
        ints(name, out);
        out.print(",\"f\":");
        ints(flags, out);
        out.print(",\"c\":");
        column(columns - 1, out);
        if (columns == 2) {
            out.print(",\"b\":");
            column(0, out);
        }
    }

    private static void ints(IntList list, PrintWriter out) {
        StringBuilder sb = new StringBuilder(list.size() * 4).append('[');
        for (int i = 0; i < list.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(list.get(i));
        }
        out.print(sb.append(']'));
    }

    private void column(int c, PrintWriter out) {
        StringBuilder sb = new StringBuilder(size() * 6).append('[');
        for (int i = 0; i < size(); i++) {
            sb.append(i == 0 ? "" : ",").append(value(i, c));
        }
        out.print(sb.append(']'));
    }
}
