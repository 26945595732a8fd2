package dev.leakscope.format.histogram;

import java.io.IOException;
import java.io.InputStream;

/**
 * The lines of a stream, one at a time into one reused buffer (no allocation per line): a line ends
 * at {@code \n}, a trailing {@code \r} is dropped, a last line without newline still counts. A line
 * longer than {@link #MAX_LINE} keeps its first bytes and says so ({@link #truncated()}): text around a
 * histogram (a log's JSON line) may be that long, a histogram's own line never is.
 */
final class HistogramLines {
    /** Longer than any class name the JVM writes: beyond it the input is no histogram. */
    static final int MAX_LINE = 64 * 1024;

    private final InputStream in;
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int end;
    private boolean eof;
    private byte[] line = new byte[256];
    private int length;
    private boolean truncated;
    private long number;

    HistogramLines(InputStream in) {
        this.in = in;
    }

    /** Reads the next line; false at the end of the input. */
    boolean next() throws IOException {
        length = 0;
        truncated = false;
        boolean any = false;
        while (true) {
            if (pos == end) {
                if (eof || !fill()) {
                    break;
                }
            }
            any = true;
            int nl = pos;
            while (nl < end && buf[nl] != '\n') {
                nl++;
            }
            append(pos, nl - pos);
            if (nl < end) {
                pos = nl + 1;
                break;
            }
            pos = end;
        }
        if (!any) {
            return false;
        }
        number++;
        if (!truncated && length > 0 && line[length - 1] == '\r') {
            length--;
        }
        return true;
    }

    private boolean fill() throws IOException {
        int n = in.read(buf);
        if (n <= 0) {
            eof = true;
            return false;
        }
        pos = 0;
        end = n;
        return true;
    }

    private void append(int from, int n) {
        if (length + n > MAX_LINE) {
            truncated = true;
            n = MAX_LINE - length;
        }
        if (length + n > line.length) {
            line = java.util.Arrays.copyOf(line, Math.max(line.length * 2, length + n));
        }
        System.arraycopy(buf, from, line, length, n);
        length += n;
    }

    /** The current line's bytes, valid up to {@link #length()} until the next call of {@link #next()}. */
    byte[] bytes() {
        return line;
    }

    int length() {
        return length;
    }

    /** Whether the current line is longer than {@link #MAX_LINE}: only its first bytes are kept. */
    boolean truncated() {
        return truncated;
    }

    /** The current line's number, from 1. */
    long number() {
        return number;
    }
}
