package dev.leakscope.input;

/**
 * Bounds on what one input may cost, each raised by the command-line flag named in its error.
 *
 * <ul>
 *   <li>{@code maxBytes} ({@code --max-bytes}): bytes read from one input after decompression, the
 *       decompression-bomb guard; for an archive or directory, all its members together. One profile is
 *       further capped at {@link #MAX_PROFILE_BYTES}. Every string, sample, location, function and
 *       label takes at least two bytes on the wire, so their counts, and the memory of the decoded
 *       profile, are bounded by this too.
 *   <li>{@code maxMembers} ({@code --max-members}): files in one archive or directory.
 *   <li>{@code maxStackDepth} ({@code --max-stack-depth}): frames in one sample's stack, inlined frames
 *       included.
 *   <li>{@code maxLabels} ({@code --max-labels}): labels on one sample.
 *   <li>{@code maxExpansion} ({@code --max-expansion}): frames over all samples per byte of input. One
 *       location can hold many inlined frames and be named by every sample for one byte each, so a
 *       small input could otherwise ask for years of work; real profiles stay far below the default.
 *   <li>{@code maxRatio} ({@code --max-ratio}): bytes after decompression per compressed byte, once past
 *       {@link #RATIO_FLOOR}: stops a decompression bomb after a fraction of a second, where the byte
 *       limit alone would let it inflate (and decode) gigabytes. Gzipped profiles inflate 2 to 3 times,
 *       text ones about 20 (xz of a tar of near-identical raw snapshots perhaps 100); deflate bombs inflate
 *       1000 times, xz, zstd and bzip2 ones far more.
 * </ul>
 */
public record Limits(long maxBytes, int maxMembers, int maxStackDepth, int maxLabels, int maxExpansion,
                     int maxRatio) {
    /**
     * 8 GiB: an archive of snapshots of that size streams through a 24 GiB machine, one member at a
     * time. One profile is further capped at {@link #MAX_PROFILE_BYTES}.
     */
    public static final long DEFAULT_MAX_BYTES = 8L << 30;
    public static final int DEFAULT_MAX_MEMBERS = 10_000;
    public static final int DEFAULT_MAX_STACK_DEPTH = 1_000_000;
    public static final int DEFAULT_MAX_LABELS = 10_000;
    public static final int DEFAULT_MAX_EXPANSION = 64;
    public static final int DEFAULT_MAX_RATIO = 200;
    /** Below this many bytes after decompression the ratio limit does not apply: small inputs cost little. */
    public static final long RATIO_FLOOR = 16L << 20;
    /** Below this many frames the expansion limit does not apply: tiny inputs cost nothing anyway. */
    public static final long EXPANSION_FLOOR = 1 << 20;
    /**
     * The largest single profile, after decompression: protobuf addresses at most 2 GiB in one message,
     * and the legacy text formats are read into one Java array.
     */
    public static final long MAX_PROFILE_BYTES = Integer.MAX_VALUE - 8;
    public static final Limits DEFAULT = new Limits(DEFAULT_MAX_BYTES, DEFAULT_MAX_MEMBERS,
            DEFAULT_MAX_STACK_DEPTH, DEFAULT_MAX_LABELS, DEFAULT_MAX_EXPANSION, DEFAULT_MAX_RATIO);

    /** These limits with the default ratio limit. */
    public Limits(long maxBytes, int maxMembers, int maxStackDepth, int maxLabels, int maxExpansion) {
        this(maxBytes, maxMembers, maxStackDepth, maxLabels, maxExpansion, DEFAULT_MAX_RATIO);
    }

    /** The default limits with another byte limit. */
    public Limits(long maxBytes) {
        this(maxBytes, DEFAULT_MAX_MEMBERS, DEFAULT_MAX_STACK_DEPTH, DEFAULT_MAX_LABELS, DEFAULT_MAX_EXPANSION);
    }

    /** The cap on one profile: the byte limit, and never more than protobuf can address. */
    public long maxProfileBytes() {
        return Math.min(maxBytes, MAX_PROFILE_BYTES);
    }

    /** The most frames all samples of an input of this many bytes may expand to. */
    public long maxFrames(long inputBytes) {
        return Math.max(EXPANSION_FLOOR, inputBytes * maxExpansion);
    }
}
