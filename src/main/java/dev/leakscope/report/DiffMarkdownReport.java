package dev.leakscope.report;

import dev.leakscope.diff.DiffResult;
import dev.leakscope.diff.DiffRow;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The diff as GitHub-flavoured Markdown for a ticket or a pull-request comment: a summary line and a
 * table with right-aligned numbers, kept under {@value #LIMIT} characters (GitHub refuses comments
 * above 65,536): rows that do not fit are cut and a footer says how many.
 */
public final class DiffMarkdownReport {
    static final int LIMIT = 60_000;

    private DiffMarkdownReport() {
    }

    public static void write(DiffResult d, PrintWriter out) {
        out.print(render(d));
    }

    static String render(DiffResult d) {
        DiffValues v = new DiffValues(d.sampleType().unit(), true);
        StringBuilder head = new StringBuilder();
        head.append("**leakscope diff** of `").append(d.sampleType().type()).append("`: ")
                .append(v.totals(d, "→")).append("\n\n");
        head.append("- base: ").append(code(DiffValues.inputs(d.base().inputs()))).append('\n');
        head.append("- current: ").append(code(DiffValues.inputs(d.current().inputs()))).append('\n');
        head.append("- gross change: ").append(escape(v.gross(d))).append('\n');
        head.append("- ").append(escape(DiffValues.options(d))).append('\n');
        head.append("- noise: ").append(escape(DiffValues.noiseRule(d.noise(), d.sampleType().unit()))).append("\n\n");
        if (d.changed().isEmpty()) {
            return head + "No node changed.\n";
        }
        head.append("Share is of all growth (of all shrinkage when negative).\n\n");
        head.append("| # | delta | delta % | base | current | share | flags | name |\n");
        head.append("|--:|--:|--:|--:|--:|--:|:--|:--|\n");
        List<String> lines = new ArrayList<>();
        int rank = 0;
        for (DiffRow r : d.rows()) {
            rank++;
            lines.add("| " + rank + " | " + v.signed(r.delta()) + " | " + DiffValues.pct(r.pct()) + " | "
                    + v.value(r.base()) + " | " + v.value(r.current()) + " | " + DiffValues.share(d.share(r))
                    + " | " + String.join(", ", DiffValues.flags(r)) + " | " + code(r.name()) + " |\n");
        }
        StringBuilder sb = new StringBuilder(head);
        int shown = 0;
        String footer = footer(d, 0);
        for (String line : lines) {
            // Reserve room for the longest footer the cut could need.
            if (sb.length() + line.length() + footer(d, lines.size()).length() > LIMIT) {
                break;
            }
            sb.append(line);
            shown++;
        }
        footer = footer(d, lines.size() - shown);
        return sb.append(footer).toString();
    }

    private static String footer(DiffResult d, int cut) {
        StringBuilder f = new StringBuilder();
        if (cut > 0) {
            f.append("\n_").append(cut).append(" more rows cut to keep this under 60,000 characters;"
                    + " `--format text` or `--format json` shows them._\n");
        }
        if (d.hiddenRows() > 0) {
            f.append("\n_").append(d.hiddenRows()).append(" smaller changes not shown;"
                    + " `--nodefraction 0 --nodecount 0` shows them._\n");
        }
        return f.toString();
    }

    /** A table-safe code span. */
    private static String code(String s) {
        return "`" + s.replace("`", "'").replace("|", "\\|") + "`";
    }

    private static String escape(String s) {
        return s.replace("|", "\\|").replace("*", "\\*").replace("_", "\\_");
    }
}
