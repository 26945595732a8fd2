package dev.leakscope.trend;

/**
 * How a watched gate stands from one snapshot to the next, and what is worth saying of it: a trip when
 * it is news (the first, another row or gate tripping than the one last said, or the same one at least
 * twice as fast or as much as last said), that the gate still trips when it is not, and once that it
 * holds again. It counts the snapshots that tripped it.
 */
public final class WatchedGate {
    /** What a snapshot's status says of the gate. */
    public enum News {
        /** Nothing: the gate holds, as it did. */
        NONE,
        /** The trip, in full. */
        TRIPPED,
        /** Only that the gate still trips (since {@link Step#since}), as last said. */
        STILL_TRIPPED,
        /** The gate holds after having tripped. */
        HOLDS_AGAIN
    }

    /**
     * The gate at one snapshot.
     *
     * @param tripped what tripped it, or null
     * @param news    what is worth saying
     * @param since   while it trips: the snapshot that began this run of trips, else 0
     */
    public record Step(TrendGate.Tripped tripped, News news, int since) {
    }

    private TrendGate.Tripped said;
    private int since;
    private int firstTrippedAt;
    private int tripped;

    /** Records snapshot number's outcome (null: the gate held). */
    public Step add(int number, TrendGate.Tripped t) {
        if (t == null) {
            boolean was = since > 0;
            said = null;
            since = 0;
            return new Step(null, was ? News.HOLDS_AGAIN : News.NONE, 0);
        }
        tripped++;
        if (firstTrippedAt == 0) {
            firstTrippedAt = number;
        }
        if (since == 0) {
            since = number;
        }
        if (said != null && t.kind() == said.kind() && t.name().equals(said.name()) && !twiceAsBad(t, said)) {
            return new Step(t, News.STILL_TRIPPED, since);
        }
        said = t;
        return new Step(t, News.TRIPPED, since);
    }

    /** How the gate stands so far. */
    public Tally tally() {
        return new Tally(firstTrippedAt, tripped);
    }

    /**
     * How a watch's gate stood over its snapshots.
     *
     * @param firstTrippedAt the snapshot that tripped it first, 0 if none did
     * @param trippedCount   how many snapshots tripped it
     */
    public record Tally(int firstTrippedAt, int trippedCount) {
    }

    private static boolean twiceAsBad(TrendGate.Tripped now, TrendGate.Tripped before) {
        double a = measure(now);
        return a > 0 && a >= 2 * measure(before);
    }

    /** What the gate compares: the rate per hour, or the growth over the window. */
    private static double measure(TrendGate.Tripped t) {
        return t.kind() == TrendGate.Kind.RATE ? t.stats().slope() : t.stats().growth();
    }
}
