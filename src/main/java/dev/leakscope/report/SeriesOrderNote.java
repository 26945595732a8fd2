package dev.leakscope.report;

import java.util.Arrays;

/** What the headers of trend and info say of a series' order when its snapshots' own times do not simply give it. */
final class SeriesOrderNote {
    /** Ordered by time, forms of a snapshot without a time of their own placed by their twins'. */
    static final String TWINS = "time_nanos; a snapshot saved in two forms at the time of the form that has one";

    private SeriesOrderNote() {
    }

    /**
     * Why the series is not ordered by time: how many of the snapshots have no time of their own when
     * some have one (so two orders are never mixed), that none has one, or that some share one.
     *
     * @param own  per snapshot, its time_nanos or 0
     * @param noun what the snapshots are called ("snapshot", "profile")
     */
    static String untimed(long[] own, String noun) {
        long none = Arrays.stream(own).filter(t -> t == 0).count();
        if (none == 0) {
            return "some " + noun + "s share a timestamp";
        }
        if (none == own.length) {
            return "no " + noun + " has a timestamp of its own";
        }
        return none + " of " + own.length + " " + noun + "s " + (none == 1 ? "has" : "have") + " no timestamp";
    }
}
