package dev.leakscope.trend;

import dev.leakscope.util.InputException;

/** The CI gate of {@code --fail-on-rate}: trips when the total or any suspect grows at least this fast per hour. */
public final class RateGate {
    private RateGate() {
    }

    /**
     * The row that trips the gate (the total first, then suspects in rank order), or null.
     *
     * @param perHour the largest acceptable growth per hour, in the series' unit
     * @return a one-line reason, or null when the gate holds
     */
    public static Tripped check(Trend t, long perHour) {
        return check(t, perHour, false);
    }

    /**
     * As {@link #check(Trend, long)}; with steadyOnly, the total trips only when it grows steadily
     * too (the suspect rule of {@link TrendAnalysis}), so that a heap that swings between
     * collections does not trip a gate watched over a short sliding window.
     */
    public static Tripped check(Trend t, long perHour, boolean steadyOnly) {
        if (!t.perHour()) {
            throw new InputException("--fail-on-rate needs snapshots with timestamps (time_nanos):"
                    + " without them there is no rate per hour");
        }
        if (t.total().slope() >= perHour && (!steadyOnly || t.total().suspect())) {
            return new Tripped("total", t.total());
        }
        for (Trend.Row r : t.rows()) {
            if (r.stats().suspect() && r.stats().slope() >= perHour) {
                return new Tripped(r.name(), r.stats());
            }
        }
        return null;
    }

    /** What tripped the gate. */
    public record Tripped(String name, Stats stats) {
    }
}
