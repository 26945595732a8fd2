package dev.leakscope.diff;

import dev.leakscope.profile.Producers;
import dev.leakscope.profile.Profile;
import dev.leakscope.profile.SampleCap;
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
 * unit of the values get no estimate, and every change counts, unless the user states the period
 * ({@code --sampling-period}); so do the producers whose values are no such estimates whatever period
 * they record ({@link Basis}): a class histogram counts every object (no sampling error at all), the
 * JVM's old-object samples are a reservoir of a fixed number of objects and its allocation events are
 * throttled, async-profiler's values are the sampled objects' own sizes. Their counts are counts of
 * random samples, whose error is that of a Poisson count (sd = sqrt(n), as a period of 1); their sizes
 * get no estimate.
 */
public final class NoiseModel {
    /** Standard deviations a change must exceed to count as growth. */
    public static final int SIGMAS = 3;

    /** What the model rests on: why it estimates sampling error, or why not. */
    public enum Basis {
        /** The sampling period the profiles record in the unit of the values. */
        RECORDED_PERIOD,
        /** The period {@code --sampling-period} states. */
        STATED_PERIOD,
        /** A class histogram: every object counted, so no sampling error at all. */
        EVERY_OBJECT,
        /** A sampling period of 1 (goroutines, every allocation recorded): no sampling error at all. */
        EVERY_VALUE,
        /** jdk.OldObjectSample: a reservoir of at most a fixed number of objects, with no period (counts: sd = sqrt(n)). */
        OLD_OBJECT_RESERVOIR,
        /** Flight Recorder's allocation events: per TLAB or at a throttled rate, with no period (counts: sd = sqrt(n)). */
        JFR_ALLOCATION_EVENTS,
        /** async-profiler: objects sampled at an interval the profile does not give, at their own sizes (counts: sd = sqrt(n)). */
        ASYNC_PROFILER,
        /** A sampling period the profile records in another unit than the values' (bytes, for counts). */
        PERIOD_IN_OTHER_UNIT,
        /** No sampling period recorded. */
        NO_PERIOD
    }

    private final double basePeriod;
    private final double currentPeriod;
    private final long period;
    private final String periodUnit;
    private final Basis basis;
    private final long other;

    private NoiseModel(double basePeriod, double currentPeriod, long period, String periodUnit, Basis basis,
                       long other) {
        this.basePeriod = basePeriod;
        this.currentPeriod = currentPeriod;
        this.period = period;
        this.periodUnit = periodUnit;
        this.basis = basis;
        this.other = other;
    }

    /**
     * The model for values of the given sample type.
     *
     * @param baseScale  factor the base values were multiplied by (normalisation), 1 otherwise
     * @param periodHint period in the sample unit to assume for a profile that records none (0: none)
     */
    public static NoiseModel of(Profile base, Profile current, ValueType type, double baseScale, long periodHint) {
        Basis unsampled = unsampled(current, type);
        if (unsampled == null) {
            unsampled = unsampled(base, type);
        }
        double pb = unsampled == null ? periodIn(base, type.unit()) : 0;
        double pc = unsampled == null ? periodIn(current, type.unit()) : 0;
        if (pb <= 0 && pc <= 0 && periodHint > 0) {
            return new NoiseModel(periodHint * baseScale, periodHint, periodHint, type.unit(), Basis.STATED_PERIOD, 0);
        }
        if (unsampled != null) {
            SampleCap cap = unsampled == Basis.OLD_OBJECT_RESERVOIR ? capOf(current, base) : null;
            long reservoir = cap == null ? 0 : cap.cap();
            if (unsampled != Basis.EVERY_OBJECT && type.unit().equals("count")) {
                // a count of sampled objects or events: the error of a count of random samples, sd = sqrt(n)
                return new NoiseModel(baseScale, 1, 1, "count", unsampled, reservoir);
            }
            return new NoiseModel(0, 0, 0, "", unsampled, reservoir);
        }
        if (pb <= 0 || pc <= 0) {
            ValueType t = (pc <= 0 ? current : base).periodType();
            long p = (pc <= 0 ? current : base).period();
            boolean other = t != null && p > 0 && !t.unit().isEmpty();
            return other ? new NoiseModel(0, 0, 0, t.unit(), Basis.PERIOD_IN_OTHER_UNIT, p)
                    : new NoiseModel(0, 0, 0, "", Basis.NO_PERIOD, 0);
        }
        if (pb == 1 && pc == 1) {
            // nothing is left out (a goroutine profile counts every goroutine): a change is no sampling error
            return new NoiseModel(0, 0, 0, "", Basis.EVERY_VALUE, 0);
        }
        // A scaled estimate s*v has variance s²·P·v = (s·P)·(s·v).
        return new NoiseModel(pb * baseScale, pc, current.period(), current.periodType().unit(),
                Basis.RECORDED_PERIOD, 0);
    }

    /** Why a profile's values are no sampled estimate whatever period it records, or null when they may be. */
    private static Basis unsampled(Profile p, ValueType type) {
        return switch (Producers.of(p)) {
            case CLASS_HISTOGRAM -> Basis.EVERY_OBJECT;
            case ASYNC_PROFILER -> Basis.ASYNC_PROFILER;
            case JFR -> type.type().startsWith("live_") ? Basis.OLD_OBJECT_RESERVOIR : Basis.JFR_ALLOCATION_EVENTS;
            case OTHER -> null;
        };
    }

    private static SampleCap capOf(Profile current, Profile base) {
        SampleCap c = SampleCap.of(current);
        return c != null ? c : SampleCap.of(base);
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

    /** What the model rests on: a period, or why there is no estimate. */
    public Basis basis() {
        return basis;
    }

    /** The sampling period of the current profile, in its period unit (0 when not estimated). */
    public long period() {
        return estimated() ? period : 0;
    }

    /** The unit of the period (empty when not estimated). */
    public String periodUnit() {
        return estimated() ? periodUnit : "";
    }

    /**
     * What the basis says beside: for {@link Basis#OLD_OBJECT_RESERVOIR} the most objects the JVM keeps (0
     * when the profile does not say), for {@link Basis#PERIOD_IN_OTHER_UNIT} the period the profile records
     * in {@link #otherUnit()}; else 0.
     */
    public long other() {
        return other;
    }

    /** For {@link Basis#PERIOD_IN_OTHER_UNIT}: the unit of the period the profile records; else empty. */
    public String otherUnit() {
        return basis == Basis.PERIOD_IN_OTHER_UNIT ? periodUnit : "";
    }

    /**
     * The model of a change from base's snapshot to current's, each model made of its own profile (as
     * {@code of(p, p, …)}): not estimated when either is not.
     */
    public static NoiseModel between(NoiseModel base, NoiseModel current) {
        if (base == null || current == null || !base.estimated() || !current.estimated()) {
            return current != null && !current.estimated() ? current : new NoiseModel(0, 0, 0, "", Basis.NO_PERIOD, 0);
        }
        return new NoiseModel(base.currentPeriod, current.currentPeriod, current.period, current.periodUnit,
                current.basis, current.other);
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
