package dev.leakscope.report;

import dev.leakscope.report.pprof.ReportContext;
import dev.leakscope.report.pprof.GoNumbers;
import dev.leakscope.report.pprof.TopReport;
import dev.leakscope.graph.Graph;
import dev.leakscope.graph.TrimmedGraph;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The top report as GitHub-flavoured Markdown: pprof's header lines as a list, then the rows of
 * {@code -top} as a table with right-aligned numbers, in the text report's units, kept within a budget
 * of characters (rows cut from the end, with a note).
 */
public final class TopMarkdownReport {
    private TopMarkdownReport() {
    }

    public static void write(ReportContext rc, int maxChars, PrintWriter out) {
        TrimmedGraph tg = TopReport.graph(rc);
        Graph g = tg.graph();
        StringBuilder head = new StringBuilder("**leakscope top** of ").append(Markdown.textCode(rc.typeName())).append("\n\n");
        boolean underFilters = false;
        for (String line : TopReport.headerLines(rc, tg)) {
            // pprof indents each filter under "Active filters:": a nested item, not one more header fact
            boolean filter = underFilters && line.startsWith("   ");
            underFilters = filter || line.equals("Active filters:");
            head.append(filter ? "  - " : "- ").append(Markdown.escape(line.strip())).append('\n');
        }
        for (String notice : rc.notices()) {
            head.append("- note: ").append(Markdown.escape(notice)).append('\n');
        }
        head.append('\n');
        if (g.nodes().length == 0) {
            out.print(head + "No node to show.\n");
            return;
        }
        List<String> lines = new ArrayList<>();
        byte[] marks = g.inlineMarks();
        long flatSum = 0;
        long total = rc.total();
        for (int n : g.nodes()) {
            flatSum += g.flat(n);
            lines.add("| " + rc.format(g.flat(n)) + " | " + GoNumbers.percentage(g.flat(n), total).strip() + " | "
                    + GoNumbers.percentage(flatSum, total).strip() + " | " + rc.format(g.cum(n)) + " | "
                    + GoNumbers.percentage(g.cum(n), total).strip() + " | "
                    + Markdown.code(TopReport.name(g, marks, n)) + " |\n");
        }
        out.print(new Markdown.Page().text(head)
                .table("| flat | flat% | sum% | cum | cum% | name |\n|--:|--:|--:|--:|--:|:--|\n", lines,
                        cut -> Markdown.cutNote(cut, maxChars))
                .render(maxChars));
    }
}
