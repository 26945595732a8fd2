package dev.leakscope.report.html;

import dev.leakscope.graph.CallTree;
import dev.leakscope.report.GateStatus;
import dev.leakscope.report.TrendReport;
import dev.leakscope.trend.Series;
import dev.leakscope.trend.Stats;
import dev.leakscope.trend.Trend;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongBinaryOperator;

/**
 * A trend as one HTML page: the text report's header, a chart of the total and the top suspects over
 * the series (with the projection to --limit), the rows with a sparkline each, and a flame graph of
 * the last snapshot coloured by each frame's own change since the first; rows select their frame.
 */
public final class TrendHtmlReport {
    private TrendHtmlReport() {
    }

    /**
     * @param gate  how the gates stand
     * @param ends  the last snapshot's call tree with the first one's values (columns base, current)
     * @param noise the change sampling explains between the first and the last snapshot's values
     */
    public static void write(Trend trend, TrendReport.Options o, GateStatus gate, CallTree ends,
                             LongBinaryOperator noise, PrintWriter out) {
        TrendReport r = TrendReport.of(trend, o, gate);
        Series s = trend.series();
        HtmlPage.begin("leakscope trend", out);
        List<String> facts = new ArrayList<>();
        for (String line : r.headerLines()) {
            int colon = line.indexOf(": ");
            facts.add(colon < 0 ? "" : line.substring(0, colon));
            facts.add(colon < 0 ? line : line.substring(colon + 2));
        }
        facts.add("First, last");
        facts.add(s.snapshots().get(0) + ", " + s.snapshots().get(s.size() - 1));
        HtmlPage.facts(out, facts.toArray(String[]::new));
        List<Trend.Row> rows = r.shownRows();
        out.println("<h2>" + Html.text("Total" + (TrendChart.suspects(rows).isEmpty() ? "" : " and top suspects")
                + (trend.perHour() ? " over time" : " per snapshot")) + "</h2>");
        TrendChart.write(trend, rows, o.projection(), o.unit(), out);
        List<String> rowNames = new ArrayList<>();
        rows.forEach(row -> rowNames.add(row.name()));
        FlameData data = FlameData.of(ends, noise, rowNames);
        table(r, trend, rows, data, out);
        HtmlPage.flame(out, "Flame graph of the last snapshot (colour: each frame's own change since the first)",
                data, s.unit(), o.unit(), true);
        HtmlPage.end(out);
    }

    private static void table(TrendReport r, Trend trend, List<Trend.Row> rows, FlameData data, PrintWriter out) {
        out.println("<h2>Nodes</h2>");
        out.println("<p class=\"note\">" + Html.text("* marks a leak suspect (rule: leakscope trend --help); "
                + (rows.size() < trend.rows().size() ? "showing " + rows.size() + " of " + trend.rows().size()
                + " nodes (--nodefraction, --nodecount); " : "") + "click a row to find it in the flame graph.")
                + "</p>");
        List<String> header = r.header();
        int spark = header.size() - 2;
        StringBuilder b = new StringBuilder("<table class=\"rows\"><thead><tr>");
        for (String h : header) {
            b.append("<th>").append(Html.text(h)).append("</th>");
        }
        out.println(b.append("</tr></thead><tbody>"));
        row(r, 0, null, "(total)", trend.total(), spark, data, out);
        for (int i = 0; i < rows.size(); i++) {
            row(r, i + 1, rows.get(i).name(), rows.get(i).nameWithVia(), rows.get(i).stats(), spark, data, out);
        }
        HtmlPage.endRows(out, rows.size() + 1);
    }

    private static void row(TrendReport r, int index, String frame, String name, Stats st, int spark,
                            FlameData data, PrintWriter out) {
        List<String> cells = r.cells(name, st);
        StringBuilder b = new StringBuilder(HtmlPage.tr(index, frame, data));
        for (int c = 0; c < cells.size(); c++) {
            if (c == spark) {
                b.append("<td>").append(TrendChart.sparkline(st.values(), st.suspect())).append("</td>");
            } else {
                b.append(c == 0 && st.suspect() ? "<td class=\"up\">" : "<td>").append(Html.text(cells.get(c)))
                        .append("</td>");
            }
        }
        out.println(b.append("</tr>"));
    }
}
