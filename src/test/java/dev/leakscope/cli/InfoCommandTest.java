package dev.leakscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakscope.Cli;
import dev.leakscope.TestProfiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InfoCommandTest {
    /** A file or directory named with a terminal escape and a newline: shown escaped, as every report shows names. */
    @ParameterizedTest
    @ValueSource(strings = {"text", "markdown"})
    void controlCharactersInTheNamesGivenAreShownEscaped(String format, @TempDir Path tmp) throws IOException {
        String bad = "red\u001b[31m\nforged";
        Files.copy(Path.of("testdata/map-cache/heap_5.pb.gz"), tmp.resolve(bad + ".pb.gz"));
        Files.createDirectory(tmp.resolve(bad));
        Files.copy(Path.of("testdata/map-cache/heap_0.pb.gz"), tmp.resolve(bad).resolve("heap_0.pb.gz"));
        for (String input : new String[] {bad + ".pb.gz", bad}) {
            Cli.Result r = Cli.run(tmp, "info", "--format", format, input);
            assertEquals(0, r.exitCode(), r.err());
            assertFalse(r.out().contains("\u001b"), r.out());
            assertFalse(r.out().contains("\nforged"), r.out());
            // in Markdown, the backslashes and the bracket of the escaped name are escaped in turn
            assertTrue(r.out().contains(format.equals("text") ? "red\\u001b[31m\\nforged"
                    : "red\\\\u001b\\[31m\\\\nforged"), r.out());
        }
    }

    /** A profile of one sample counts it in the singular, and a diff of it with one changed node too. */
    @org.junit.jupiter.api.Test
    void countsOfOneTakeTheSingular(@TempDir Path tmp) throws IOException {
        for (long v : new long[] {1, 5}) {
            TestProfiles p = new TestProfiles().sampleType("inuse_space", "bytes").function(1, "main.main", "m.go")
                    .location(1, 0x10, 1).sample(new long[] {v}, 1);
            Files.write(tmp.resolve("p" + v + ".pb"), p.bytes());
        }
        Cli.Result info = Cli.run(tmp, "info", "p1.pb");
        assertEquals(0, info.exitCode(), info.err());
        assertTrue(info.out().contains("\nCounts:      1 sample, 1 location, 1 function, 0 mappings, "), info.out());
        Cli.Result diff = Cli.run(tmp, "diff", "-n", "1", "p1.pb", "p5.pb");
        assertEquals(0, diff.exitCode(), diff.err());
        assertTrue(diff.out().contains("; at most 1 row; "), diff.out());
        assertTrue(diff.out().contains("\nShowing 1 of 1 changed node; "), diff.out());
    }
}
