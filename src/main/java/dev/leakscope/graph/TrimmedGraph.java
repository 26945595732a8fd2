package dev.leakscope.graph;

import dev.leakscope.profile.Profile;

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
        Graph g = GraphBuilder.build(p, table, o, null);
        long total = g.flatSum();
        long nodeCutoff = Math.abs((long) (total * trim.nodeFraction()));
        long edgeCutoff = Math.abs((long) (total * trim.edgeFraction()));
        int dropped = 0;
        if (nodeCutoff > 0) {
            boolean[] kept = new boolean[table.size()];
            int keptCount = 0;
            for (int n : g.nodes()) {
                if (Math.abs(g.rawCum(n)) >= nodeCutoff) {
                    kept[n] = true;
                    keptCount++;
                }
            }
            if (keptCount != g.nodes().length) {
                dropped = g.nodes().length - keptCount;
                g = GraphBuilder.build(p, table, o, kept);
            }
        }
        int original = g.nodes().length;
        g.sort(trim.cumSort());
        if (trim.nodeCount() > 0) {
            g.trimLowFrequencyEdges(edgeCutoff);
            if (g.nodes().length > trim.nodeCount()) {
                boolean[] kept = new boolean[table.size()];
                for (int i = 0; i < trim.nodeCount(); i++) {
                    kept[g.nodes()[i]] = true;
                }
                g = GraphBuilder.build(p, table, o, kept);
                g.sort(trim.cumSort());
            }
        }
        g.trimLowFrequencyEdges(edgeCutoff);
        return new TrimmedGraph(g, original, dropped);
    }
}
