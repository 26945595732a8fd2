package dev.leakscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakscope.Cli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** --help of every command: usage on stdout, no picocli warnings; mistyped names get suggestions. */
class HelpTest {
    @Test
    void everyCommandPrintsItsUsageWithoutPicocliWarnings() {
        PrintStream saved = System.err;
        ByteArrayOutputStream picocli = new ByteArrayOutputStream();
        System.setErr(new PrintStream(picocli, true, StandardCharsets.UTF_8));
        try {
            for (String command : new String[] {"top", "diff", "trend", "focus", "list", "traces", "info", "pprof"}) {
                for (String flag : new String[] {"--help", "-h"}) {
                    Cli.Result r = Cli.run(command, flag);
                    assertEquals(0, r.exitCode(), command + " " + flag + ": " + r.err());
                    assertTrue(r.out().startsWith("Usage: leakscope " + command), command + " " + flag + ": " + r.out());
                    assertEquals("", r.err(), command + " " + flag);
                }
            }
        } finally {
            System.setErr(saved);
        }
        assertEquals("", picocli.toString(StandardCharsets.UTF_8), "picocli's own warnings on stderr");
    }

    @Test
    void aMistypedCommandGetsASuggestion() {
        Cli.Result r = Cli.run("dif", "a.pb.gz");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("did you mean 'diff'"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void aMistypedOptionGetsASuggestion() {
        Cli.Result r = Cli.run("top", "--nodecont", "3", "a.pb.gz");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("did you mean '--nodecount'"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }
}
