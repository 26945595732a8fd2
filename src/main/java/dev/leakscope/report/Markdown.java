package dev.leakscope.report;

import dev.leakscope.util.Plural;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * GitHub-flavoured Markdown for tickets and pull-request comments: code spans and text safe inside a
 * table, and pages kept within a character budget ({@code --max-chars}; ticket systems refuse longer
 * text: GitHub comments above 65,536 characters, Jira fields above 32,767).
 */
public final class Markdown {
    /** The default budget: under GitHub's limit, with room left for a line of one's own. */
    public static final int DEFAULT_MAX_CHARS = 60_000;
    /** What {@link #escape} escapes. */
    private static final String MARKUP = "\\`*_[]<>|~";

    private Markdown() {
    }

    /** A page of text and tables whose rows are cut, whole and from the end, to fit a budget. */
    public static final class Page {
        private record Table(String head, List<String> rows, IntFunction<String> note) {
        }

        private final List<Object> parts = new ArrayList<>();

        /** Text that is never cut. */
        public Page text(CharSequence text) {
            parts.add(text.toString());
            return this;
        }

        /**
         * A table: head (header and separator lines) and rows ending in a newline; note gives the line
         * for a number of rows cut ("" for none), no longer for fewer.
         */
        public Page table(CharSequence head, List<String> rows, IntFunction<String> note) {
            parts.add(new Table(head.toString(), rows, note));
            return this;
        }

        /**
         * The page within maxChars characters: whole when it fits; else the text, table heads and notes
         * always, and as many rows as fit in page order; once a row does not fit, no later row is shown,
         * so the page reads as the uncut one up to its first note.
         */
        public String render(int maxChars) {
            String whole = render(Long.MAX_VALUE, false);
            return whole.length() <= maxChars ? whole : render(maxChars, true);
        }

        /** With room for the longest note of each table reserved, or none. */
        private String render(long maxChars, boolean reserveNotes) {
            long room = maxChars;
            for (Object p : parts) {
                room -= p instanceof Table t ? t.head().length()
                        + (reserveNotes ? t.note().apply(t.rows().size()).length() : 0) : ((String) p).length();
            }
            StringBuilder sb = new StringBuilder();
            for (Object p : parts) {
                if (!(p instanceof Table t)) {
                    sb.append((String) p);
                    continue;
                }
                sb.append(t.head());
                int shown = 0;
                for (String row : t.rows()) {
                    if (row.length() > room) {
                        room = 0;
                        break;
                    }
                    sb.append(row);
                    room -= row.length();
                    shown++;
                }
                sb.append(t.note().apply(t.rows().size() - shown));
            }
            return sb.toString();
        }
    }

    /** The note for rows cut to fit maxChars, empty when none was. */
    public static String cutNote(int cut, int maxChars) {
        return cut == 0 ? "" : cutNote(Plural.of(cut, "more row"), maxChars);
    }

    /** The note for what was cut to fit maxChars, as a count such as "2 more functions". */
    public static String cutNote(String what, int maxChars) {
        return "\n_" + what + " cut to fit `--max-chars " + maxChars + "`; `--format text` or `--format json` shows them._\n";
    }

    /**
     * A code span in a table cell: {@link #textCode}'s span with every | escaped (GitHub splits the row on
     * unescaped pipes before it reads code spans, and takes {@code \|} back to | inside one).
     */
    public static String code(String s) {
        return textCode(s.replace("|", "\\|"));
    }

    /**
     * A code span in running text that shows s exactly as it is, by CommonMark's rule: no escape works
     * inside a code span, so it is fenced by a run of backticks longer than any run in s, and padded with a
     * space on each side when s starts or ends with a backtick (which would merge with the fence) or both
     * starts and ends with a space (one of each would be stripped). A backtick in a name, a file name or a
     * source line (a Go raw string) is kept, not changed.
     */
    public static String textCode(String s) {
        int longest = 0;
        for (int i = 0, run = 0; i < s.length(); i++) {
            run = s.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        boolean pad = !s.isEmpty() && (s.charAt(0) == '`' || s.charAt(s.length() - 1) == '`'
                || s.charAt(0) == ' ' && s.charAt(s.length() - 1) == ' ' && !s.isBlank());
        return pad ? fence + " " + s + " " + fence : fence + s + fence;
    }

    /**
     * Text with every character Markdown reads as markup escaped (links, images, HTML, code spans, tables,
     * emphasis, strike-through), so that text from a profile or a path shows as it is.
     */
    public static String escape(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (MARKUP.indexOf(c) >= 0) {
                if (b == null) {
                    b = new StringBuilder(s.length() + 8).append(s, 0, i);
                }
                b.append('\\');
            }
            if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }
}
