package dev.leakscope.report;

import dev.leakscope.diff.DiffResult;
import dev.leakscope.report.html.DiffHtmlReport;
import java.io.PrintWriter;

/** The diff report in each format. */
public final class DiffReports {
    /** The formats diff is rendered in. */
    public static final Format[] FORMATS = Format.values();

    private DiffReports() {
    }

    /** gateFailure: why a gate tripped (JSON records it), or null. */
    public static void render(DiffResult d, String gateFailure, RenderOptions o, PrintWriter out) {
        switch (o.format()) {
            case TEXT -> DiffTextReport.write(d, o.colour(), o.unit(), out);
            case MARKDOWN -> DiffMarkdownReport.write(d, o.maxChars(), o.unit(), out);
            case JSON -> DiffJsonReport.write(d, gateFailure, out);
            case HTML -> DiffHtmlReport.write(d, o.unit(), out);
        }
    }
}
