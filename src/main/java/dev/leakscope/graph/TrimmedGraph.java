package dev.leakscope.graph;

import dev.leakscope.profile.Profile;
import java.util.Arrays;

/**
 * A graph trimmed for display as pprof trims it: nodes whose |cum| is below the node fraction of the
 * total flat value are dropped, the rest sorted and cut to the node count, and low-weight edges
 * removed. The graph is rebuilt from the samples after each cut, so flat values of dropped leaves
 * go to nobody (as in pprof).
 *
 * @param graph        the trimmed, sorted graph
 * @param originalCount how many nodes there were after the fraction cut, before the count cut
 * @param droppedNodes how many nodes the fraction cut removed
 */
public record TrimmedGraph(Graph graph, int originalCount, int droppedNodes) {

    /** Trimming parameters: fractions of the total flat value and a node count (0 = no limit). */
    public record Trim(double nodeFraction, double edgeFraction, int nodeCount, boolean cumSort) {
        public static final Trim NONE = new Trim(0, 0, 0, false);
    }

    public static TrimmedGraph of(Profile p, NodeTable table, GraphOptions o, Trim trim) {
        return of(p, table, o, trim, true);
    }

    /**
     * As {@link #of(Profile, NodeTable, GraphOptions, Trim)}, without edges when edges is false: the nodes,
     * their values and their inline marks only (what {@code top} shows). The values do not change with
     * the cuts, so the second pass over every frame, the one that finds the edges, is then made only when a
     * node kept is the inlined frame of some location: only an edge into such a node can be inline.
     */
    public static TrimmedGraph of(Profile p, NodeTable table, GraphOptions o, Trim trim, boolean edges) {
        // Dropping nodes never changes the flat or cum of the nodes kept (a sample whose leaf is
        // dropped gives flat to nobody), so the cuts are decided on one pass without edges; the
        // graph is then built once, with edges, over the nodes kept. When the cut to the top nodes by
        // flat can be guessed from the flat values (the samples' leaves, no walk of the stacks), the
        // edges between the nodes guessed come with the values, in the same pass, and are used if the
        // cuts keep those nodes.
        boolean[] guess = trim.nodeCount() > 0 && !trim.cumSort() && !o.mean()
                ? topByFlat(GraphBuilder.flatValues(p, table, o.sampleIndex()), trim.nodeCount())
                : null;
        Graph values = guess != null ? GraphBuilder.valuesWithEdges(p, table, o, guess)
                : GraphBuilder.build(p, table, o, null, false);
        long total = values.flatSum();
        long nodeCutoff = Math.abs((long) (total * trim.nodeFraction()));
        long edgeCutoff = Math.abs((long) (total * trim.edgeFraction()));
        int dropped = 0;
        boolean[] kept = null;
        if (nodeCutoff > 0) {
            int keptCount = 0;
            kept = new boolean[table.size()];
            for (int n : values.nodes()) {
                if (Math.abs(values.rawCum(n)) >= nodeCutoff) {
                    kept[n] = true;
                    keptCount++;
                }
            }
            dropped = values.nodes().length - keptCount;
            if (dropped > 0) {
                values.retain(kept);
            } else {
                kept = null;
            }
        }
        int original = values.nodes().length;
        if (trim.nodeCount() > 0 && original > trim.nodeCount()) {
            values.sort(trim.cumSort());
            kept = new boolean[table.size()];
            for (int i = 0; i < trim.nodeCount(); i++) {
                kept[values.nodes()[i]] = true;
            }
        }
        if (guess != null && Arrays.equals(guess, kept)) {
            values.retain(kept);
            values.sort(trim.cumSort());
            values.trimLowFrequencyEdges(edgeCutoff);
            return new TrimmedGraph(values, original, dropped);
        }
        // (a graph with the edges of a wrong guess is no graph without edges)
        if (!edges && guess == null && !anyInlined(table, kept)) {
            if (kept != null) {
                values.retain(kept);
            }
            values.sort(trim.cumSort());
            return new TrimmedGraph(values, original, dropped);
        }
        Graph g = GraphBuilder.build(p, table, o, kept, true);
        g.sort(trim.cumSort());
        g.trimLowFrequencyEdges(edgeCutoff);
        return new TrimmedGraph(g, original, dropped);
    }

    /**
     * The count nodes of the largest |flat|, or null when that does not say which they are: fewer nodes
     * have a flat value, or the count-th and the next tie (their order would be decided by name).
     */
    private static boolean[] topByFlat(long[] flat, int count) {
        long[] sorted = new long[flat.length];
        for (int n = 0; n < flat.length; n++) {
            sorted[n] = Math.abs(flat[n]);
        }
        Arrays.sort(sorted);
        int last = sorted.length - count;
        if (last <= 0 || sorted[last] == 0 || sorted[last] == sorted[last - 1]) {
            return null;
        }
        boolean[] top = new boolean[flat.length];
        for (int n = 0; n < flat.length; n++) {
            top[n] = Math.abs(flat[n]) >= sorted[last];
        }
        return top;
    }

    /** Whether a node kept (any node when kept is null) is the inlined frame of a location (not its outermost). */
    private static boolean anyInlined(NodeTable t, boolean[] kept) {
        for (int l = 0; l + 1 < t.frameStart.length; l++) {
            for (int k = t.frameStart[l], outer = t.frameStart[l + 1] - 1; k < outer; k++) {
                if (kept == null || kept[t.frameNode[k]]) {
                    return true;
                }
            }
        }
        return false;
    }
}
