package dev.leakscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakscope.Cli;
import dev.leakscope.ManualTime;
import dev.leakscope.TestData;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Progress of reading inputs: on a terminal's stderr after a second, one line in place, wiped after. */
class ProgressTest {
    private static final Path DIR = TestData.corpus("go", "map-cache");
    private static final String FILE = "heap_5.txt"; // 78,052 bytes of debug=1 text: many reads

    private static Cli.Result top(Map<String, String> variables, long step, String... more) {
        Environment env = new Environment(variables::get, ManualTime.ticking(Duration.ofMillis(step)), d -> { });
        String[] args = new String[more.length + 2];
        args[0] = "top";
        System.arraycopy(more, 0, args, 1, more.length);
        args[args.length - 1] = FILE;
        return Cli.run(DIR, env, args);
    }

    @Test
    void aSlowReadShowsBytesOfTotalOnOneLineThenWipesIt() {
        Cli.Result r = top(Map.of("LEAKSCOPE_STDERR_TTY", "1"), 1100);
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().startsWith("\rleakscope: reading heap_5.txt: "), r.err());
        assertTrue(r.err().contains("\rleakscope: reading heap_5.txt: 76.22kB of 76.22kB (100%)"), r.err());
        assertTrue(r.err().matches("(?s).*\\r +\\r"), "wiped at the end: " + r.err());
        assertEquals("", r.err().replaceAll("\\rleakscope: reading heap_5\\.txt: [0-9.]+kB of 76\\.22kB \\(\\d+%\\) *", "")
                .replaceAll("\\r *\\r?", ""), "progress lines and wipes only: " + r.err());
        assertFalse(r.err().contains("\u001b"), "carriage returns only, no escape codes");
        assertFalse(r.err().contains("\n"), r.err());
        assertEquals(top(Map.of(), 300).out(), r.out(), "the report is the same");
    }

    @Test
    void noProgressOffATerminalWithQuietOrForAFastRead() {
        assertEquals("", top(Map.of(), 300).err(), "stderr not a terminal");
        assertEquals("", top(Map.of("LEAKSCOPE_STDERR_TTY", "1"), 300, "--quiet").err());
        assertEquals("", top(Map.of("LEAKSCOPE_STDERR_TTY", "1"), 1).err(), "read within a second");
    }
}
