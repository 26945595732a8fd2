package dev.leakscope.input;

/**
 * Bounds on what one input may cost. {@code maxBytes} caps the bytes read from one input after
 * decompression (the decompression-bomb guard; for an archive, all its members together);
 * {@code maxMembers} caps how many files an archive or a directory may hold.
 */
public record Limits(long maxBytes, int maxMembers) {
    /**
     * 8 GiB: an archive of snapshots of that size streams through a 24 GiB machine, one member at a
     * time. One profile is further capped at {@link #MAX_PROFILE_BYTES}.
     */
    public static final long DEFAULT_MAX_BYTES = 8L << 30;
    public static final int DEFAULT_MAX_MEMBERS = 10_000;
    /**
     * The largest single profile, after decompression: protobuf addresses at most 2 GiB in one message,
     * and the legacy text formats are read into one Java array.
     */
    public static final long MAX_PROFILE_BYTES = Integer.MAX_VALUE - 8;
    public static final Limits DEFAULT = new Limits(DEFAULT_MAX_BYTES, DEFAULT_MAX_MEMBERS);

    public Limits(long maxBytes) {
        this(maxBytes, DEFAULT_MAX_MEMBERS);
    }

    /** The cap on one profile: the byte limit, and never more than protobuf can address. */
    public long maxProfileBytes() {
        return Math.min(maxBytes, MAX_PROFILE_BYTES);
    }
}
