package dev.leakscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakscope.CleanOutcome;
import dev.leakscope.util.ExitCodes;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** leakscope's own failures: exit 3 (not the input's 2), one line asking for a bug report with --debug. */
class InternalErrorTest {
    private static String[] report(Throwable t, boolean debug) {
        StringWriter s = new StringWriter();
        int code = Commands.internalError(t, debug, new PrintWriter(s));
        return new String[] {String.valueOf(code), s.toString()};
    }

    @Test
    void bugsOutOfMemoryAndStackOverflowExitWithTheirOwnCode() {
        Throwable[] failures = {new NullPointerException("x\nforged"), new OutOfMemoryError("Java heap space"),
            new StackOverflowError()};
        for (Throwable t : failures) {
            String[] r = report(t, false);
            assertEquals(String.valueOf(ExitCodes.INTERNAL), r[0]);
            assertTrue(r[1].startsWith("leakscope: internal error: "), r[1]);
            assertTrue(r[1].contains("please report it with the output of the same command with --debug"), r[1]);
            CleanOutcome.assertOneLine(r[1].strip());
        }
        assertTrue(report(new OutOfMemoryError(), false)[1].contains("set LEAKSCOPE_HEAP"));
    }

    @Test
    void debugAddsTheStackTrace() {
        String err = report(new IllegalStateException("bug"), true)[1];
        assertTrue(err.startsWith("leakscope: internal error: java.lang.IllegalStateException: bug;"), err);
        assertTrue(err.contains("\tat dev.leakscope.cli.InternalErrorTest"), err);
    }

    @Test
    void helpListsTheCode() {
        assertTrue(dev.leakscope.Cli.run("top", "--help").out().contains("3   internal error"),
                dev.leakscope.Cli.run("top", "--help").out());
    }
}
