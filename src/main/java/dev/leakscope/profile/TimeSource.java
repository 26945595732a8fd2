package dev.leakscope.profile;

import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/**
 * Where a profile's time came from when its input records none (a class histogram: the file name or
 * the file's modification time). The decoder states it in a comment ({@link #comment(String)}), which
 * the reports read back ({@link #of(Profile)}) to say in their headers how far to trust the times.
 */
public final class TimeSource {
    /** A time taken from the file's name (collect's, jcmd scripts' timestamps). */
    public static final String FILE_NAME = "from the file name";
    /** A time taken from the file's modification time. */
    public static final String FILE_MODIFIED = "from the file's modification time";
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

    /** Where the times of several profiles were taken from, as a whole. */
    public enum Summary {
        /** Every profile's own (time_nanos). */
        OWN,
        /** Every one's file name. */
        FILE_NAMES,
        /** File names, or else modification times. */
        FILE_NAMES_OR_MODIFICATION_TIMES,
        /** Every one's text (a GC log's time, a thread dump's). */
        TEXTS,
        /** Their files, in several ways. */
        MIXED,
        /** Some profiles' own, the others' files. */
        MIXED_WITH_OWN;

        /** The summary of the sources {@link #of(Profile)} gives, one per profile (null: its own time). */
        public static Summary of(java.util.Collection<String> sources) {
            Set<String> taken = new HashSet<>(sources);
            Set<String> fromFile = Set.of(FILE_NAME, FILE_MODIFIED);
            if (taken.equals(Collections.singleton(null))) {
                return OWN;
            }
            if (taken.contains(null)) {
                return MIXED_WITH_OWN;
            }
            if (taken.equals(Set.of(FILE_NAME))) {
                return FILE_NAMES;
            }
            if (fromFile.containsAll(taken)) {
                return FILE_NAMES_OR_MODIFICATION_TIMES;
            }
            return taken.stream().noneMatch(fromFile::contains) ? TEXTS : MIXED;
        }
    }
}
