package dev.leakscope.trend;

/**
 * How one row of a trend behaves over the series.
 *
 * @param values       value per snapshot
 * @param slope        least-squares growth per hour (per snapshot when the series has no timestamps)
 * @param r2           how well a straight line fits the values (0 for a constant row)
 * @param monotonicity share of steps between snapshots that do not decrease
 * @param growth       last value minus first
 * @param maxStepShare the largest single increase as a share of {@code growth} (1 for a one-off jump)
 * @param retention    in-use / allocated space in the last snapshot, NaN when unknown
 * @param score        slope × r2 × monotonicity: the ranking key
 * @param steady       whether the row grows steadily: every rule of a suspect but its floor (growth of at
 *                     least 1% of the final total), which a gate's own threshold replaces
 * @param suspect      whether the row grows steadily enough to be a leak suspect (steady, and past the floor)
 */
public record Stats(long[] values, double slope, double r2, double monotonicity, long growth,
                    double maxStepShare, double retention, double score, boolean steady, boolean suspect) {

    /** These numbers counted as a suspect's (a row a gate tripped on, under the rule's floor). */
    Stats asSuspect() {
        return new Stats(values, slope, r2, monotonicity, growth, maxStepShare, retention, score, steady, true);
    }

    public long first() {
        return values[0];
    }

    public long last() {
        return values[values.length - 1];
    }
}
