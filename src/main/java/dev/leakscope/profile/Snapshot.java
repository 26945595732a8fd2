package dev.leakscope.profile;

/**
 * One input file of a comparison, as the report names it.
 *
 * @param name       the name the user gave ({@code -} for standard input)
 * @param size       stored (compressed) size in bytes, or -1 when unknown
 * @param timeNanos  the profile's time_nanos, or 0 when it has none
 * @param timeSource where that time came from when the input records none ({@link TimeSource}), else null
 * @param cap        the producer's cap on the profile's samples when it is near it ({@link SampleCap}), else null
 * @param textPart   the part of its input's text the profile was read from, when not all of it ({@link TextPart}),
 *                   else null
 */
public record Snapshot(String name, long size, long timeNanos, String timeSource, SampleCap cap, String textPart) {

    /** The snapshot of profile p, read from the input called name of that stored size. */
    public static Snapshot of(String name, long size, Profile p) {
        SampleCap cap = SampleCap.of(p);
        return new Snapshot(name, size, p.timeNanos(), TimeSource.of(p), cap != null && cap.reached() ? cap : null,
                TextPart.of(p));
    }
}
