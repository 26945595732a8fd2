package dev.leakscope.report;

import dev.leakscope.util.Plural;
import dev.leakscope.report.pprof.ProfileHeader;
import dev.leakscope.diff.DiffResult;
import dev.leakscope.diff.DiffRow;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

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
        String allocations = DiffValues.allocationNote(d);
        if (allocations != null) {
            out.println("Note:    " + allocations);
        }
        for (String note : DiffValues.warningNotes(d)) {
            out.println("Note:    " + note);
        }
        if (gate.line() != null) {
            out.println("Gate:    " + gate.line());
        }
        if (d.changed().isEmpty()) {
            out.println("No node changed.");
            return;
        }
        out.println("Showing " + d.rows().size() + " of " + Plural.of(d.changed().size(), "changed node")
                + (d.hiddenRows() > 0 ? " (" + DiffValues.showAll(d, "") + " shows all)" : "")
                + "; delta% is of the node's own base, share of all growth (of all shrinkage when negative)");
        // Each column is as wide as its widest cell, at least its usual width: a delta of +12876.5% or a
        // base of 1234567890 keeps the columns after it in line.
        String[] heads = {"rank", "delta", "delta%", "base", "current", "share", "flags"};
        int[] widths = {5, 11, 8, 10, 10, 7, 9};
        List<String[]> cells = new ArrayList<>(d.rows().size());
        int rank = 0;
        for (DiffRow r : d.rows()) {
            rank++;
            String[] c = {Integer.toString(rank), v.signed(r.delta()), DiffValues.pct(r.pct()), v.value(r.base()),
                v.value(r.current()), DiffValues.share(d.share(r)), String.join(",", DiffValues.flags(r))};
            for (int i = 0; i < c.length; i++) {
                widths[i] = Math.max(widths[i], c[i].length());
            }
            cells.add(c);
        }
        out.println(line(heads, widths, "name"));
        for (int i = 0; i < cells.size(); i++) {
            DiffRow r = d.rows().get(i);
            String[] c = cells.get(i);
            String delta = pad(c[1], widths[1]);
            if (colour) {
                c[1] = (r.noise() ? DIM : r.delta() > 0 ? RED : GREEN) + delta + RESET;
            } else {
                c[1] = delta;
            }
            int[] w = widths.clone();
            w[1] = 0; // padded before its colour
            out.println(line(c, w, v.name(r)));
        }
    }

    /** The cells right-aligned in their widths (flags left-aligned, two spaces before them), then the name. */
    private static String line(String[] cells, int[] widths, String name) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.length - 1; i++) {
            sb.append(i == 0 ? "" : " ").append(pad(cells[i], widths[i]));
        }
        String flags = cells[cells.length - 1];
        sb.append("  ").append(flags).append(" ".repeat(Math.max(0, widths[cells.length - 1] - flags.length())));
        return sb.append(' ').append(name).toString();
    }

    private static String pad(String cell, int width) {
        return " ".repeat(Math.max(0, width - cell.length())) + cell;
    }
}
