package dev.leakscope.diff;

import dev.leakscope.profile.Profile;
import dev.leakscope.profile.Units;
import dev.leakscope.profile.ValueType;

/**
 * How much of a change sampling error explains. A sampled heap profile (Go, V8, tcmalloc, jemalloc:
 * a Poisson process that picks on average one allocation per {@code period} bytes, each picked
 * object of size s reported as s/(1-e^(-s/period))) estimates a site's bytes v with a variance of at
 * most {@code period * v}: per object s²/(e^(s/period)-1) ≤ s·period. Treating the two snapshots as
 * independent (conservative: objects that live through both were sampled once, and cancel), a
 * change is noise unless it exceeds {@value #SIGMAS} standard deviations,
 * {@code 3 * sqrt(periodBase * |base| + periodCurrent * |current|)}. A new node holding one sample
 * (v = period) therefore needs 3 periods of growth to count. Profiles that record no period in the
 * unit of the values (count types, async-profiler's converter) get no estimate, and every change
 * counts, unless the user states the period ({@code --sampling-period}).
 */
public final class NoiseModel {
    /** Standard deviations a change must exceed to count as growth. */
    public static final int SIGMAS = 3;

    private final double basePeriod;
    private final double currentPeriod;
    private final long period;
    private final String periodUnit;

    private NoiseModel(double basePeriod, double currentPeriod, long period, String periodUnit) {
        this.basePeriod = basePeriod;
        this.currentPeriod = currentPeriod;
        this.period = period;
        this.periodUnit = periodUnit;
    }

    /**
     * The model for values of the given sample type.
     *
     * @param baseScale  factor the base values were multiplied by (normalisation), 1 otherwise
     * @param periodHint period in the sample unit to assume for a profile that records none (0: none)
     */
    public static NoiseModel of(Profile base, Profile current, ValueType type, double baseScale, long periodHint) {
        double pb = periodIn(base, type.unit());
        double pc = periodIn(current, type.unit());
        if (pb <= 0 && pc <= 0 && periodHint > 0) {
            return new NoiseModel(periodHint * baseScale, periodHint, periodHint, type.unit());
        }
        if (pb <= 0 || pc <= 0) {
            return new NoiseModel(0, 0, 0, "");
        }
        // A scaled estimate s*v has variance s²·P·v = (s·P)·(s·v).
        return new NoiseModel(pb * baseScale, pc, current.period(), current.periodType().unit());
    }

    private static double periodIn(Profile p, String unit) {
        ValueType t = p.periodType();
        if (t == null || p.period() <= 0 || t.unit().isEmpty() || !Units.compatible(t.unit(), unit)) {
            return 0;
        }
        if (t.unit().equals(unit)) {
            return p.period();
        }
        return Units.scale(p.period(), t.unit(), unit).value();
    }

    /** Whether the profiles let the model estimate sampling error at all. */
    public boolean estimated() {
        return currentPeriod > 0;
    }

    /** The sampling period of the current profile, in its period unit (0 when not estimated). */
    public long period() {
        return period;
    }

    public String periodUnit() {
        return periodUnit;
    }

    /** The largest change between base and current values that sampling explains (0 when not estimated). */
    public long margin(long base, long current) {
        if (!estimated()) {
            return 0;
        }
        double variance = basePeriod * Math.abs((double) base) + currentPeriod * Math.abs((double) current);
        return (long) Math.ceil(SIGMAS * Math.sqrt(variance));
    }
}
