package dev.leakscope.report;

import dev.leakscope.diff.NoiseModel;
import dev.leakscope.report.pprof.ValueFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a report's CI gates stand, for the report to say: its one line on them, and why one tripped. Every
 * command words a tripped gate alike: "--fail-on-growth 10% tripped: total grew by +32MB (8MB -> 40MB,
 * +400.0%)"; stderr gives it after "leakscope: gate ". A gate that held only because sampling noise explains
 * the growth past its threshold says so alike too: "--fail-on-growth 5% held: total grew by +484.82kB (5.12MB
 * -> 5.60MB, +9.2%), within sampling noise (3 standard deviations: 2.46MB)".
 *
 * @param line   which gates tripped and why, and which held (and why, when sampling noise held one); null
 *               without gates
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
     * @param tripped   whether it tripped
     * @param reason    why it tripped ("--fail-on-growth 10% tripped: total grew by …"), or why it held when the
     *                  growth it gates went past its threshold but not past sampling noise ("--fail-on-growth 5%
     *                  held: total grew by …, within sampling noise (…)"); null when it simply held
     */
    public record Gate(String option, String threshold, boolean tripped, String reason) {
        /** "--fail-on-growth 10% tripped: …", "--fail-on-growth 5% held: …, within sampling noise (…)", or "--fail-on-growth 10% held". */
        String line() {
            return reason != null ? reason : option + " " + threshold + " held";
        }

        /** The gate as written, tripped for why (why null: it held). */
        public static Gate of(String option, String threshold, String why) {
            return why == null ? new Gate(option, threshold, false, null)
                    : new Gate(option, threshold, true, option + " " + threshold + " tripped: " + why);
        }

        /**
         * The gate as written, held although the growth went past its threshold, because sampling noise
         * explains it: why says so ({@link #withinNoise}).
         */
        public static Gate heldWithinNoise(String option, String threshold, String why) {
            return new Gate(option, threshold, false, option + " " + threshold + " held: " + why);
        }
    }

    /**
     * Each gate given and how it stands: the line names every gate, the tripped ones first, then those that
     * held in the order given, each with its reason when it has one (sampling noise); the reason (stderr's
     * line) every tripped one, joined by "; ".
     */
    public static GateStatus of(List<Gate> gates) {
        if (gates.isEmpty()) {
            return NONE;
        }
        List<String> tripped = new ArrayList<>();
        List<Gate> held = new ArrayList<>();
        for (Gate g : gates) {
            if (g.tripped()) {
                tripped.add(g.line());
            } else {
                held.add(g);
            }
        }
        String reason = tripped.isEmpty() ? null : String.join("; ", tripped);
        List<String> line = new ArrayList<>(tripped);
        // with none tripped, those that simply held are one item: "--fail-on-growth 5% and --fail-on-node-growth 2MB held"
        List<Gate> simply = held.stream().filter(g -> g.reason() == null).toList();
        for (Gate g : held) {
            if (g.reason() != null || !tripped.isEmpty()) {
                line.add(g.line());
            } else if (g == simply.get(0)) {
                line.add(String.join(" and ", simply.stream().map(s -> s.option() + " " + s.threshold()).toList())
                        + " held");
            }
        }
        return new GateStatus(String.join("; ", line), reason, gates);
    }

    /** What diff's and trend's reports say of a change that sampling error explains. */
    public static final String WITHIN_NOISE = "within sampling noise";

    /**
     * "total grew by +484.82kB (5.12MB -> 5.60MB, +9.2%), within sampling noise (3 standard deviations:
     * 2.46MB)": why a growth gate held that the growth went past (grew: {@link #grew}); margin: the change
     * sampling explains ({@link NoiseModel#margin}), in unit, printed in outputUnit.
     */
    public static String withinNoise(String grew, long margin, String unit, String outputUnit) {
        return grew + ", " + WITHIN_NOISE + " (" + NoiseModel.SIGMAS + " standard deviations: "
                + ValueFormat.label(margin, unit, outputUnit) + ")";
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
