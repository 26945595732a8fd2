package dev.leakscope.diff;

import dev.leakscope.profile.ValueType;
import java.util.List;

/**
 * Base and current compared node by node: what every diff rendering shows.
 *
 * @param sampleType   the compared sample type
 * @param base         the base side
 * @param current      the current side
 * @param baseTotal    sum of the base's values (after normalisation)
 * @param currentTotal sum of the current values
 * @param baseScale    factor the base was multiplied by ({@code --normalize}), 1 otherwise
 * @param noise        the sampling-noise model
 * @param options      what was asked
 * @param rows         the rows shown, in rank order
 * @param changed      every node that changed, in rank order (what gates look at)
 */
public record DiffResult(ValueType sampleType, Side base, Side current, long baseTotal, long currentTotal,
                         double baseScale, NoiseModel noise, DiffOptions options, List<DiffRow> rows,
                         List<DiffRow> changed) {
    public DiffResult {
        rows = List.copyOf(rows);
        changed = List.copyOf(changed);
    }

    public long netChange() {
        return currentTotal - baseTotal;
    }

    /** Net change in percent of the base total; null when the base is empty. */
    public Double netPct() {
        return baseTotal == 0 ? null : 100.0 * netChange() / Math.abs((double) baseTotal);
    }

    /** The change that sampling explains for the totals. */
    public long netNoiseMargin() {
        return noise.margin(baseTotal, currentTotal);
    }

    /** Share of the net growth a row accounts for, in percent; null when the total did not grow. */
    public Double share(DiffRow row) {
        return netChange() <= 0 ? null : 100.0 * row.delta() / netChange();
    }

    /** Time from the base to the current snapshot, or null unless both carry a time. */
    public Long elapsedNanos() {
        long b = base.timeNanos();
        long c = current.timeNanos();
        return b == 0 || c == 0 ? null : c - b;
    }

    /** Net change per hour, or null without a positive elapsed time. */
    public Long growthPerHour() {
        Long elapsed = elapsedNanos();
        if (elapsed == null || elapsed <= 0) {
            return null;
        }
        return Math.round(netChange() * (3_600_000_000_000.0 / elapsed));
    }

    /** Changed nodes not among the rows (cut by fraction, count or --growth-only). */
    public int hiddenRows() {
        return changed.size() - rows.size();
    }
}
