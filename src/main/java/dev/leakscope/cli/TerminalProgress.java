package dev.leakscope.cli;

import dev.leakscope.input.ReadProgress;
import dev.leakscope.report.pprof.ValueFormat;
import dev.leakscope.util.Printable;
import java.io.PrintWriter;
import java.time.Clock;

/**
 * The progress of reading an input, on a terminal's stderr: one line rewritten in place (carriage
 * returns only, no escape codes), shown once a file has taken a second and redrawn at most ten times a
 * second, wiped when the file is read. Of files read at once, one is followed at a time.
 */
final class TerminalProgress implements ReadProgress {
    /** A file that is read within this many milliseconds shows no progress. */
    static final long DELAY_MILLIS = 1000;
    private static final long REDRAW_MILLIS = 100;
    private static final int WIDTH = 79;

    private final PrintWriter err;
    private final Clock clock;
    private String current;
    private long started;
    private long drawnAt;
    private int drawnWidth;

    TerminalProgress(PrintWriter err, Clock clock) {
        this.err = err;
        this.clock = clock;
    }

    @Override
    public synchronized void read(String name, long bytes, long total) {
        long now = clock.millis();
        if (!name.equals(current)) {
            if (current != null) {
                return; // files read at once (on two threads): the line follows one until it is read
            }
            current = name;
            started = now;
            return;
        }
        if (now - started < DELAY_MILLIS || (drawnWidth > 0 && now - drawnAt < REDRAW_MILLIS)) {
            return;
        }
        drawnAt = now;
        String of = ValueFormat.autoLabel(total, "B");
        // the name's room as for the longest figures, so it does not shift as they change
        int room = WIDTH - "leakscope: reading : ".length() - (of + " of " + of + " (100%)").length();
        String line = "leakscope: reading " + shortened(Printable.of(name), room) + ": "
                + ValueFormat.autoLabel(bytes, "B") + " of " + of
                + (total > 0 ? " (" + Math.min(100, 100 * bytes / total) + "%)" : "");
        err.print("\r" + line + " ".repeat(Math.max(0, drawnWidth - line.length())));
        err.flush();
        drawnWidth = Math.max(drawnWidth, line.length());
    }

    /**
     * Says that a fetch waits for an answer Go gives only after seconds (a delta or CPU profile over them),
     * at once, as no byte comes before; {@link #clear} wipes it.
     */
    synchronized void waiting(String name, int seconds) {
        String waiting = "leakscope: waiting " + seconds + "s for ";
        String line = waiting + shortened(Printable.of(name), WIDTH - waiting.length());
        err.print("\r" + line + " ".repeat(Math.max(0, drawnWidth - line.length())));
        err.flush();
        drawnWidth = Math.max(drawnWidth, line.length());
    }

    @Override
    public synchronized void done(String name) {
        if (name.equals(current)) {
            clear();
            current = null;
        }
    }

    /** Wipes the line, if one is shown (before anything else is printed). */
    synchronized void clear() {
        if (drawnWidth > 0) {
            err.print("\r" + " ".repeat(drawnWidth) + "\r");
            err.flush();
            drawnWidth = 0;
        }
    }

    /** The name, or its end after "...", within max characters. */
    private static String shortened(String name, int max) {
        return name.length() <= Math.max(max, 10) ? name : "..." + name.substring(name.length() - Math.max(max, 10) + 3);
    }
}
