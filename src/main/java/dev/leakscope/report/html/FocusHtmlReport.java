package dev.leakscope.report.html;

import dev.leakscope.util.Plural;
import dev.leakscope.focus.FocusResult;
import dev.leakscope.graph.CallTree;
import dev.leakscope.profile.Harmonization;
import dev.leakscope.report.FocusReport;
import dev.leakscope.report.pprof.GoNumbers;
import dev.leakscope.report.pprof.ValueFormat;
import java.io.PrintWriter;
import java.util.List;

/**
 * A focus as one HTML page: the text report's header, a flame graph of the samples through the
 * matching functions (differential with a base) and the report's four tables, whose rows select their
 * frame in the graph.
 */
public final class FocusHtmlReport {
    /**
     * Rows per table at most: a focus on a hub function of a large profile has hundreds of thousands of
     * caller paths, which would take the page far beyond its size budget (the text report lists all).
     */
    static final int MAX_ROWS = 200;

    private FocusHtmlReport() {
    }

    /**
     * @param harmonized how the inputs' sample types were brought onto one set
     * @param filters    the active filters as the text report names them, or null
     * @param tree the call tree of the samples through the match ({@code focus.FocusTree}): base and
     *             current columns with a base, else one
     */
    public static void write(FocusResult r, String title, String type, String unit, Harmonization harmonized,
                             String filters, CallTree tree, PrintWriter out) {
        HtmlPage.begin("leakscope focus", out);
        List<String> facts = new java.util.ArrayList<>(List.of("Focus", r.regex() + " in " + title, "Type",
                type + " (" + unit + ")"));
        facts.addAll(HtmlPage.harmonized(harmonized));
        if (filters != null) {
            facts.addAll(List.of(FocusReport.ACTIVE_FILTERS, filters));
        }
        facts.addAll(List.of("Total", r.withBase() ? auto(r.baseTotal(), unit) + " -> " + auto(r.total(), unit) + " ("
                + signed(r.total() - r.baseTotal(), unit) + ")" : auto(r.total(), unit)));
        HtmlPage.facts(out, facts.toArray(String[]::new));
        List<String> rowNames = new java.util.ArrayList<>();
        for (List<FocusResult.Values> rows : List.of(r.matched(), r.top())) {
            rows.subList(0, Math.min(rows.size(), MAX_ROWS)).forEach(v -> rowNames.add(v.name()));
        }
        r.callees().subList(0, Math.min(r.callees().size(), MAX_ROWS)).forEach(c -> rowNames.add(c.name()));
        FlameData data = FlameData.of(tree, null, rowNames);
        HtmlPage.flame(out, r.withBase()
                ? "Differential flame graph of the samples through the match (colour: each frame's own change)"
                : "Flame graph of the samples through the match", data, unit, "minimum", r.withBase());
        String by = r.withBase() ? ", by growth" : "";
        values(r, "Matched functions", r.matched(), unit, data, out);
        shares(r, "Caller paths (root > ... > match)" + by, r.callerPaths(), true, unit, data, out);
        shares(r, "Callees of the match" + by, r.callees(), false, unit, data, out);
        values(r, "Top nodes of the samples through the match" + by, r.top(), unit, data, out);
        if (r.topCut() > 0) {
            out.println("<p class=\"note\">" + Html.text(Plural.of(r.topCut(), "more node", "more nodes") + " not shown; use --nodecount 0 to"
                    + " show all.") + "</p>");
        }
        HtmlPage.end(out);
    }

    private static void values(FocusResult r, String heading, List<FocusResult.Values> rows, String unit,
                               FlameData data, PrintWriter out) {
        out.println("<h2>" + Html.text(heading) + "</h2>");
        out.println(r.withBase()
                ? "<table class=\"rows\"><thead><tr><th>flat delta</th><th>cum base</th><th>cum now</th>"
                        + "<th>cum delta</th><th>name</th></tr></thead><tbody>"
                : "<table class=\"rows\"><thead><tr><th>flat</th><th>flat%</th><th>cum</th><th>cum%</th>"
                        + "<th>name</th></tr></thead><tbody>");
        int index = 0;
        for (FocusResult.Values v : rows.subList(0, Math.min(rows.size(), MAX_ROWS))) {
            String[] cells = r.withBase()
                    ? new String[] {signed(v.deltaFlat(), unit), auto(v.baseCum(), unit), auto(v.cum(), unit),
                        signed(v.deltaCum(), unit), v.name()}
                    : new String[] {auto(v.flat(), unit), GoNumbers.percentage(v.flat(), r.total()).strip(),
                        auto(v.cum(), unit), GoNumbers.percentage(v.cum(), r.total()).strip(), v.name()};
            row(HtmlPage.tr(index++, v.name(), data), cells, out);
        }
        endTable(rows.size(), out);
    }

    private static void shares(FocusResult r, String heading, List<FocusResult.Share> rows, boolean paths,
                               String unit, FlameData data, PrintWriter out) {
        out.println("<h2>" + Html.text(heading) + "</h2>");
        long sum = 0;
        for (FocusResult.Share s : rows) {
            sum += r.withBase() ? s.delta() : s.current();
        }
        out.println(r.withBase()
                ? "<table class=\"rows\"><thead><tr><th>delta</th><th>base</th><th>current</th><th>share</th>"
                        + "<th>" + (paths ? "path" : "name") + "</th></tr></thead><tbody>"
                : "<table class=\"rows\"><thead><tr><th>value</th><th>share</th><th>" + (paths ? "path" : "name")
                        + "</th></tr></thead><tbody>");
        int index = 0;
        for (FocusResult.Share s : rows.subList(0, Math.min(rows.size(), MAX_ROWS))) {
            long v = r.withBase() ? s.delta() : s.current();
            String share = GoNumbers.percentage(v, sum).strip();
            String[] cells = r.withBase()
                    ? new String[] {signed(v, unit), auto(s.base(), unit), auto(s.current(), unit), share, s.name()}
                    : new String[] {auto(v, unit), share, s.name()};
            // a path selects the frame at its end (its match, reached by that path); "(self)" is no frame
            row(paths ? HtmlPage.trPath(index++, s.frames(), data)
                    : HtmlPage.tr(index++, s.name().equals("(self)") ? null : s.name(), data), cells, out);
        }
        endTable(rows.size(), out);
    }

    private static void endTable(int rows, PrintWriter out) {
        HtmlPage.endRows(out, Math.min(rows, MAX_ROWS));
        if (rows > MAX_ROWS) {
            out.println("<p class=\"note\">" + Html.text("Showing the first " + MAX_ROWS + " of " + rows
                    + " rows (the page's size budget); the text report lists all.") + "</p>");
        }
    }

    private static void row(String tr, String[] cells, PrintWriter out) {
        StringBuilder b = new StringBuilder(tr);
        for (String c : cells) {
            b.append("<td>").append(Html.text(c)).append("</td>");
        }
        out.println(b.append("</tr>"));
    }

    private static String auto(long v, String unit) {
        return ValueFormat.autoLabel(v, unit);
    }

    private static String signed(long v, String unit) {
        return (v > 0 ? "+" : "") + auto(v, unit);
    }
}
