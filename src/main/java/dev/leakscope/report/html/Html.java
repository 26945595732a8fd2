package dev.leakscope.report.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Escaping for everything the profile controls (names, file names, labels) and the page's shared
 * resources. Text goes through {@link #text}; JSON embedded in a script element through
 * {@link #jsonString}, which also escapes {@code <}, {@code >} and {@code &} so no string can close the
 * element. Control characters are never written raw.
 */
public final class Html {
    private Html() {
    }

    /** s escaped for HTML text and attribute values (double-quoted). */
    public static String text(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    if (ch < 0x20 && ch != '\n' && ch != '\t' || ch == 0x7f) {
                        sb.append('\ufffd');
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.toString();
    }

    /** s as a JSON string literal that is safe inside a {@code <script>} element. */
    static void jsonString(String s, PrintWriter out) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"' || ch == '\\') {
                sb.append('\\').append(ch);
            } else if (ch < 0x20 || ch == '<' || ch == '>' || ch == '&' || ch == 0x7f || ch == 0x2028 || ch == 0x2029) {
                sb.append(String.format("\\u%04x", (int) ch));
            } else {
                sb.append(ch);
            }
        }
        out.print(sb.append('"'));
    }

    /** A resource of this package (the page's script and style sheet), as text. */
    static String resource(String name) {
        try (InputStream in = Html.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
