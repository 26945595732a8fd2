package dev.leakscope.diff;

import dev.leakscope.profile.Profile;
import dev.leakscope.profile.AllocatedSinceStart;
import dev.leakscope.profile.ValueType;
import dev.leakscope.util.HourlyRates;
import java.util.List;

/**
 * Base and current compared node by node: what every diff rendering shows.
 *
 * @param sampleType   the compared sample type
 * @param base         the base side
 * @param current      the current side
 * @param baseTotal    sum of the base's values (after normalisation)
 * @param currentTotal sum of the current values
 * @param grossGrowth  sum of the flat growth of every growing node
 * @param grossShrink  sum of the flat shrinkage of every shrinking node (a positive amount)
 * @param baseScale    factor the base was multiplied by ({@code --normalize}), 1 otherwise
 * @param noise        the sampling-noise model
 * @param options      what was asked
 * @param rows         the rows shown, in rank order
 * @param changed      every node that changed, in rank order (what gates look at)
 * @param disjoint     whether both sides have nodes and none of them is on both: nothing of one profile
 *                     is in the other (most likely profiles of two different programs)
 * @param inputWarnings what reading the inputs found about the comparison itself, each a line starting
 *                     "warning: " (diff DIR whose profiles' times do not order them: its first and last by
 *                     name), for the reports to say with the warnings this result gives of itself
 */
public record DiffResult(ValueType sampleType, Side base, Side current, long baseTotal, long currentTotal,
                         long grossGrowth, long grossShrink, double baseScale, NoiseModel noise, DiffOptions options, List<DiffRow> rows,
                         List<DiffRow> changed, boolean disjoint, List<String> inputWarnings) {
    public DiffResult {
        rows = List.copyOf(rows);
        changed = List.copyOf(changed);
        inputWarnings = List.copyOf(inputWarnings);
    }

    /** This result with the warnings reading its inputs gave ({@code DiffInputs.warnings}). */
    public DiffResult withInputWarnings(List<String> warnings) {
        return new DiffResult(sampleType, base, current, baseTotal, currentTotal, grossGrowth, grossShrink, baseScale,
                noise, options, rows, changed, disjoint, warnings);
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

    /** The gross change: the sum of |flat change| over all nodes. The node fraction cut is relative to it. */
    public long grossChange() {
        return grossGrowth + grossShrink;
    }

    /**
     * A row's share, in percent, of all growth (the gross growth) when it grew, or of all shrinkage
     * (negative) when it shrank; null when there is none to share.
     */
    public Double share(DiffRow row) {
        long of = row.delta() > 0 ? grossGrowth : grossShrink;
        return row.delta() == 0 || of == 0 ? null : 100.0 * row.delta() / of;
    }

    /** Time from the base to the current snapshot, or null unless both carry a time. */
    public Long elapsedNanos() {
        long b = base.timeNanos();
        long c = current.timeNanos();
        return b == 0 || c == 0 ? null : c - b;
    }

    /**
     * Whether the base looks newer than the current profile (both carry a time, the base's is later): a
     * swapped pair turns every leak into shrinkage, and no growth gate can trip.
     */
    public boolean baseLooksNewer() {
        Long elapsed = elapsedNanos();
        return elapsed != null && elapsed < 0;
    }

    /**
     * The sides that add up a series of snapshots rather than replicas of one moment ({@code diff
     * snapshots/*}, a directory on one side): several profiles, each with a time, spanning more than a
     * quarter of the time from the diff's oldest profile to its newest. A series summed is no comparison
     * of its ends (and a summed base can look newer than the current side without being swapped).
     */
    public List<Side> summedSeries() {
        long oldest = Math.min(base.oldestNanos(), current.oldestNanos());
        long whole = Math.max(base.timeNanos(), current.timeNanos()) - oldest;
        if (oldest == 0 || whole <= 0) {
            return List.of();
        }
        return java.util.stream.Stream.of(base, current)
                .filter(s -> s.inputs().size() > 1 && s.timeNanos() - s.oldestNanos() > whole / 4).toList();
    }

    /** What {@link #restart} found: the allocations counted since the process started, on each side. */
    public record Restart(ValueType type, long base, long current) {
    }

    /**
     * The sign that the process restarted between the sides, or null: one profile a side, each counting
     * allocations since its process started (Go's alloc_space), and the current one fewer than the base
     * by more than 1% (a count since a start only grows; the margin is for the scaling of sampled records),
     * the base not the newer.
     */
    public Restart restart() {
        if (base.inputs().size() != 1 || current.inputs().size() != 1 || baseLooksNewer()) {
            return null; // a base newer than the current profile is a swapped pair: its own warning says so
        }
        for (String type : List.of("alloc_space", "alloc_objects")) {
            long b = AllocatedSinceStart.total(base.profile(), type);
            long c = AllocatedSinceStart.total(current.profile(), type);
            if (AllocatedSinceStart.restartedBetween(b, c)) {
                return new Restart(new ValueType(type, unitOf(base.profile(), type)), b, c);
            }
        }
        return null;
    }

    private static String unitOf(Profile p, String type) {
        return p.sampleTypes().stream().filter(t -> t.type().equals(type)).findFirst().orElseThrow().unit();
    }

    /** Net change per hour, or null unless the sides are at least a minute apart ({@link HourlyRates}). */
    public Long growthPerHour() {
        Long elapsed = elapsedNanos();
        if (elapsed == null || !HourlyRates.spanned(elapsed)) {
            return null;
        }
        return Math.round(netChange() * (3_600_000_000_000.0 / elapsed));
    }

    /** Changed nodes not among the rows (cut by fraction, count or --growth-only). */
    public int hiddenRows() {
        return changed.size() - rows.size();
    }
}
