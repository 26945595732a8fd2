package dev.leakscope.report;

import dev.leakscope.report.html.TopHtmlReport;
import dev.leakscope.report.pprof.ReportContext;
import dev.leakscope.report.pprof.TopReport;
import java.io.PrintWriter;

/** The top report in each format: the text is pprof's {@code -top}, byte for byte. */
public final class TopReports {
    /** The formats top is rendered in. */
    public static final Format[] FORMATS = Format.values();

    private TopReports() {
    }

    public static void render(ReportContext rc, RenderOptions o, PrintWriter out) {
        switch (o.format()) {
            case TEXT -> TopReport.write(rc, out);
            case MARKDOWN -> TopMarkdownReport.write(rc, o.maxChars(), out);
            case JSON -> TopJsonReport.write(rc, out);
            case HTML -> TopHtmlReport.write(rc, out);
        }
    }
}
