package dev.leakscope.util;

import java.util.regex.PatternSyntaxException;

/** Why a regular expression does not compile, in words a user can act on. */
public final class PatternErrors {
    private PatternErrors() {
    }

    /** The reason: Java's own, but for a lone trailing backslash, which it calls an "Unexpected internal error". */
    public static String reason(PatternSyntaxException e) {
        String p = e.getPattern();
        int backslashes = 0;
        while (p != null && backslashes < p.length() && p.charAt(p.length() - 1 - backslashes) == '\\') {
            backslashes++;
        }
        return backslashes % 2 == 1 ? "a trailing backslash escapes nothing" : e.getDescription();
    }
}
