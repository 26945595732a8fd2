package dev.leakscope.report.pprof;

import dev.leakscope.graph.Graph;
import dev.leakscope.graph.GraphOptions;
import dev.leakscope.graph.NodeTable;
import dev.leakscope.graph.TrimmedGraph;
import dev.leakscope.util.UsageException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.regex.Pattern;

/**
 * pprof's {@code -tree} and {@code -peek=RE}: each node with its callers above and callees below,
 * each edge with its weight and share of the node's cum. Peek shows only the nodes whose name
 * matches, untrimmed.
 */
public final class TreeReport {
    static final String SEPARATOR = "----------------------------------------------------------+-------------";
    private static final String LEGEND = "      flat  flat%   sum%        cum   cum%   calls calls% + context 	 	 ";

    private TreeReport() {
    }

    /** Writes the report; peek null for -tree. Fails when peek matches no node. */
    public static void write(ReportContext rc, Pattern peek, PrintWriter out) {
        ReportSettings s = rc.settings();
        GraphOptions o = s.graphOptions(rc.sampleIndex(), false);
        NodeTable table = NodeTable.build(rc.profile(), o);
        // -peek trims nothing (pprof turns -trim off for it), but sorts as -cum says
        TrimmedGraph tg = TrimmedGraph.of(rc.profile(), table, o,
                peek != null ? new TrimmedGraph.Trim(0, 0, 0, s.treeTrim().cumSort()) : s.treeTrim());
        Graph g = tg.graph();
        rc.selectOutputUnit(g);
        for (String line : TopReport.headerLines(rc, tg)) {
            out.println(line);
        }
        out.println(SEPARATOR);
        out.println(LEGEND);
        long total = rc.total();
        long flatSum = 0;
        int matched = 0;
        for (int n : g.nodes()) {
            String name = g.info(n).printableName();
            if (peek != null && !peek.matcher(name).find()) {
                continue;
            }
            matched++;
            out.println(SEPARATOR);
            long flat = g.flat(n);
            long cum = g.cum(n);
            for (int e : sorted(g, g.inEdges(n))) {
                edgeLine(rc, g, e, cum, g.edgeFrom(e), out);
            }
            flatSum += flat;
            out.print(GoNumbers.pad(rc.format(flat), 10) + " " + GoNumbers.percentage(flat, total) + " "
                    + GoNumbers.percentage(flatSum, total) + " " + GoNumbers.pad(rc.format(cum), 10) + " "
                    + GoNumbers.percentage(cum, total) + "                | " + name + "\n");
            for (int e : sorted(g, g.outEdges(n))) {
                edgeLine(rc, g, e, cum, g.edgeTo(e), out);
            }
        }
        if (g.nodes().length > 0) {
            out.println(SEPARATOR);
        }
        if (peek != null && matched == 0) {
            throw new UsageException("no matches found for regexp: " + peek.pattern());
        }
    }

    private static void edgeLine(ReportContext rc, Graph g, int e, long cum, int other, PrintWriter out) {
        long w = g.rawEdgeWeight(e);
        out.print(GoNumbers.pad(rc.format(w), 50) + " " + GoNumbers.percentage(w, cum) + " |   "
                + g.info(other).printableName() + (g.edgeInline(e) ? " (inline)" : "") + "\n");
    }

    /** Edges by |weight| descending, then caller name, then callee name (pprof's edgeList order). */
    static Integer[] sorted(Graph g, int[] edges) {
        Integer[] boxed = Arrays.stream(edges).boxed().toArray(Integer[]::new);
        Arrays.sort(boxed, Comparator.comparingLong((Integer e) -> -Math.abs(g.rawEdgeWeight(e)))
                .thenComparing((Integer e) -> g.info(g.edgeFrom(e)).printableName())
                .thenComparing((Integer e) -> g.info(g.edgeTo(e)).printableName()));
        return boxed;
    }
}
