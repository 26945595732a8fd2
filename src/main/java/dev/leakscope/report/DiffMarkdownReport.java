package dev.leakscope.report;

import dev.leakscope.report.pprof.ProfileHeader;
import dev.leakscope.diff.DiffResult;
import dev.leakscope.diff.DiffRow;
import dev.leakscope.util.Plural;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The diff as GitHub-flavoured Markdown for a ticket or a pull-request comment: a summary line and a
 * table with right-aligned numbers in the text report's units, kept within a budget of characters: rows
 * that do not fit are cut from the end and a footer says how many.
 */
public final class DiffMarkdownReport {
    private DiffMarkdownReport() {
    }

    /** gate: how the gates stand; outputUnit: the unit of the values (see {@link RenderOptions#unit()}). */
    public static void write(DiffResult d, GateStatus gate, int maxChars, String outputUnit, PrintWriter out) {
        out.print(render(d, gate, maxChars, outputUnit));
    }

    static String render(DiffResult d, GateStatus gate, int maxChars, String outputUnit) {
        DiffValues v = new DiffValues(d.sampleType().unit(), outputUnit);
        StringBuilder head = new StringBuilder();
        head.append("**leakscope diff** of ").append(Markdown.textCode(d.sampleType().type())).append(": ")
                .append(v.totals(d, "→")).append("\n\n");
        head.append("- base: ").append(Markdown.textCode(DiffValues.inputs(d.base().inputs(), d.sampleType().type()))).append('\n');
        head.append("- current: ").append(Markdown.textCode(DiffValues.inputs(d.current().inputs(), d.sampleType().type()))).append('\n');
        head.append("- gross change: ").append(Markdown.escape(v.gross(d))).append('\n');
        head.append("- ").append(Markdown.escape(DiffValues.options(d))).append('\n');
        String harmonized = ProfileHeader.harmonized(d.current().profile().harmonization);
        if (harmonized != null) {
            head.append("- ").append(Markdown.escape(harmonized)).append('\n');
        }
        head.append("- noise: ").append(Markdown.escape(DiffValues.noiseRule(d.noise(), d.sampleType().unit())))
                .append('\n');
        String allocations = DiffValues.allocationNote(d);
        if (allocations != null) {
            head.append("- note: ").append(Markdown.escape(allocations)).append('\n');
        }
        for (String note : DiffValues.warningNotes(d)) {
            head.append("- note: ").append(Markdown.escape(note)).append('\n');
        }
        if (gate.line() != null) {
            head.append("- gate: ").append(Markdown.escape(gate.line())).append('\n');
        }
        head.append('\n');
        if (d.changed().isEmpty()) {
            return head + "No node changed.\n";
        }
        head.append("Share is of all growth (of all shrinkage when negative).\n\n");
        List<String> lines = new ArrayList<>();
        int rank = 0;
        for (DiffRow r : d.rows()) {
            rank++;
            lines.add("| " + rank + " | " + v.signed(r.delta()) + " | " + DiffValues.pct(r.pct()) + " | "
                    + v.value(r.base()) + " | " + v.value(r.current()) + " | " + DiffValues.share(d.share(r))
                    + " | " + String.join(", ", DiffValues.flags(r)) + " | " + Markdown.code(v.name(r)) + " |\n");
        }
        return new Markdown.Page().text(head)
                .table("| # | delta | delta % | base | current | share | flags | name |\n|--:|--:|--:|--:|--:|--:|:--|:--|\n",
                        lines, cut -> footer(d, cut, maxChars))
                .render(maxChars);
    }

    private static String footer(DiffResult d, int cut, int maxChars) {
        StringBuilder f = new StringBuilder(Markdown.cutNote(cut, maxChars));
        if (d.hiddenRows() > 0) {
            f.append("\n_").append(Plural.of(d.hiddenRows(), "more changed node")).append(" not shown; ")
                    .append(DiffValues.showAll(d, "`")).append(" shows ").append(d.hiddenRows() == 1 ? "it" : "them")
                    .append("._\n");
        }
        return f.toString();
    }
}
