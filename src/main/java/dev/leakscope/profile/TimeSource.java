package dev.leakscope.profile;

/**
 * Where a profile's time came from when its input records none (a class histogram: the file name or
 * the file's modification time). The decoder states it in a comment ({@link #comment(String)}), which
 * the reports read back ({@link #of(Profile)}) to say in their headers how far to trust the times.
 */
public final class TimeSource {
    private static final String PREFIX = "Time taken ";

    private TimeSource() {
    }

    /** The comment for a time taken as how says ("from the file name"). */
    public static String comment(String how) {
        return PREFIX + how;
    }

    /** Where the profile's time came from, or null when it is the profile's own. */
    public static String of(Profile p) {
        for (String c : p.comments()) {
            if (c.startsWith(PREFIX)) {
                return c.substring(PREFIX.length());
            }
        }
        return null;
    }
}
