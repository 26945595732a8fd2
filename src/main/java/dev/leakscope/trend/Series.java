package dev.leakscope.trend;

import dev.leakscope.diff.NoiseModel;
import dev.leakscope.graph.NodeInfo;
import dev.leakscope.profile.AllocatedSinceStart;
import dev.leakscope.profile.Harmonization;
import dev.leakscope.profile.Producers;
import dev.leakscope.profile.Profile;
import dev.leakscope.profile.SampleCap;
import dev.leakscope.profile.TextPart;
import dev.leakscope.profile.TimeSource;
import java.util.List;

/**
 * Graph nodes aligned across a series of snapshots, in snapshot order: one value per node and
 * snapshot (0 where a snapshot does not have the node), and the snapshots' totals.
 *
 * @param type        the sample type the values are of ({@code inuse_space}…)
 * @param unit        the values' unit ({@code bytes}, {@code count}…)
 * @param snapshots   names of the snapshots, in series order
 * @param timeNanos   their timestamps (0 where missing)
 * @param order       how the snapshots were ordered
 * @param nodes       node identities
 * @param values      values[node][snapshot]
 * @param totals      total of the sample type per snapshot (the heap in use for inuse_space)
 * @param retention   per node, in-use / allocated space in the last snapshot (NaN without both
 *                    types or nothing allocated)
 * @param totalRetention the same for the whole profile
 * @param via         per node of allocator, runtime or library code, the program's own frame its
 *                    first-to-last change came through the most ({@code graph.ViaValues}); null elsewhere
 * @param harmonization how snapshots with different sample types were brought onto one (none when alike)
 * @param notes       per snapshot, what its input says of it beside its values ({@link Notes})
 * @param replaced    the sample type the series would follow by default and does not, or null: the sizes of
 *                    samples near their producer's cap ({@code live_space}), whose count ({@code type},
 *                    {@code live_objects}) it follows instead ({@link SeriesBuilder})
 */
public record Series(String type, String unit, List<String> snapshots, long[] timeNanos, Order order,
                     List<NodeInfo> nodes, long[][] values, long[] totals, double[] retention,
                     double totalRetention, List<NodeInfo> via, Harmonization harmonization,
                     List<Notes> notes, String replaced) {

    /** A series that follows the sample type chosen. */
    public Series(String type, String unit, List<String> snapshots, long[] timeNanos, Order order,
                  List<NodeInfo> nodes, long[][] values, long[] totals, double[] retention,
                  double totalRetention, List<NodeInfo> via, Harmonization harmonization, List<Notes> notes) {
        this(type, unit, snapshots, timeNanos, order, nodes, values, totals, retention, totalRetention, via,
                harmonization, notes, null);
    }

    /** The same series, following its type in place of the default type replaced. */
    public Series replacing(String replaced) {
        return new Series(type, unit, snapshots, timeNanos, order, nodes, values, totals, retention, totalRetention,
                via, harmonization, notes, replaced);
    }

    /**
     * What a snapshot's input says of it beside its values.
     *
     * @param cap        the cap on its samples ({@link SampleCap}), null where it has none
     * @param timeSource where its time came from when the input records none ({@link TimeSource}), else null
     * @param textPart   the part of its input's text it was read from when not all of it ({@link TextPart}),
     *                   else null
     * @param allocationsSince since when its allocation types count ({@link Producers#allocationsSince})
     * @param retainedType     what says what it retains ({@link Producers#retainedType})
     * @param noise       the sampling error of its values of the series' type (null before that is known)
     * @param allocated   its alloc_space since its process started ({@link AllocatedSinceStart}), or -1
     */
    public record Notes(SampleCap cap, String timeSource, String textPart, String allocationsSince,
                        String retainedType, NoiseModel noise, long allocated) {
        /** None of them (a snapshot that is a whole profile with its own time and no cap). */
        public static final Notes NONE = new Notes(null, null, null, Producers.PROCESS_START, Producers.INUSE_RETAINED,
                null, -1);

        /** What p says of itself (its noise model is not known before the series' type: null). */
        public static Notes of(Profile p) {
            return new Notes(SampleCap.of(p), TimeSource.of(p), TextPart.of(p), Producers.allocationsSince(p),
                    Producers.retainedType(p), null, AllocatedSinceStart.total(p, "alloc_space"));
        }

        /** These notes, with the sampling error of the snapshot's values of the series' type. */
        Notes withNoise(NoiseModel n) {
            return new Notes(cap, timeSource, textPart, allocationsSince, retainedType, n, allocated);
        }
    }

    /**
     * The snapshots (indexes) that a restart of the service came before: fewer allocations since the process
     * started than the snapshot before counted.
     */
    public List<Integer> restarts() {
        List<Integer> out = new java.util.ArrayList<>();
        for (int i = 1; i < notes.size(); i++) {
            if (AllocatedSinceStart.restartedBetween(notes.get(i - 1).allocated(), notes.get(i).allocated())) {
                out.add(i);
            }
        }
        return out;
    }

    /**
     * The largest growth of the total from the first snapshot to the last that sampling explains, as diff
     * estimates it between two profiles ({@link NoiseModel}); 0 when it is not estimated.
     */
    public long totalNoiseMargin() {
        int last = snapshots.size() - 1;
        return last < 1 ? 0 : NoiseModel.between(notes.get(0).noise(), notes.get(last).noise())
                .margin(totals[0], totals[last]);
    }

    /** How the snapshots were put in order. */
    public enum Order {
        /** By the profiles' time_nanos. */
        TIME,
        /**
         * By the profiles' time_nanos, those without one by their twins' (the same snapshot saved in a
         * form that has one: {@link dev.leakscope.util.SnapshotOrder#stem}).
         */
        TWIN_TIMES,
        /** Text snapshots (no time_nanos) by the times their file names state. */
        FILE_NAMES,
        /** Text snapshots by the times their file names state, or else their files' modification times. */
        FILE_TIMES,
        /** Snapshots without time_nanos by when they were fetched ({@code watch}). */
        FETCH_TIMES,
        /**
         * As given (not every snapshot has a distinct timestamp); the members of a directory or archive
         * by name, in natural order.
         */
        ARGUMENTS,
        /** All from one directory or archive, by name in natural order (no distinct timestamps). */
        NAMES;

        /** Whether the snapshots are ordered by a time (and growth is per hour). */
        public boolean timed() {
            return this == TIME || this == TWIN_TIMES || this == FILE_NAMES || this == FILE_TIMES || this == FETCH_TIMES;
        }
    }

    public int size() {
        return snapshots.size();
    }

    /**
     * The first snapshot, in series order, whose values of the series' type come from samples near
     * their producer's cap ({@link SampleCap#reached()}), or -1: from there on they cannot grow.
     */
    public int firstCapped() {
        for (int i = 0; i < notes.size(); i++) {
            SampleCap c = notes.get(i).cap();
            if (c != null && c.covers(type) && c.reached()) {
                return i;
            }
        }
        return -1;
    }

    /** The time from the first snapshot to the last; 0 when the series is not ordered by time. */
    public long spanNanos() {
        return order.timed() ? timeNanos[timeNanos.length - 1] - timeNanos[0] : 0;
    }

    /** Hours since the first snapshot, per snapshot; null when the series is not ordered by time. */
    public double[] hours() {
        if (!order.timed()) {
            return null;
        }
        double[] h = new double[timeNanos.length];
        for (int i = 0; i < h.length; i++) {
            h[i] = (timeNanos[i] - timeNanos[0]) / 3.6e12;
        }
        return h;
    }
}
