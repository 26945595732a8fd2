package dev.leakscope.report.pprof;

import dev.leakscope.graph.Graph;
import dev.leakscope.graph.NodeTable;
import dev.leakscope.graph.TrimmedGraph;
import dev.leakscope.util.Printable;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** pprof's {@code -top} / {@code -text} report. */
public final class TopReport {
    private TopReport() {
    }

    public static void write(ReportContext rc, PrintWriter out) {
        TrimmedGraph tg = graph(rc);
        Graph g = tg.graph();
        for (String line : headerLines(rc, tg)) {
            out.println(line);
        }
        out.printf("%10s %5s%% %5s%% %10s %5s%%%n", "flat", "flat", "sum", "cum", "cum");
        byte[] marks = g.inlineMarks();
        long flatSum = 0;
        long total = rc.total();
        for (int n : g.nodes()) {
            long flat = g.flat(n);
            long cum = g.cum(n);
            flatSum += flat;
            out.print(GoNumbers.pad(rc.format(flat), 10) + " " + GoNumbers.percentage(flat, total) + " "
                    + GoNumbers.percentage(flatSum, total) + " " + GoNumbers.pad(rc.format(cum), 10) + " "
                    + GoNumbers.percentage(cum, total) + "  " + name(g, marks, n) + "\n");
        }
    }

    /**
     * The report's graph, trimmed and sorted, with the output unit chosen (the text, Markdown, JSON and HTML
     * reports): its nodes, values and inline marks, without edges.
     */
    public static TrimmedGraph graph(ReportContext rc) {
        ReportSettings s = rc.settings();
        NodeTable table = NodeTable.build(rc.profile(), s.graphOptions(rc.sampleIndex(), false));
        TrimmedGraph tg = TrimmedGraph.of(rc.profile(), table, s.graphOptions(rc.sampleIndex(), false), s.topTrim(), false);
        rc.selectOutputUnit(tg.graph());
        return tg;
    }

    /** A node's printable name with pprof's inline mark. */
    public static String name(Graph g, byte[] marks, int n) {
        return g.info(n).printableName() + (marks[n] == 1 ? " (inline)" : marks[n] == 2 ? " (partial-inline)" : "");
    }

    /**
     * Profile header (not with -compact_labels) plus pprof's report lines (filters, "Showing nodes…",
     * dropped and top counts).
     */
    public static List<String> headerLines(ReportContext rc, TrimmedGraph tg) {
        List<String> lines = rc.settings().compactLabels() ? new ArrayList<>() : new ArrayList<>(ProfileHeader.lines(rc));
        Graph g = tg.graph();
        long flatSum = 0;
        for (int n : g.nodes()) {
            flatSum += g.flat(n);
        }
        if (!rc.settings().activeFilters().isEmpty()) {
            lines.add("Active filters:");
            for (String f : rc.settings().activeFilters()) {
                byte[] bytes = f.getBytes(StandardCharsets.UTF_8);
                // the user's own regexes, escaped: no control character reaches a report line
                lines.add("   " + Printable.of(bytes.length > 80 ? new String(bytes, 0, 80, StandardCharsets.UTF_8) + "…" : f));
            }
        }
        long total = rc.total();
        lines.add("Showing nodes accounting for " + rc.format(flatSum) + ", "
                + GoNumbers.percentage(flatSum, total).strip() + " of " + rc.format(total) + " total");
        if (total != 0) {
            if (tg.droppedNodes() > 0) {
                long cutoff = Math.abs((long) (total * rc.settings().nodeFraction()));
                lines.add("Dropped " + tg.droppedNodes() + (tg.droppedNodes() > 1 ? " nodes" : " node")
                        + " (cum <= " + rc.format(cutoff) + ")");
            }
            if (tg.originalCount() > 0 && g.nodes().length < tg.originalCount()) {
                lines.add("Showing top " + g.nodes().length + " nodes out of " + tg.originalCount());
            }
        }
        return lines;
    }
}
