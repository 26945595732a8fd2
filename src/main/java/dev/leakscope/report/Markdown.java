package dev.leakscope.report;

import java.util.List;
import java.util.function.IntFunction;

/**
 * GitHub-flavoured Markdown for tickets and pull-request comments: code spans and text safe inside a
 * table, and tables kept under {@value #LIMIT} characters (GitHub refuses comments above 65,536).
 */
public final class Markdown {
    static final int LIMIT = 60_000;

    private Markdown() {
    }

    /**
     * head, then as many table lines as fit under the limit, then the footer for the number of lines cut.
     *
     * @param footer the footer for a number of cut lines (no longer for fewer cut lines)
     */
    public static String fit(CharSequence head, List<String> lines, IntFunction<String> footer) {
        StringBuilder sb = new StringBuilder(head);
        // Reserve room for the longest footer the cut could need.
        int reserve = footer.apply(lines.size()).length();
        int shown = 0;
        for (String line : lines) {
            if (sb.length() + line.length() + reserve > LIMIT) {
                break;
            }
            sb.append(line);
            shown++;
        }
        return sb.append(footer.apply(lines.size() - shown)).toString();
    }

    /** The footer line for rows cut to fit, empty when none was. */
    public static String cutNote(int cut) {
        return cut == 0 ? "" : "\n_" + cut + " more rows cut to keep this under 60,000 characters;"
                + " `--format text` or `--format json` shows them._\n";
    }

    /** A table-safe code span. */
    public static String code(String s) {
        return "`" + s.replace("`", "'").replace("|", "\\|") + "`";
    }

    /** Text with Markdown's table and emphasis characters escaped. */
    public static String escape(String s) {
        return s.replace("|", "\\|").replace("*", "\\*").replace("_", "\\_");
    }
}
