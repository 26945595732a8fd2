package dev.leakscope.format.histogram;

import static dev.leakscope.format.histogram.LineBytes.decorations;
import static dev.leakscope.format.histogram.LineBytes.indexOf;
import static dev.leakscope.format.histogram.LineBytes.skipDigits;
import static dev.leakscope.format.histogram.LineBytes.skipSpaces;
import static dev.leakscope.format.histogram.LineBytes.startsWith;

import dev.leakscope.profile.ProfileBuilder;
import dev.leakscope.util.InputException;
import dev.leakscope.util.Printable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
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
 *
 * <p>Two more layouts: {@code jhsdb jmap --histo} (a preamble naming the process and the JVM, tab
 * separated columns headed {@code Class description}, names already as in source, {@code Total :},
 * and lines about the heap walk after it); and a unified GC log of {@code -Xlog:gc+classhisto*=trace},
 * each line behind its decorations ({@code [2.816s][trace][gc,classhisto] GC(0) }), its time the log's
 * when a decoration carries the date ({@code -Xlog:...::utctime} or {@code time}).
 *
 * <p>A histogram is found wherever it stands in a text: {@code -XX:+PrintClassHistogram} writes it into
 * the JVM's standard output after a thread dump, between the application's lines; JDK 8's
 * {@code -XX:+PrintClassHistogramBeforeFullGC} (and {@code AfterFullGC}) into its GC log, under a line
 * ending {@code [Class Histogram (before full gc): } whose date stamp
 * ({@code -XX:+PrintGCDateStamps}) is the histogram's time. The other lines are skipped without being
 * kept. Of several histograms the last complete one counts (two class tables, the one read and the
 * one being read); one that breaks off (a line that is no row, a Total that disagrees) does not
 * count, and when none does, why the first broke off is the error.
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
    /** How the lines of jhsdb's preamble and epilogue start: only these are matched as strings. */
    private static final String[] JHSDB_STARTS = {"Attaching to process ID ", "Debugger attached", "Server compiler",
        "Client compiler", "JVM version is ", "Object Histogram:", "Iterating over heap.", "Heap traversal took "};
    /** A decoration holding the wall-clock time (the time and utctime decorators). */
    private static final Pattern LOG_TIME = Pattern.compile("\\[(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}[+-]\\d{4})\\]");
    /** The layout of a unified log's time decoration and of JDK 8's date stamp: 2026-12-06T20:20:31.123+0000. */
    private static final DateTimeFormatter DATE_STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ", Locale.ROOT);
    private static final int DATE_STAMP_LENGTH = 28;
    /** What JDK 8's GC log writes on the line above a histogram, after the collection's date stamp. */
    private static final String JDK8_TITLE = "[Class Histogram";
    /** What a thread dump starts with, under the JVM's local time ("2026-12-07 03:41:33", no zone). */
    private static final String THREAD_DUMP = "Full thread dump ";
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final int LOCAL_TIME_LENGTH = 19;
    /** The JVM writes this line above the header when it ran out of native memory counting. */
    private static final String WARNING = "WARNING:";

    /** Which tool wrote the histogram. */
    enum Layout {
        /** jcmd GC.class_histogram, jmap -histo, -XX:+PrintClassHistogram. */
        JCMD,
        /** jhsdb jmap --histo. */
        JHSDB,
        /** A unified GC log (-Xlog:gc+classhisto*=trace). */
        GC_LOG,
        /** JDK 8's GC log (-XX:+PrintClassHistogramBeforeFullGC, AfterFullGC). */
        JDK8_GC_LOG
    }

    /**
     * The histogram that counts and what the text says about it.
     *
     * @param pid        the process id jcmd or jhsdb wrote above it, or null
     * @param jdk        the JDK's version (java.base's module version, or what jhsdb names), or null
     * @param timeNanos  the time the text gives the histogram (a GC log's date, a thread dump's), or 0
     * @param zoned      whether that time names its zone (a GC log's does; a thread dump's is local time)
     * @param total      whether it ends with its Total line (else it was cut short)
     * @param histograms how many complete histograms the text held (a GC log: one per collection and side)
     * @param firstLine  its header's line number
     * @param lastLine   its last line's number
     * @param lines      how many lines the text has
     * @param otherText  whether the text holds lines that belong to no histogram (skipped)
     * @param skipped    the header line of the last histogram that broke off or was cut short, 0 if none
     */
    record Facts(Layout layout, String pid, boolean moduleColumn, String jdk, List<String> warnings, boolean total,
                 int histograms, long timeNanos, boolean zoned, ClassTable classes, long firstLine, long lastLine, long lines,
                 boolean otherText, long skipped) {
    }

    /** A histogram's header and what the lines above it said. */
    private record Header(Layout layout, String pid, String jdk, boolean moduleColumn, List<String> warnings,
                          long timeNanos, boolean zoned, long line) {
    }

    private final ProfileBuilder builder;
    /** The classes of the histogram being read, and of the last complete one (or of one cut short at the end). */
    private ClassTable current;
    private ClassTable counted;
    private Header countedHeader;
    private long countedEnd;
    private boolean countedTotal;
    private int complete;
    private long skipped;
    /** Why the first histogram that broke off did. */
    private InputException broken;
    private boolean otherText;
    private String jdk;
    /** What the lines since the last other text said: jcmd's process id, jhsdb's preamble, the JVM's warnings. */
    private String pid;
    private String preambleJdk;
    private final List<String> warnings = new ArrayList<>();
    /** JDK 8's GC log: the last line ending "[Class Histogram (... full gc): ", and its date stamp's time or 0. */
    private long titleLine;
    private long titleNanos;
    /** The JVM's standard output: the line that could be a thread dump's local time, and the last dump's time or 0. */
    private long localTimeLine;
    private long localTimeNanos;
    private long dumpNanos;

    HistogramReader(ProfileBuilder builder) {
        this.builder = builder;
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
                byte[] b = line.getBytes(StandardCharsets.ISO_8859_1);
                return decorations(b, b.length) > 0 && text.contains(",classhisto");
            }
            if (!line.isEmpty() && !isPid(line) && !line.startsWith(WARNING) && !JHSDB_PREAMBLE.matcher(line).matches()) {
                return false;
            }
        }
        return false;
    }

    /** Whether a histogram's header stands on some line of text (a log's decorations before it or not). */
    static boolean holds(byte[] text) {
        for (int i = indexOf(text, 0, text.length, "#instances"); i >= 0; i = indexOf(text, i + 1, text.length, "#instances")) {
            int start = i;
            while (start > 0 && text[start - 1] != '\n') {
                start--;
            }
            int end = i;
            while (end < text.length && text[end] != '\n') {
                end++;
            }
            byte[] line = Arrays.copyOfRange(text, start, end);
            int from = decorations(line, line.length);
            if (HEADER.matcher(new String(line, from, line.length - from, StandardCharsets.ISO_8859_1)).matches()) {
                return true;
            }
        }
        return false;
    }

    /** The histogram that counts, or null when the text holds no histogram header. */
    Facts read(InputStream in) throws IOException {
        HistogramLines lines = new HistogramLines(in);
        boolean more = lines.next();
        while (more) {
            Header h = header(lines);
            more = h != null ? histogram(lines, h) : lines.next();
        }
        if (counted == null) {
            if (broken != null) {
                throw broken;
            }
            return null;
        }
        if (counted.size() == 0) {
            throw new InputException("the class histogram lists no class");
        }
        Header h = countedHeader;
        return new Facts(h.layout(), h.pid(), h.moduleColumn(), h.jdk() != null ? h.jdk() : jdk, h.warnings(),
                countedTotal, complete, h.timeNanos(), h.zoned(), counted, h.line(), countedEnd, lines.number(), otherText, skipped);
    }

    /**
     * Reads the histogram whose header is the current line; whether a line is left to examine (the
     * one it broke off at, which may begin the next).
     */
    private boolean histogram(HistogramLines lines, Header h) throws IOException {
        if (current == null) {
            current = new ClassTable(builder);
        } else {
            current.clear();
        }
        boolean total;
        try {
            total = HistogramRows.read(lines, h.layout() == Layout.GC_LOG, current, this::module);
        } catch (InputException e) {
            broken = broken != null ? broken : e;
            skipped = h.line();
            return true;
        }
        if (!total && counted != null) {
            skipped = h.line(); // cut short at the end: the complete one before it counts
            return false;
        }
        ClassTable read = current;
        current = counted;
        counted = read;
        countedHeader = h;
        countedEnd = lines.number();
        countedTotal = total;
        if (total) {
            complete++;
        }
        return total && lines.next();
    }

    /**
     * The header the current line is, or null: then what the line says is noted (a process id, a
     * warning, jhsdb's preamble, JDK 8's title line) or it is other text.
     */
    private Header header(HistogramLines lines) {
        byte[] b = lines.bytes();
        int n = lines.length();
        int start = decorations(b, n);
        int i = skipSpaces(b, start, n);
        if (i == n) {
            return null;
        }
        if (!lines.truncated() && startsWith(b, i, n, "num")) {
            String text = new String(b, i, n - i, StandardCharsets.UTF_8);
            boolean jcmd = HEADER.matcher(text).matches();
            if (jcmd || start == 0 && JHSDB_HEADER.matcher(text).matches()) {
                return header(lines, start, jcmd ? text.strip().endsWith("(module)") : false, jcmd);
            }
        }
        if (start > 0 || lines.truncated() || !noted(b, n)) {
            otherText = true;
            pid = null;
            preambleJdk = null;
            warnings.clear();
            if (start == 0) {
                title(lines, b, n);
                threadDump(lines, b, n);
            }
        }
        return null;
    }

    private Header header(HistogramLines lines, int decorations, boolean moduleColumn, boolean jcmd) {
        long line = lines.number();
        if (decorations > 0) {
            return new Header(Layout.GC_LOG, null, null, moduleColumn, List.of(),
                    logTime(new String(lines.bytes(), 0, decorations, StandardCharsets.ISO_8859_1)), true, line);
        }
        boolean jdk8 = jcmd && titleLine > 0 && titleLine == line - 1;
        Layout layout = !jcmd ? Layout.JHSDB : jdk8 ? Layout.JDK8_GC_LOG : Layout.JCMD;
        long time = jdk8 ? titleNanos : layout == Layout.JCMD ? dumpNanos : 0;
        Header h = new Header(layout, pid, preambleJdk, moduleColumn, List.copyOf(warnings), time, jdk8, line);
        dumpNanos = 0;
        pid = null;
        preambleJdk = null;
        warnings.clear();
        return h;
    }

    /** Notes a line that may stand above a header (a process id, a warning, jhsdb's); whether it is one. */
    private boolean noted(byte[] b, int n) {
        int i = skipDigits(b, 0, n);
        if (i > 0 && i == n - 1 && b[i] == ':') {
            pid = new String(b, 0, i, StandardCharsets.ISO_8859_1);
            return true;
        }
        if (startsWith(b, 0, n, WARNING)) {
            warnings.add(Printable.of(new String(b, 0, n, StandardCharsets.UTF_8).strip()));
            return true;
        }
        for (String s : JHSDB_STARTS) {
            if (startsWith(b, 0, n, s)) {
                String line = new String(b, 0, n, StandardCharsets.UTF_8).strip();
                Matcher m = JHSDB_PREAMBLE.matcher(line);
                if (m.matches()) {
                    pid = m.group(1) != null ? m.group(1) : pid;
                    preambleJdk = m.group(2) != null ? m.group(2) : preambleJdk;
                    return true;
                }
                return JHSDB_AFTER.matcher(line).matches();
            }
        }
        return false;
    }

    /** Notes JDK 8's title line ("... 12.345: [Class Histogram (before full gc): ") and its last date stamp. */
    private void title(HistogramLines lines, byte[] b, int n) {
        int end = n;
        while (end > 0 && b[end - 1] == ' ') {
            end--;
        }
        if (end == 0 || b[end - 1] != ':' || indexOf(b, 0, end, JDK8_TITLE) < 0) {
            return;
        }
        titleLine = lines.number();
        titleNanos = 0;
        for (int i = end - DATE_STAMP_LENGTH; i >= 0; i--) {
            if (b[i + 4] == '-' && b[i + 10] == 'T' && b[i + 19] == '.' && (b[i + 23] == '+' || b[i + 23] == '-')) {
                titleNanos = time(new String(b, i, DATE_STAMP_LENGTH, StandardCharsets.ISO_8859_1));
                if (titleNanos != 0) {
                    return;
                }
            }
        }
    }

    /**
     * Notes the time of a thread dump (kill -3, jcmd Thread.print): the JVM's local time on the line
     * above "Full thread dump ...", without zone.
     */
    private void threadDump(HistogramLines lines, byte[] b, int n) {
        if (n == LOCAL_TIME_LENGTH && b[4] == '-' && b[10] == ' ' && b[13] == ':') {
            localTimeLine = lines.number();
            try {
                Instant t = LocalDateTime.parse(new String(b, 0, n, StandardCharsets.ISO_8859_1), LOCAL_TIME)
                        .toInstant(ZoneOffset.UTC);
                localTimeNanos = t.getEpochSecond() * 1_000_000_000L;
            } catch (DateTimeException e) {
                localTimeNanos = 0;
            }
        } else if (localTimeLine == lines.number() - 1 && startsWith(b, 0, n, THREAD_DUMP)) {
            dumpNanos = localTimeNanos;
        }
    }

    /** Notes the JDK's version from java.base's module ("java.base@17.0.15"). */
    private void module(String name) {
        if (jdk == null && name.startsWith("java.base@")) {
            jdk = name.substring("java.base@".length());
        }
    }

    /** The wall-clock time among a log line's decorations, in nanoseconds, or 0. */
    private static long logTime(String decorations) {
        Matcher t = LOG_TIME.matcher(decorations);
        return t.find() ? time(t.group(1)) : 0;
    }

    /** A date stamp (2026-12-06T20:20:31.123+0000) in nanoseconds since the epoch; 0 if it names no time. */
    private static long time(String stamp) {
        try {
            Instant i = OffsetDateTime.parse(stamp, DATE_STAMP).toInstant();
            return i.getEpochSecond() * 1_000_000_000L + i.getNano();
        } catch (DateTimeException e) {
            return 0;
        }
    }

    private static boolean isPid(String line) {
        return line.length() > 1 && line.endsWith(":") && line.chars().limit(line.length() - 1).allMatch(Character::isDigit);
    }
}
