package dev.leakscope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakscope.util.ExitCodes;
import dev.leakscope.util.LeakscopeException;
import java.util.List;

/**
 * The contract every fuzz target checks: whatever the input, a result or an error the user can act
 * on ({@link LeakscopeException}, one line), never any other exception. Anything else escapes and is
 * a finding. A new parser gets its fuzz target by wrapping its entry point in {@link #of}.
 */
public final class CleanOutcome {
    private CleanOutcome() {
    }

    /**
     * Runs work; a LeakscopeException with a message is an accepted outcome (the CLI prints it on one
     * line, escaping any line break quoted from an input).
     */
    public static void of(Runnable work) {
        try {
            work.run();
        } catch (LeakscopeException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "empty error message");
        }
    }

    /**
     * A whole command's outcome: a report (exit 0) or one error line, with exit 2, or with pprof's exit
     * code 1 and without leakscope's prefix where {@code leakscope pprof} refuses what pprof refuses.
     */
    public static void of(Cli.Result r) {
        if (r.exitCode() == ExitCodes.OK) {
            assertTrue(r.err().isEmpty(), r.err());
            return;
        }
        assertTrue(r.out().isEmpty(), "a failing command printed a report");
        if (r.exitCode() == ExitCodes.PPROF_ERROR) {
            assertFalse(r.err().startsWith("leakscope: "), r.err());
            assertOneLine(r.err().strip());
            return;
        }
        assertEquals(ExitCodes.INPUT, r.exitCode(), r.err());
        assertTrue(r.err().startsWith("leakscope: "), r.err());
        assertOneLine(r.err().strip());
        // the internal-error line (exit 3, also for out of memory); an input's text may quote these words
        assertFalse(r.err().startsWith("leakscope: internal error"), r.err());
    }

    /**
     * Like {@link #of(Cli.Result)}, except that a failing command may first have printed notices, as pprof
     * does ("TagFocus expression matched no samples" before "no matches found for regexp: main"; leakscope's
     * own commands tag them "leakscope: warning: "): they explain the error line that follows, which must
     * still be the last line and the only error.
     */
    public static void ofAllowingNotices(Cli.Result r) {
        if (r.exitCode() != ExitCodes.INPUT && r.exitCode() != ExitCodes.PPROF_ERROR) {
            of(r);
            return;
        }
        List<String> lines = r.err().lines().toList();
        for (String notice : lines.subList(0, Math.max(0, lines.size() - 1))) {
            boolean tagged = notice.startsWith("leakscope: warning: ") || notice.startsWith("leakscope: note: ");
            assertFalse(notice.startsWith("leakscope: ") && !tagged || notice.contains("Exception"), "not a notice: "
                    + r.err());
        }
        of(new Cli.Result(r.exitCode(), r.out(), lines.isEmpty() ? "" : lines.get(lines.size() - 1) + "\n"));
    }

    public static void assertOneLine(String message) {
        assertTrue(message != null && !message.isBlank(), "empty error message");
        assertFalse(message.contains("\n") || message.contains("\r"), "message of several lines: " + message);
    }
}
