package dev.leakscope.diff;

import dev.leakscope.profile.Profile;
import dev.leakscope.profile.Snapshot;
import java.util.List;

/**
 * One side of a comparison: its input files merged into one profile.
 *
 * @param profile the merged profile (units harmonised with the other side, drop_frames applied)
 * @param inputs  the files it was merged from, in command-line order
 */
public record Side(Profile profile, List<Snapshot> inputs) {
    public Side {
        inputs = List.copyOf(inputs);
    }

    /** The earliest time of the inputs, or 0 when one has none. */
    public long oldestNanos() {
        long t = Long.MAX_VALUE;
        for (Snapshot s : inputs) {
            if (s.timeNanos() == 0) {
                return 0;
            }
            t = Math.min(t, s.timeNanos());
        }
        return inputs.isEmpty() ? 0 : t;
    }

    /** The latest time of the inputs, or 0 when none has one. */
    public long timeNanos() {
        long t = 0;
        for (Snapshot s : inputs) {
            t = Math.max(t, s.timeNanos());
        }
        return t;
    }
}
