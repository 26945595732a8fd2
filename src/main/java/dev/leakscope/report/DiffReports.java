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

    /**
     * How diff's gates stand: tripped, the first tripped gate and why ({@link dev.leakscope.diff.Gates#check}),
     * or null; given, the gates given.
     */
    public static GateStatus gateStatus(String tripped, String given) {
        return tripped == null ? GateStatus.held(given) : new GateStatus(tripped, "gate " + tripped);
    }

    /** gate: how the gates stand, which every format states. */
    public static void render(DiffResult d, GateStatus gate, RenderOptions o, PrintWriter out) {
        switch (o.format()) {
            case TEXT -> DiffTextReport.write(d, gate, o.colour(), o.unit(), out);
            case MARKDOWN -> DiffMarkdownReport.write(d, gate, o.maxChars(), o.unit(), out);
            case JSON -> DiffJsonReport.write(d, gate, out);
            case HTML -> DiffHtmlReport.write(d, gate, o.unit(), out);
        }
    }
}
