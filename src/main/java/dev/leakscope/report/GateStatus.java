package dev.leakscope.report;

/**
 * How a report's CI gates stand, for the report to say: its one line on them, and why one tripped.
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

    public boolean tripped() {
        return reason != null;
    }
}
