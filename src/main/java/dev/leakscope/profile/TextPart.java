package dev.leakscope.profile;

/**
 * Which part of its input's text a profile was read from, when the text holds more than the profile (a
 * class histogram in a JVM's standard output or a GC log). The decoder states it in a comment (made
 * here), which the reports of several inputs read back ({@link #of(Profile)}) to say it per input.
 */
public final class TextPart {
    private static final String LINES = "The class histogram of lines ";
    private static final String LOG_END = " class histograms in the GC log";

    private TextPart() {
    }

    /** "The class histogram of lines 497-789 of 789, the last of 2; the other text skipped". */
    public static String lines(long first, long last, long lines, int histograms, boolean otherText) {
        return LINES + first + "-" + last + " of " + lines + (histograms > 1 ? ", the last of " + histograms : "")
                + (otherText ? "; the other text skipped" : "");
    }

    /** "The last of 4 class histograms in the GC log". */
    public static String lastInLog(int histograms) {
        return "The last of " + histograms + LOG_END;
    }

    /**
     * The part the profile's comments state, as a phrase ("the class histogram of lines 497-789 of 789"),
     * or null when the profile was read from all of its input.
     */
    public static String of(Profile p) {
        for (String c : p.comments()) {
            if (c.startsWith(LINES) || c.startsWith("The last of ") && c.endsWith(LOG_END)) {
                return "t" + c.substring(1);
            }
        }
        return null;
    }
}
