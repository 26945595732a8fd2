package dev.leakscope.report.html;

import dev.leakscope.util.Plural;
import dev.leakscope.diff.DiffResult;
import dev.leakscope.diff.DiffRow;
import dev.leakscope.diff.DiffTree;
import dev.leakscope.report.DiffValues;
import dev.leakscope.report.GateStatus;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The diff as one HTML page: the text report's header, a differential flame graph of the current
 * call tree coloured by each frame's own absolute change, and the ranked rows, which select their
 * frame in the graph.
 */
public final class DiffHtmlReport {
    private DiffHtmlReport() {
    }

    /**
     * gate: how the gates stand; outputUnit: the unit of the values in the facts, the flame graph and the
     * table (pprof's -unit, as in the text report).
     */
    public static void write(DiffResult d, GateStatus gate, String outputUnit, PrintWriter out) {
        String unit = d.sampleType().unit();
        DiffValues v = new DiffValues(unit, outputUnit);
        HtmlPage.begin("leakscope diff", out);
        List<String> facts = new ArrayList<>(List.of("Base", DiffValues.inputs(d.base().inputs(), d.sampleType().type()),
                "Current", DiffValues.inputs(d.current().inputs(), d.sampleType().type()),
                "Type", d.sampleType().type() + " (" + unit + "); " + DiffValues.options(d)));
        facts.addAll(HtmlPage.harmonized(d.current().profile().harmonization));
        facts.addAll(List.of("Total", v.totals(d, "->"),
                "Gross", v.gross(d),
                "Noise", DiffValues.noiseRule(d.noise(), unit)));
        String allocations = DiffValues.allocationNote(d);
        if (allocations != null) {
            facts.addAll(List.of("Note", allocations));
        }
        for (String note : DiffValues.warningNotes(d)) {
            facts.addAll(List.of("Note", note));
        }
        if (gate.line() != null) {
            facts.addAll(List.of("Gate", gate.line()));
        }
        HtmlPage.facts(out, facts.toArray(String[]::new));
        List<String> rowNames = new ArrayList<>();
        d.rows().forEach(r -> rowNames.add(frameName(r.name())));
        FlameData data = FlameData.of(DiffTree.of(d), d.noise()::margin, rowNames);
        HtmlPage.flame(out, "Differential flame graph (current call tree; colour: each frame's own change)", data,
                unit, outputUnit, true);
        rows(d, v, data, out);
        HtmlPage.end(out);
    }

    private static void rows(DiffResult d, DiffValues v, FlameData data, PrintWriter out) {
        out.println("<h2>Changed nodes</h2>");
        if (d.changed().isEmpty()) {
            out.println("<p>No node changed.</p>");
            return;
        }
        out.println("<p class=\"note\">" + Html.text("Showing " + d.rows().size() + " of "
                + Plural.of(d.changed().size(), "changed node")
                + (d.hiddenRows() > 0 ? " (" + DiffValues.showAll(d, "") + " shows all)" : "")
                + "; delta% is of the node's own base, share of all growth (of all shrinkage when negative)."
                + " Click a row to find it in the graph.") + "</p>");
        out.println("<table class=\"rows\"><thead><tr><th>rank</th><th>delta</th><th>delta%</th><th>base</th>"
                + "<th>current</th><th>share</th><th>flags</th><th>name</th></tr></thead><tbody>");
        int rank = 0;
        for (DiffRow r : d.rows()) {
            rank++;
            String cls = r.noise() ? "dim" : r.delta() > 0 ? "up" : "down";
            out.println(HtmlPage.tr(rank - 1, frameName(r.name()), data) + "<td>" + rank + "</td><td class=\""
                    + cls + "\">" + Html.text(v.signed(r.delta())) + "</td><td>" + Html.text(DiffValues.pct(r.pct()))
                    + "</td><td>" + Html.text(v.value(r.base())) + "</td><td>" + Html.text(v.value(r.current()))
                    + "</td><td>" + Html.text(DiffValues.share(d.share(r))) + "</td><td>"
                    + Html.text(String.join(",", DiffValues.flags(r))) + "</td><td>" + Html.text(v.name(r))
                    + "</td></tr>");
        }
        HtmlPage.endRows(out, rank);
    }

    /** The frame name of a row: its node name without pprof's inline mark. */
    static String frameName(String rowName) {
        for (String mark : new String[] {" (inline)", " (partial-inline)"}) {
            if (rowName.endsWith(mark)) {
                return rowName.substring(0, rowName.length() - mark.length());
            }
        }
        return rowName;
    }
}
