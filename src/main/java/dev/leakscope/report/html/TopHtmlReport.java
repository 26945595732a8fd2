package dev.leakscope.report.html;

import dev.leakscope.graph.CallTree;
import dev.leakscope.graph.Graph;
import dev.leakscope.graph.NodeTable;
import dev.leakscope.graph.TrimmedGraph;
import dev.leakscope.report.pprof.GoNumbers;
import dev.leakscope.report.pprof.ReportContext;
import dev.leakscope.report.pprof.TopReport;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** {@code top} as one HTML page: pprof's header lines, a flame graph of the profile and the top table. */
public final class TopHtmlReport {
    private TopHtmlReport() {
    }

    public static void write(ReportContext rc, PrintWriter out) {
        TrimmedGraph tg = TopReport.graph(rc);
        Graph g = tg.graph();
        HtmlPage.begin("leakscope top", out);
        List<String> facts = new ArrayList<>(TopReport.headerLines(rc, tg));
        rc.notices().forEach(n -> facts.add("Note: " + n));
        out.println("<pre class=\"facts\">" + Html.text(String.join("\n", facts)) + "</pre>");
        NodeTable table = NodeTable.build(rc.profile(), rc.settings().graphOptions(rc.sampleIndex()));
        CallTree tree = CallTree.of(rc.profile(), table, rc.sampleIndex());
        java.util.List<String> rowNames = new java.util.ArrayList<>();
        for (int n : g.nodes()) {
            rowNames.add(g.info(n).printableName());
        }
        FlameData data = FlameData.of(tree, null, rowNames);
        HtmlPage.flame(out, "Flame graph", data, rc.sampleUnit(),
                rc.settings().unit(), false);
        out.println("<h2>Top nodes</h2>");
        out.println("<table class=\"rows\"><thead><tr><th>flat</th><th>flat%</th><th>sum%</th><th>cum</th><th>cum%</th>"
                + "<th>name</th></tr></thead><tbody>");
        byte[] marks = g.inlineMarks();
        long flatSum = 0;
        long total = rc.total();
        int index = 0;
        for (int n : g.nodes()) {
            flatSum += g.flat(n);
            out.println(HtmlPage.tr(index++, g.info(n).printableName(), data) + "<td>"
                    + Html.text(rc.format(g.flat(n))) + "</td><td>" + GoNumbers.percentage(g.flat(n), total).strip()
                    + "</td><td>" + GoNumbers.percentage(flatSum, total).strip() + "</td><td>"
                    + Html.text(rc.format(g.cum(n))) + "</td><td>" + GoNumbers.percentage(g.cum(n), total).strip()
                    + "</td><td>" + Html.text(TopReport.name(g, marks, n)) + "</td></tr>");
        }
        HtmlPage.endRows(out, index);
        HtmlPage.end(out);
    }
}
