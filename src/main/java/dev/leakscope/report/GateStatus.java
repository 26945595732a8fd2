package dev.leakscope.report;

import dev.leakscope.report.pprof.ValueFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a report's CI gates stand, for the report to say: its one line on them, and why one tripped. Every
 * command words a tripped gate alike: "--fail-on-growth 10% tripped: total grew by +32MB (8MB -> 40MB,
 * +400.0%)"; stderr gives it after "leakscope: gate ".
 *
 * @param line   which gates tripped and why, and which held; null without gates
 * @param reason why gates tripped, as the stderr line says it (JSON's {@code gate.reason}); null when none did
 * @param gates  each gate given and how it stands (empty without gates)
 */
public record GateStatus(String line, String reason, List<Gate> gates) {
    public static final GateStatus NONE = new GateStatus(null, null, List.of());

    public GateStatus {
        gates = List.copyOf(gates);
    }

    /**
     * One gate given and how it stands.
     *
     * @param option    the option: "--fail-on-growth"
     * @param threshold its value as written: "10%"
     * @param reason    why it tripped ("--fail-on-growth 10% tripped: total grew by …"), null when it held
     */
    public record Gate(String option, String threshold, String reason) {
        public boolean tripped() {
            return reason != null;
        }

        /** "--fail-on-growth 10% tripped: …", or "--fail-on-growth 10% held". */
        String line() {
            return tripped() ? reason : option + " " + threshold + " held";
        }

        /** The gate as written, tripped for why (why null: it held). */
        public static Gate of(String option, String threshold, String why) {
            return new Gate(option, threshold, why == null ? null : option + " " + threshold + " tripped: " + why);
        }
    }

    /**
     * Each gate given and how it stands: the line names every gate, the tripped ones first; the reason
     * (stderr's line) every tripped one, joined by "; ".
     */
    public static GateStatus of(List<Gate> gates) {
        if (gates.isEmpty()) {
            return NONE;
        }
        List<String> tripped = new ArrayList<>();
        List<String> held = new ArrayList<>();
        for (Gate g : gates) {
            (g.tripped() ? tripped : held).add(g.line());
        }
        String reason = tripped.isEmpty() ? null : String.join("; ", tripped);
        if (tripped.isEmpty()) {
            // "--fail-on-growth 5% and --fail-on-node-growth 2MB held"
            return new GateStatus(String.join(" and ", gates.stream().map(g -> g.option() + " " + g.threshold())
                    .toList()) + " held", null, gates);
        }
        List<String> line = new ArrayList<>(tripped);
        line.addAll(held);
        return new GateStatus(String.join("; ", line), reason, gates);
    }

    /**
     * "total grew by +32MB (8MB -> 40MB, +400.0%)": values in unit printed in outputUnit (pprof's -unit),
     * the percentage of from (left out when from is 0).
     */
    public static String grew(String subject, long from, long to, String unit, String outputUnit) {
        long growth = to - from;
        String pct = from == 0 ? "" : String.format(Locale.ROOT, ", %+.1f%%", 100.0 * growth / from);
        return subject + " grew by " + ValueFormat.signedLabel(growth, unit, outputUnit) + " (" + ValueFormat.label(from, unit, outputUnit)
                + " -> " + ValueFormat.label(to, unit, outputUnit) + pct + ")";
    }

    /** This status with more said of why the gate tripped, after a semicolon. */
    public GateStatus and(String more) {
        return new GateStatus(line + "; " + more, reason + "; " + more, gates);
    }

    public boolean tripped() {
        return reason != null;
    }
}
