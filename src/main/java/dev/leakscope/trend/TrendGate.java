package dev.leakscope.trend;

import dev.leakscope.diff.Threshold;
import dev.leakscope.util.Amount;
import dev.leakscope.util.InputException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The CI gates of {@code trend} and {@code watch}: {@code --fail-on-rate} trips when the total or any
 * suspect grows at least this fast per hour, {@code --fail-on-growth} when the total grew from the first
 * snapshot to the last by more than an amount or a percentage of the first.
 *
 * @param perHour the largest acceptable growth per hour in the series' unit, or null for no rate gate
 * @param growth  the largest acceptable growth of the total, or null for no growth gate
 */
public record TrendGate(Amount perHour, Threshold growth) {
    /** Which gate tripped. */
    public enum Kind {
        RATE, GROWTH
    }

    /** What tripped a gate: the total or a suspect, and its numbers. */
    public record Tripped(Kind kind, String name, Stats stats) {
    }

    /**
     * The growth gate held only because sampling noise explains the total's growth past its threshold.
     *
     * @param total  the total's numbers
     * @param margin the growth from the first snapshot to the last that sampling explains ({@link
     *               Series#totalNoiseMargin})
     */
    public record WithinNoise(Stats total, long margin) {
    }

    public boolean any() {
        return perHour != null || growth != null;
    }

    /** Whether a gate is written in bytes (so compares sizes). */
    public boolean inBytes() {
        return perHour != null && perHour.inBytes() || growth != null && growth.inBytes();
    }

    /** Refuses a gate written in bytes when the series' values are not (a size per hour on counts too). */
    public void requireUnit(String type, String unit) {
        if (perHour != null) {
            perHour.requireUnit("--fail-on-rate", type, unit, "a plain number per hour (e.g. 100/h)");
        }
        if (growth != null) {
            growth.requireUnit("--fail-on-growth", type, unit);
        }
    }

    /**
     * Refuses the rate gate over a series ordered by time that spans less than a minute: its rate per hour
     * says nothing ({@link Trend#ratedPerHour}), so the gate would hold or trip by chance. (watch rates its
     * window however short: it does not call this.)
     */
    public void requireRatedSpan(Trend t) {
        if (perHour != null && t.perHour() && !t.ratedPerHour()) {
            throw new InputException(String.format(Locale.ROOT, "--fail-on-rate: the series spans %.1f s, and a rate"
                    + " per hour needs snapshots at least a minute apart (--fail-on-growth gates the growth from"
                    + " the first snapshot to the last)", t.series().spanNanos() / 1e9));
        }
    }

    /**
     * What trips each gate, empty when both hold: the rate gate first (the total, else the first steady
     * row in rank order that grows that fast), then the growth gate (the total, beyond sampling noise).
     * Steady is the suspect rule but its floor (growth of 1% of the final total): the gate's threshold is
     * the floor, and a short window of a big heap's leak grows by less than 1% of it.
     *
     * @param steadyOnly the total trips only when it grows steadily too ({@link Stats#steady}), so that a
     *                   heap that swings between collections does not trip a gate watched over a short
     *                   sliding window
     */
    public List<Tripped> checkAll(Trend t, boolean steadyOnly) {
        List<Tripped> out = new ArrayList<>(2);
        Tripped rate = rate(t, steadyOnly);
        if (rate != null) {
            out.add(rate);
        }
        Stats total = t.total();
        // beyond sampling noise, as diff's gates: a control's sampled heap swings by more than 5%
        if (pastGrowth(total) && total.growth() > t.series().totalNoiseMargin() && (!steadyOnly || total.steady())) {
            out.add(new Tripped(Kind.GROWTH, "total", total));
        }
        return out;
    }

    /**
     * The trend as its report shows it once gates tripped (tripped: {@link #checkAll}): every row that tripped
     * one counted as a suspect, when it grows steadily but under the rule's floor (the gate's threshold is the
     * floor); when only the total tripped one and no row is a suspect, the fastest row that grows steadily,
     * if any, as the most of the total's growth that can be named. So a report never says "Leak suspects: 0"
     * beside a gate that a row tripped. Unchanged when nothing tripped.
     */
    public static Trend withSuspectsOf(Trend t, List<Tripped> tripped) {
        List<Stats> by = new ArrayList<>();
        for (Tripped one : tripped) {
            by.add(one.stats()); // the very Stats of the row (or total) that tripped it
        }
        boolean totalOnly = !tripped.isEmpty() && tripped.stream().allMatch(one -> one.stats() == t.total());
        if (totalOnly && t.suspectCount() == 0) {
            t.rows().stream().filter(r -> r.stats().steady()).max(Comparator.comparingDouble(r -> r.stats().slope()))
                    .ifPresent(r -> by.add(r.stats()));
        }
        List<Trend.Row> rows = new ArrayList<>(t.rows().size());
        List<Trend.Row> bySuspect = new ArrayList<>();
        for (Trend.Row r : t.rows()) {
            boolean named = by.stream().anyMatch(s -> s == r.stats());
            Trend.Row shown = named && !r.stats().suspect() ? new Trend.Row(r.node(), r.via(), r.stats().asSuspect()) : r;
            if (shown != r) {
                bySuspect.add(shown);
            }
            rows.add(shown);
        }
        if (bySuspect.isEmpty()) {
            return t;
        }
        rows.sort(TrendAnalysis.RANK);
        return new Trend(t.series(), t.total(), rows, bySuspect);
    }

    /**
     * Whether the growth gate holds only because the total's growth past its threshold is within sampling
     * noise (what its report says, as diff's does): the total and the margin that held it, else null.
     */
    public WithinNoise heldWithinNoise(Trend t) {
        Stats total = t.total();
        long margin = t.series().totalNoiseMargin();
        return pastGrowth(total) && total.growth() <= margin ? new WithinNoise(total, margin) : null;
    }

    /** Whether the total grew past the growth gate's threshold (noise aside); false without the gate. */
    private boolean pastGrowth(Stats total) {
        return growth != null && total.growth() > 0 && growth.exceededBy(total.growth(), total.first());
    }

    private Tripped rate(Trend t, boolean steadyOnly) {
        if (perHour != null) {
            if (!t.perHour()) {
                throw new InputException("--fail-on-rate needs snapshots in time order (by their time_nanos, or"
                        + " the times of their files): without it there is no rate per hour");
            }
            if (t.total().slope() >= perHour.value() && (!steadyOnly || t.total().steady())) {
                return new Tripped(Kind.RATE, "total", t.total());
            }
            for (Trend.Row r : t.rows()) {
                if (r.stats().steady() && r.stats().slope() >= perHour.value()) {
                    return new Tripped(Kind.RATE, r.name(), r.stats());
                }
            }
        }
        return null;
    }
}
