package dev.leakscope.util;

/**
 * When the file of a profile without a time of its own was captured: the date and time its name
 * states, its modification time, or for a profile just fetched, the fetch time (read by
 * {@code input.FileTimes}).
 *
 * @param nanos  the time in nanoseconds since the epoch, 0 when not known
 * @param source where it comes from
 */
public record FileTime(long nanos, Source source) {
    /** No time known. */
    public static final FileTime NONE = new FileTime(0, Source.MODIFIED);

    /** Where a file's time comes from. */
    public enum Source {
        /** The date and time in its name. */
        NAME,
        /** Its modification time. */
        MODIFIED,
        /** When it was fetched. */
        FETCH
    }
}
