package dev.leakscope.report;

import dev.leakscope.report.pprof.ValueFormat;
import java.util.Locale;

/**
 * How a report's CI gates stand, for the report to say: its one line on them, and why one tripped. Every
 * command words a tripped gate alike: "--fail-on-growth 10% tripped: total grew by +32MB (8MB -> 40MB,
 * +400.0%)"; stderr gives it after "leakscope: gate ".
 *
 * @param line   which gate tripped and why, or which held; null without gates
 * @param reason why a gate tripped, as the stderr line says it (JSON's {@code gate.reason}); null when none did
 */
public record GateStatus(String line, String reason) {
    public static final GateStatus NONE = new GateStatus(null, null);

    /** The gates given, as written ("--fail-on-growth 5%"; empty when none), held. */
    public static GateStatus held(String given) {
        return given.isEmpty() ? NONE : new GateStatus(given + " held", null);
    }

    /** gate (as written: "--fail-on-growth 5%") tripped, for why. */
    public static GateStatus tripped(String gate, String why) {
        String reason = gate + " tripped: " + why;
        return new GateStatus(reason, reason);
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
        return new GateStatus(line + "; " + more, reason + "; " + more);
    }

    public boolean tripped() {
        return reason != null;
    }
}
