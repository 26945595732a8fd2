package dev.leakscope.report;

import dev.leakscope.diff.DiffResult;
import dev.leakscope.diff.DiffRow;
import dev.leakscope.diff.Gates;
import dev.leakscope.report.html.DiffHtmlReport;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The diff report in each format. */
public final class DiffReports {
    /** The formats diff is rendered in. */
    public static final Format[] FORMATS = Format.values();

    private DiffReports() {
    }

    /**
     * How diff's gates stand: each gate given ({@link Gates#check}), values in unit printed in outputUnit
     * (pprof's -unit). A node's growth is also a share of the base total, which a percentage gate is a
     * share of. A gate that held only because sampling noise explains the growth past its threshold says
     * so, as trend's does ({@link GateStatus#withinNoise}).
     */
    public static GateStatus gateStatus(List<Gates.State> states, DiffResult d, String outputUnit) {
        List<GateStatus.Gate> gates = new ArrayList<>(states.size());
        for (Gates.State s : states) {
            String threshold = s.threshold().text();
            if (s.withinNoise()) {
                gates.add(GateStatus.Gate.heldWithinNoise(s.option(), threshold, GateStatus.withinNoise(
                        why(s, d, outputUnit), s.noiseMargin(), d.sampleType().unit(), outputUnit)));
            } else {
                gates.add(GateStatus.Gate.of(s.option(), threshold, s.tripped() ? why(s, d, outputUnit) : null));
            }
        }
        return GateStatus.of(gates);
    }

    /** How the total, or the gate's node, grew. */
    private static String why(Gates.State s, DiffResult d, String outputUnit) {
        String unit = d.sampleType().unit();
        DiffRow node = s.node();
        if (node == null) {
            return GateStatus.grew("total", d.baseTotal(), d.currentTotal(), unit, outputUnit);
        }
        String why = GateStatus.grew(node.name(), node.base(), node.current(), unit, outputUnit);
        return d.baseTotal() == 0 ? why
                : why + String.format(Locale.ROOT, ", %.1f%% of the base total", 100.0 * node.delta() / d.baseTotal());
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
