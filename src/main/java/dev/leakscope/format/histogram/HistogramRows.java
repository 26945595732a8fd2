package dev.leakscope.format.histogram;

import static dev.leakscope.format.histogram.LineBytes.decorations;
import static dev.leakscope.format.histogram.LineBytes.skipDigits;
import static dev.leakscope.format.histogram.LineBytes.skipNonSpaces;
import static dev.leakscope.format.histogram.LineBytes.skipSpaces;
import static dev.leakscope.format.histogram.LineBytes.startsWith;

import dev.leakscope.util.InputException;
import dev.leakscope.util.Printable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The rows of one histogram, from the dashes under its header to its Total line, parsed from bytes
 * ({@code "   1:         15814        1049552  [B (java.base@17.0.15)"}, jhsdb's tab-separated ones, a
 * unified log's behind their decorations); the Total line must agree with them.
 */
final class HistogramRows {
    private static final int MAX_SHOWN = 80;
    private static final String ROW = "a row \"num: #instances #bytes class-name [(module)]\"";

    private HistogramRows() {
    }

    /**
     * Reads the dashes under the header just read, then the rows up to the Total line (true) or the end
     * (false: cut short) into classes; newModule receives each module the first time it is seen. A line
     * that is no row, or a Total that disagrees with the rows, is an input error naming its line.
     */
    static boolean read(HistogramLines lines, boolean decorated, ClassTable classes, Consumer<String> newModule)
            throws IOException {
        long sumCount = 0;
        long sumBytes = 0;
        if (!lines.next() || !dashes(lines, decorated)) {
            throw malformed(lines, "the dashes under the header");
        }
        while (lines.next()) {
            byte[] b = lines.bytes();
            int n = lines.length();
            if (lines.truncated()) {
                throw new InputException("line " + lines.number() + ": longer than " + HistogramLines.MAX_LINE
                        + " bytes, not a class histogram row");
            }
            int i = skipSpaces(b, start(lines, decorated), n);
            if (startsWith(b, i, n, "Total")) {
                total(lines, i + 5, sumCount, sumBytes);
                return true;
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
                module = classes.module(b, i + 1, close - 1, newModule);
            }
            classes.add(name, module, count, size);
            sumCount = add(lines, sumCount, count);
            sumBytes = add(lines, sumBytes, size);
        }
        return false;
    }

    /** Where a line's text starts: after its decorations in a GC log, else at 0. */
    private static int start(HistogramLines lines, boolean decorated) {
        if (!decorated) {
            return 0;
        }
        int end = decorations(lines.bytes(), lines.length());
        if (end == 0) {
            throw malformed(lines, "a GC log line (\"[2.816s][trace][gc,classhisto] GC(0) ...\")");
        }
        return end;
    }

    private static boolean dashes(HistogramLines lines, boolean decorated) {
        byte[] b = lines.bytes();
        int n = lines.length();
        int i = skipSpaces(b, start(lines, decorated), n);
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
