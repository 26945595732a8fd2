package dev.leakscope.report;

import dev.leakscope.util.Plural;
import dev.leakscope.report.pprof.ProfileHeader;
import dev.leakscope.diff.DiffResult;
import dev.leakscope.diff.DiffRow;
import java.io.PrintWriter;

/** The diff as text for a terminal: a header saying what was compared, then the ranked rows. */
public final class DiffTextReport {
    private static final String RED = "\u001b[31m";
    private static final String GREEN = "\u001b[32m";
    private static final String DIM = "\u001b[2m";
    private static final String RESET = "\u001b[0m";

    private DiffTextReport() {
    }

    /**
     * gate: how the gates stand; colour: use ANSI colours (only for a terminal without NO_COLOR; the caller decides); outputUnit: the
     * unit of the values (see {@link RenderOptions#unit()}).
     */
    public static void write(DiffResult d, GateStatus gate, boolean colour, String outputUnit, PrintWriter out) {
        String unit = d.sampleType().unit();
        DiffValues v = new DiffValues(unit, outputUnit);
        out.println("Base:    " + DiffValues.inputs(d.base().inputs(), d.sampleType().type()));
        out.println("Current: " + DiffValues.inputs(d.current().inputs(), d.sampleType().type()));
        out.println("Type:    " + d.sampleType().type() + " (" + unit + "); " + DiffValues.options(d));
        String harmonized = ProfileHeader.harmonized(d.current().profile().harmonization);
        if (harmonized != null) {
            out.println(harmonized);
        }
        out.println("Total:   " + v.totals(d, "->"));
        out.println("Gross:   " + v.gross(d));
        out.println("Noise:   " + DiffValues.noiseRule(d.noise(), unit));
        if (gate.line() != null) {
            out.println("Gate:    " + gate.line());
        }
        if (d.changed().isEmpty()) {
            out.println("No node changed.");
            return;
        }
        out.println("Showing " + d.rows().size() + " of " + Plural.of(d.changed().size(), "changed node")
                + (d.hiddenRows() > 0 ? " (--nodefraction 0 --nodecount 0 shows all)" : "")
                + "; delta% is of the node's own base, share of all growth (of all shrinkage when negative)");
        out.printf("%5s %11s %8s %10s %10s %7s  %-9s %s%n", "rank", "delta", "delta%", "base", "current",
                "share", "flags", "name");
        int rank = 0;
        for (DiffRow r : d.rows()) {
            rank++;
            String delta = String.format("%11s", v.signed(r.delta()));
            if (colour) {
                delta = (r.noise() ? DIM : r.delta() > 0 ? RED : GREEN) + delta + RESET;
            }
            out.printf("%5d %s %8s %10s %10s %7s  %-9s %s%n", rank, delta, DiffValues.pct(r.pct()),
                    v.value(r.base()), v.value(r.current()), DiffValues.share(d.share(r)),
                    String.join(",", DiffValues.flags(r)), v.name(r));
        }
    }
}
