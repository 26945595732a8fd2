package dev.leakscope.util;

/**
 * Text from profiles and archives made safe to print: control characters (C0, DEL, C1), Unicode line
 * and paragraph separators and bidirectional overrides are shown escaped ({@code \n}, {@code \u001b}),
 * so a name can neither drive the terminal, forge a report row nor reorder what is shown around it.
 */
public final class Printable {
    private Printable() {
    }

    /** s with every unsafe character escaped; s itself when it has none (the common case, no copy). */
    public static String of(String s) {
        return escaped(s, false);
    }

    /** A line of a source file made safe to print as {@link #of} makes a name, its tabs (indentation) kept. */
    public static String sourceLine(String s) {
        return escaped(s, true);
    }

    private static String escaped(String s, boolean tabs) {
        if (s == null) {
            return null;
        }
        int i = 0;
        while (i < s.length() && (!unsafe(s.charAt(i)) || tabs && s.charAt(i) == '\t')) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 8).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append(tabs ? "\t" : "\\t");
                default -> {
                    if (unsafe(c)) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    private static boolean unsafe(char c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
    }
}
