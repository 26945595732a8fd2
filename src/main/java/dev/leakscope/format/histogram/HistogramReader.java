package dev.leakscope.format.histogram;

import dev.leakscope.util.InputException;
import dev.leakscope.util.Printable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the text {@code jcmd PID GC.class_histogram} and {@code jmap -histo[:live]} write, in one
 * streaming pass, parsing rows from bytes. The layout, the same from JDK 8 to now but for the module
 * column of JDK 9 and later:
 * <pre>
 * 12742:                                                   (jcmd only: the process id)
 *  num     #instances         #bytes  class name (module)
 * -------------------------------------------------------
 *    1:         15814        1049552  [B (java.base@17.0.15)
 *    2:            10            240  leak.Session            (the unnamed module: no column)
 * Total         73600        3510000
 * </pre>
 * The Total line must match the rows; without it the histogram was cut short (as {@code | head}
 * does), which is said, not refused.
 */
final class HistogramReader {
    private static final Pattern HEADER = Pattern.compile("\\s*num\\s+#instances\\s+#bytes\\s+class name(\\s+\\(module\\))?\\s*");
    private static final Pattern PID = Pattern.compile("\\d+:");
    /** The JVM writes this line above the header when it ran out of native memory counting. */
    private static final String WARNING = "WARNING:";
    private static final int MAX_SHOWN = 80;

    /** What the text says about its producer, beside the classes. */
    record Facts(String pid, boolean moduleColumn, String javaBase, List<String> warnings, boolean total) {
    }

    private final ClassTable classes;
    private String pid;
    private boolean moduleColumn;
    private String javaBase;
    private final List<String> warnings = new ArrayList<>();
    private boolean total;

    HistogramReader(ClassTable classes) {
        this.classes = classes;
    }

    /** Whether text starting with head is a class histogram: its header within the first lines. */
    static boolean sniff(byte[] head) {
        String text = new String(head, StandardCharsets.ISO_8859_1);
        int lines = 0;
        int start = 0;
        for (int nl = text.indexOf('\n'); nl >= 0 && lines < 8; nl = text.indexOf('\n', start), lines++) {
            String line = text.substring(start, nl).strip();
            start = nl + 1;
            if (HEADER.matcher(line).matches()) {
                return true;
            }
            if (!line.isEmpty() && !PID.matcher(line).matches() && !line.startsWith(WARNING)) {
                return false;
            }
        }
        return false;
    }

    Facts read(InputStream in) throws IOException {
        HistogramLines lines = new HistogramLines(in);
        long sumCount = 0;
        long sumBytes = 0;
        if (!header(lines)) {
            throw new InputException("no class histogram header (\" num     #instances         #bytes  class name\")");
        }
        if (!lines.next() || !dashes(lines)) {
            throw malformed(lines, "the dashes under the header");
        }
        while (lines.next()) {
            byte[] b = lines.bytes();
            int n = lines.length();
            int i = skipSpaces(b, 0, n);
            if (startsWith(b, i, n, "Total")) {
                total(lines, i + 5, sumCount, sumBytes);
                total = true;
                break;
            }
            int colon = skipDigits(b, i, n);
            if (colon == i || colon >= n || b[colon] != ':') {
                throw malformed(lines, ROW);
            }
            i = spaces(lines, b, colon + 1, n);
            int e = skipDigits(b, i, n);
            long count = number(lines, b, i, e);
            i = spaces(lines, b, e, n);
            e = skipDigits(b, i, n);
            long size = number(lines, b, i, e);
            i = spaces(lines, b, e, n);
            e = skipNonSpaces(b, i, n);
            String name = new String(b, i, e - i, StandardCharsets.UTF_8);
            String module = "";
            i = skipSpaces(b, e, n);
            if (i < n) {
                int close = skipNonSpaces(b, i, n);
                if (b[i] != '(' || b[close - 1] != ')' || close - i < 3 || skipSpaces(b, close, n) != n) {
                    throw malformed(lines, ROW);
                }
                module = new String(b, i + 1, close - i - 2, StandardCharsets.UTF_8);
                if (javaBase == null && module.startsWith("java.base@")) {
                    javaBase = module.substring("java.base@".length());
                }
            }
            classes.add(name, module, count, size);
            sumCount = add(lines, sumCount, count);
            sumBytes = add(lines, sumBytes, size);
        }
        while (lines.next()) {
            if (skipSpaces(lines.bytes(), 0, lines.length()) != lines.length()) {
                throw malformed(lines, "nothing after the Total line");
            }
        }
        if (classes.size() == 0) {
            throw new InputException("the class histogram lists no class");
        }
        return new Facts(pid, moduleColumn, javaBase, List.copyOf(warnings), total);
    }

    private static final String ROW = "a row \"num: #instances #bytes class-name [(module)]\"";

    /** Reads up to the header: blank lines, jcmd's process id, the JVM's warnings may come first. */
    private boolean header(HistogramLines lines) throws IOException {
        while (lines.next()) {
            String line = new String(lines.bytes(), 0, lines.length(), StandardCharsets.UTF_8).strip();
            if (HEADER.matcher(line).matches()) {
                moduleColumn = line.endsWith("(module)");
                return true;
            }
            if (PID.matcher(line).matches() && pid == null) {
                pid = line.substring(0, line.length() - 1);
            } else if (line.startsWith(WARNING)) {
                warnings.add(Printable.of(line));
            } else if (!line.isEmpty()) {
                throw malformed(lines, "the class histogram header");
            }
        }
        return false;
    }

    private static boolean dashes(HistogramLines lines) {
        byte[] b = lines.bytes();
        int n = lines.length();
        int i = skipSpaces(b, 0, n);
        int start = i;
        while (i < n && b[i] == '-') {
            i++;
        }
        return i > start && skipSpaces(b, i, n) == n;
    }

    /** Checks the Total line (after its word, at i) against the rows' sums. */
    private static void total(HistogramLines lines, int i, long sumCount, long sumBytes) {
        byte[] b = lines.bytes();
        int n = lines.length();
        i = spaces(lines, b, i, n);
        int e = skipDigits(b, i, n);
        long count = number(lines, b, i, e);
        i = spaces(lines, b, e, n);
        e = skipDigits(b, i, n);
        long size = number(lines, b, i, e);
        if (skipSpaces(b, e, n) != n) {
            throw malformed(lines, "\"Total #instances #bytes\"");
        }
        if (count != sumCount || size != sumBytes) {
            throw new InputException("line " + lines.number() + ": the Total line says " + count + " instances and "
                    + size + " bytes, the rows above it add up to " + sumCount + " and " + sumBytes
                    + " (a row is missing or altered)");
        }
    }

    private static long number(HistogramLines lines, byte[] b, int from, int to) {
        if (from == to) {
            throw malformed(lines, ROW);
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            int d = b[i] - '0';
            if (v > (Long.MAX_VALUE - d) / 10) {
                throw new InputException("line " + lines.number() + ": a number too large for 64 bits");
            }
            v = v * 10 + d;
        }
        return v;
    }

    private static long add(HistogramLines lines, long a, long b) {
        long s = a + b;
        if (s < 0) {
            throw new InputException("line " + lines.number() + ": the rows add up to more than 64 bits hold");
        }
        return s;
    }

    /** At least one space from i; the index after them. */
    private static int spaces(HistogramLines lines, byte[] b, int i, int n) {
        int e = skipSpaces(b, i, n);
        if (e == i || e == n) {
            throw malformed(lines, ROW);
        }
        return e;
    }

    private static int skipSpaces(byte[] b, int i, int n) {
        while (i < n && (b[i] == ' ' || b[i] == '\t')) {
            i++;
        }
        return i;
    }

    private static int skipDigits(byte[] b, int i, int n) {
        while (i < n && b[i] >= '0' && b[i] <= '9') {
            i++;
        }
        return i;
    }

    private static int skipNonSpaces(byte[] b, int i, int n) {
        while (i < n && b[i] != ' ' && b[i] != '\t') {
            i++;
        }
        return i;
    }

    private static boolean startsWith(byte[] b, int i, int n, String word) {
        if (n - i < word.length()) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            if (b[i + k] != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** "line N: expected what, found "…"", the line shown printable and cut short. */
    private static InputException malformed(HistogramLines lines, String expected) {
        String text = new String(lines.bytes(), 0, Math.min(lines.length(), MAX_SHOWN * 4), StandardCharsets.UTF_8).strip();
        if (text.length() > MAX_SHOWN) {
            text = text.substring(0, MAX_SHOWN) + "…";
        }
        return new InputException("line " + lines.number() + ": malformed class histogram: expected " + expected
                + ", found \"" + Printable.of(text) + "\"");
    }
}
