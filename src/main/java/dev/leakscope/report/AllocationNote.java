package dev.leakscope.report;

import dev.leakscope.profile.Producers;

/**
 * The note every report on an allocation type gives (trend's and diff's): such a type counts every
 * allocation since a start, so it grows without a leak.
 */
public final class AllocationNote {
    private AllocationNote() {
    }

    /**
     * "alloc_space counts every allocation since the process started, so it grows without a leak; an
     * inuse_ type shows what is retained", or null for a type that is not an allocation type.
     *
     * @param since    since when the profiles count allocations ({@link Producers#allocationsSince})
     * @param retained what says what is retained ({@link Producers#retainedType})
     */
    public static String of(String type, String since, String retained) {
        return type.startsWith("alloc_") ? type + " counts every allocation since " + since
                + ", so it grows without a leak; " + retained : null;
    }
}
