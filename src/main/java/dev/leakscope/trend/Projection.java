package dev.leakscope.trend;

/**
 * When the total reaches a limit at its fitted growth rate, or why that cannot be said.
 *
 * @param outcome what can be said
 * @param limit   the limit, in the series' unit
 * @param hours   hours from the last snapshot until the limit is reached (only for {@link Outcome#REACHES})
 * @param rate    the total's fitted growth per hour (per snapshot without timestamps)
 * @param r2      the fit of the total
 */
public record Projection(Outcome outcome, long limit, double hours, double rate, double r2) {
    /** The fit must be at least this good to project from it. */
    static final double MIN_R2 = 0.8;

    /** What the projection says. */
    public enum Outcome {
        /** The total reaches the limit in {@code hours}. */
        REACHES,
        /** The last snapshot is already at or above the limit. */
        ALREADY_ABOVE,
        /** The total is not growing. */
        NOT_GROWING,
        /** The snapshots have no timestamps: no rate per hour. */
        NO_TIMESTAMPS,
        /** The snapshots span less than a minute: too short for a rate per hour ({@link Trend#ratedPerHour}). */
        TOO_SHORT,
        /** The total does not follow a straight line closely enough. */
        POOR_FIT
    }

    public static Projection of(Trend t, long limit) {
        Stats total = t.total();
        if (total.last() >= limit) {
            return new Projection(Outcome.ALREADY_ABOVE, limit, 0, total.slope(), total.r2());
        }
        if (!t.perHour()) {
            return new Projection(Outcome.NO_TIMESTAMPS, limit, 0, total.slope(), total.r2());
        }
        if (!t.ratedPerHour()) {
            return new Projection(Outcome.TOO_SHORT, limit, 0, total.slope(), total.r2());
        }
        if (total.slope() <= 0) {
            return new Projection(Outcome.NOT_GROWING, limit, 0, total.slope(), total.r2());
        }
        if (total.r2() < MIN_R2) {
            return new Projection(Outcome.POOR_FIT, limit, 0, total.slope(), total.r2());
        }
        return new Projection(Outcome.REACHES, limit, (limit - total.last()) / total.slope(), total.slope(),
                total.r2());
    }
}
