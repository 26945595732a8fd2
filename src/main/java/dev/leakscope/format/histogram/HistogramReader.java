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
 * does), which is said, not refused. {@code -XX:+PrintClassHistogram} writes the same layout.
 *
 * <p>Two more layouts: {@code jhsdb jmap --histo} (a preamble naming the process and the JVM, tab
 * separated columns headed {@code Class description}, names already as in source, {@code Total :},
 * and lines about the heap walk after it); and a unified GC log of {@code -Xlog:gc+classhisto*=trace},
 * each line behind its decorations ({@code [2.816s][trace][gc,classhisto] GC(0) }), one histogram
 * before and one after every full collection: the last one counts, and its time is the log's when a
 * decoration carries the date ({@code -Xlog:...::utctime} or {@code time}).
 */
final class HistogramReader {
    private static final Pattern HEADER = Pattern.compile("\\s*num\\s+#instances\\s+#bytes\\s+class name(\\s+\\(module\\))?\\s*");
    private static final Pattern JHSDB_HEADER = Pattern.compile("\\s*num\\s+#instances\\s+#bytes\\s+Class description\\s*");
    /** What jhsdb writes before the histogram: the process id and the JVM's version are kept. */
    private static final Pattern JHSDB_PREAMBLE = Pattern.compile("Attaching to process ID (\\d+), please wait\\.\\.\\."
            + "|Debugger attached successfully\\.|(?:Server|Client) compiler detected\\.|JVM version is (\\S+)"
            + "|Object Histogram:");
    /** What jhsdb writes after the Total line. */
    private static final Pattern JHSDB_AFTER = Pattern.compile("Iterating over heap\\. This may take a while\\.\\.\\."
            + "|Heap traversal took [\\d.]+ seconds\\.");
    /** The decorations of a unified log line, then the collection's number: "[2.816s][trace][gc,classhisto ] GC(0) ". */
    private static final Pattern DECORATIONS = Pattern.compile("((?:\\[[^\\]\\n]*\\])+) ?(?:GC\\(\\d+\\) )?");
    /** A decoration holding the wall-clock time (the time and utctime decorators). */
    private static final Pattern LOG_TIME = Pattern.compile("\\[(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}[+-]\\d{4})\\]");
    private static final java.time.format.DateTimeFormatter LOG_TIME_FORMAT =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ", java.util.Locale.ROOT);
    private static final Pattern PID = Pattern.compile("\\d+:");
    /** The JVM writes this line above the header when it ran out of native memory counting. */
    private static final String WARNING = "WARNING:";
    private static final int MAX_SHOWN = 80;

    /** Which tool wrote the histogram. */
    enum Layout {
        /** jcmd GC.class_histogram, jmap -histo, -XX:+PrintClassHistogram. */
        JCMD,
        /** jhsdb jmap --histo. */
        JHSDB,
        /** A unified GC log (-Xlog:gc+classhisto*=trace). */
        GC_LOG
    }

    /**
     * What the text says about its producer, beside the classes.
     *
     * @param jdk        the JDK's version (java.base's module version, or what jhsdb names), or null
     * @param histograms how many histograms the text held (a GC log: one per collection and side of it)
     * @param timeNanos  the time the text gives the histogram (a GC log's date decoration), or 0
     */
    record Facts(Layout layout, String pid, boolean moduleColumn, String jdk, List<String> warnings, boolean total,
                 int histograms, long timeNanos) {
    }

    private final ClassTable classes;
    private Layout layout = Layout.JCMD;
    private String pid;
    private boolean moduleColumn;
    private String jdk;
    private long timeNanos;
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
            if (HEADER.matcher(line).matches() || JHSDB_HEADER.matcher(line).matches()) {
                return true;
            }
            if (line.startsWith("[")) {
                // a unified log: the class histogram's tag must be within the first bytes
                return DECORATIONS.matcher(line).lookingAt() && text.contains(",classhisto");
            }
            if (!line.isEmpty() && !PID.matcher(line).matches() && !line.startsWith(WARNING)
                    && !JHSDB_PREAMBLE.matcher(line).matches()) {
                return false;
            }
        }
        return false;
    }

    Facts read(InputStream in) throws IOException {
        HistogramLines lines = new HistogramLines(in);
        if (!header(lines)) {
            throw new InputException("no class histogram header (\" num     #instances         #bytes  class name\")");
        }
        int histograms = 1;
        rows(lines);
        while (layout == Layout.GC_LOG && nextHeader(lines)) {
            classes.clear();
            histograms++;
            rows(lines);
        }
        while (layout != Layout.GC_LOG && lines.next()) {
            int i = skipSpaces(lines.bytes(), 0, lines.length());
            String rest = new String(lines.bytes(), i, lines.length() - i, StandardCharsets.UTF_8).strip();
            if (!rest.isEmpty() && !(layout == Layout.JHSDB && JHSDB_AFTER.matcher(rest).matches())) {
                throw malformed(lines, "nothing after the Total line");
            }
        }
        if (classes.size() == 0) {
            throw new InputException("the class histogram lists no class");
        }
        return new Facts(layout, pid, moduleColumn, jdk, List.copyOf(warnings), total, histograms, timeNanos);
    }

    /** The dashes under the header, then the rows up to the Total line (or the end: cut short). */
    private void rows(HistogramLines lines) throws IOException {
        long sumCount = 0;
        long sumBytes = 0;
        total = false;
        if (!lines.next() || !dashes(lines)) {
            throw malformed(lines, "the dashes under the header");
        }
        while (lines.next()) {
            byte[] b = lines.bytes();
            int n = lines.length();
            int i = skipSpaces(b, start(lines), n);
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
            int module = 0;
            i = skipSpaces(b, e, n);
            if (i < n) {
                int close = skipNonSpaces(b, i, n);
                if (b[i] != '(' || b[close - 1] != ')' || close - i < 3 || skipSpaces(b, close, n) != n) {
                    throw malformed(lines, ROW);
                }
                module = classes.module(b, i + 1, close - 1, m -> {
                    if (jdk == null && m.startsWith("java.base@")) {
                        jdk = m.substring("java.base@".length());
                    }
                });
            }
            classes.add(name, module, count, size);
            sumCount = add(lines, sumCount, count);
            sumBytes = add(lines, sumBytes, size);
        }
    }

    /** Where a line's text starts: after its decorations in a GC log, else at 0. */
    private int start(HistogramLines lines) {
        if (layout != Layout.GC_LOG) {
            return 0;
        }
        return decorations(lines).end();
    }

    private static java.util.regex.Matcher decorations(HistogramLines lines) {
        java.util.regex.Matcher m = DECORATIONS.matcher(new String(lines.bytes(), 0, Math.min(lines.length(), 256),
                StandardCharsets.ISO_8859_1));
        if (!m.lookingAt()) {
            throw malformed(lines, "a GC log line (\"[2.816s][trace][gc,classhisto] GC(0) ...\")");
        }
        return m;
    }

    /** In a GC log, reads up to the next histogram's header (its time noted); false at the end. */
    private boolean nextHeader(HistogramLines lines) throws IOException {
        while (lines.next()) {
            if (logHeader(lines)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the current line of a GC log is a histogram's header (its time then noted). */
    private boolean logHeader(HistogramLines lines) {
        if (lines.length() == 0) {
            return false;
        }
        java.util.regex.Matcher m = decorations(lines);
        String rest = new String(lines.bytes(), m.end(), lines.length() - m.end(), StandardCharsets.UTF_8);
        if (!HEADER.matcher(rest).matches()) {
            return false;
        }
        moduleColumn = rest.strip().endsWith("(module)");
        timeNanos = logTime(m.group(1));
        return true;
    }

    /** The wall-clock time among a log line's decorations, in nanoseconds, or 0. */
    private static long logTime(String decorations) {
        java.util.regex.Matcher t = LOG_TIME.matcher(decorations);
        if (!t.find()) {
            return 0;
        }
        java.time.Instant i = java.time.OffsetDateTime.parse(t.group(1), LOG_TIME_FORMAT).toInstant();
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    private static final String ROW = "a row \"num: #instances #bytes class-name [(module)]\"";

    /**
     * Reads up to the header: blank lines, jcmd's process id, the JVM's warnings or jhsdb's preamble may
     * come first; a GC log's first line makes it one.
     */
    private boolean header(HistogramLines lines) throws IOException {
        while (lines.next()) {
            String line = new String(lines.bytes(), 0, lines.length(), StandardCharsets.UTF_8).strip();
            java.util.regex.Matcher preamble = JHSDB_PREAMBLE.matcher(line);
            if (HEADER.matcher(line).matches()) {
                moduleColumn = line.endsWith("(module)");
                return true;
            }
            if (JHSDB_HEADER.matcher(line).matches()) {
                layout = Layout.JHSDB;
                return true;
            }
            if (line.startsWith("[")) {
                layout = Layout.GC_LOG;
                return logHeader(lines) || nextHeader(lines);
            }
            if (preamble.matches()) {
                pid = preamble.group(1) != null ? preamble.group(1) : pid;
                jdk = preamble.group(2) != null ? preamble.group(2) : jdk;
            } else if (PID.matcher(line).matches() && pid == null) {
                pid = line.substring(0, line.length() - 1);
            } else if (line.startsWith(WARNING)) {
                warnings.add(Printable.of(line));
            } else if (!line.isEmpty()) {
                throw malformed(lines, "the class histogram header");
            }
        }
        return false;
    }

    private boolean dashes(HistogramLines lines) {
        byte[] b = lines.bytes();
        int n = lines.length();
        int i = skipSpaces(b, start(lines), n);
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
        i = skipSpaces(b, i, n);
        if (i < n && b[i] == ':') {
            i++; // jhsdb: "Total : "
        }
        i = skipSpaces(b, i, n);
        int e = skipDigits(b, i, n);
        if (e == i || e == n) {
            throw malformed(lines, "\"Total #instances #bytes\"");
        }
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
