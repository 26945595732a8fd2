package dev.leakscope.cli;

import dev.leakscope.util.Plural;
import java.io.PrintWriter;
import java.util.function.Supplier;

/**
 * The warnings of one run (a skipped archive member, a binary that cannot be read): the first few are
 * printed as they come, the rest only counted, then summed up in one line, so a hostile archive of
 * 100,000 non-profiles cannot flood the terminal or a CI log.
 */
final class WarningCap {
    static final int SHOWN = 10;

    private final Supplier<PrintWriter> err;
    private int seen;

    WarningCap(Supplier<PrintWriter> err) {
        this.err = err;
    }

    /** Prints line (already one printable line) while fewer than {@link #SHOWN} were printed. */
    void accept(String line) {
        if (++seen <= SHOWN) {
            PrintWriter e = err.get();
            e.println(line);
            e.flush();
        }
    }

    /** Prints how many were left out, once; called when the command ends, before its error if any. */
    void finish() {
        if (seen > SHOWN) {
            PrintWriter e = err.get();
            e.println(Output.warning("… and " + Plural.of(seen - SHOWN, "more warning", "more warnings") + " like these"));
            e.flush();
        }
        seen = 0;
    }
}
