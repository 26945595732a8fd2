package dev.leakscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakscope.Cli;
import dev.leakscope.TestData;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ListCommandTest {
    @Test
    void showsTheLeakingLineOfEachScenario() {
        for (LeakScenarios s : LeakScenarios.ALL) {
            Path dir = TestData.corpus("go", s.scenario());
            Cli.Result r = Cli.run(dir, "list", s.function(), "--source-path", "src", "heap_5.pb.gz");
            assertEquals(0, r.exitCode(), s + ": " + r.err());
            assertTrue(r.out().contains(s.leakLine()), s + "\n" + r.out());
        }
    }

    @Test
    void withBaseMarksTheLeakingLineAsTheOneThatGrew() {
        for (LeakScenarios s : LeakScenarios.ALL) {
            Path dir = TestData.corpus("go", s.scenario());
            Cli.Result r = Cli.run(dir, "list", s.function(), "--source-path", "src", "--base", "heap_0.pb.gz",
                    "heap_5.pb.gz");
            assertEquals(0, r.exitCode(), s + ": " + r.err());
            String[] marked = Arrays.stream(r.out().split("\n")).filter(l -> l.endsWith("<== grew most"))
                    .toArray(String[]::new);
            assertEquals(1, marked.length, s + "\n" + r.out());
            assertTrue(marked[0].contains(s.leakLine()), s + "\n" + r.out());
        }
    }

    @Test
    void withoutSourcesListsTheSampledLinesWithANotice() {
        Path dir = TestData.corpus("go", "map-cache");
        Cli.Result r = Cli.run(dir, "list", "buildTree", "heap_5.pb.gz");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains(" (no source: could not find file example.com/leakdemo/internal/cache/tree.go"),
                r.out());
        assertTrue(r.out().contains("; sampled lines only; --source-path and --trim-path say where the sources are)\n"),
                "the options that would find it: " + r.out());
        assertTrue(r.out().contains("28MB       28MB     13:\n"), r.out());
    }

    @Test
    void aRegexMatchingNothingIsAnErrorOnStderr() {
        Cli.Result r = Cli.run(TestData.corpus("go", "map-cache"), "list", "noSuchFunction", "heap_5.pb.gz");
        assertEquals(2, r.exitCode());
        assertEquals("", r.out());
        assertTrue(r.err().contains("no matches found for regexp: noSuchFunction"), r.err());
    }

    @Test
    void aRegexThatDoesNotCompileIsAUsageError() {
        Cli.Result r = Cli.run(TestData.corpus("go", "map-cache"), "list", "(", "heap_5.pb.gz");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("leakscope: invalid regex '('"), r.err());
    }

    /** Markdown keeps a source line as it is: a Go raw string's backticks and the line's indentation. */
    @Test
    void markdownKeepsSourceLinesAsTheyAre(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        // function 2's line is 12 (TestProfiles: 10 + its id)
        java.nio.file.Files.write(dir.resolve("raw.pb.gz"), new dev.leakscope.TestProfiles()
                .sampleType("inuse_space", "bytes").function(1, "main.main", "main.go").function(2, "pkg.raw`tick`", "raw.go")
                .location(1, 0x10, 1).location(2, 0x20, 2).sample(new long[] {1 << 20}, 2, 1).gzipped());
        java.nio.file.Files.writeString(dir.resolve("raw.go"), "package pkg\n".repeat(11)
                + "\ts := `raw ``` string` + \"|\"\n    return s\n");
        Cli.Result r = Cli.run(dir, "list", "pkg", "--source-path", dir.toString(), "--format", "markdown", "raw.pb.gz");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("\n`` pkg.raw`tick` `` in `raw.go`: "), r.out());
        assertTrue(r.out().contains(" | 12 | ````\ts := `raw ``` string` + \"\\|\"```` |\n"), r.out());
        assertTrue(r.out().contains(" | 13 | `    return s` |\n"), r.out());
    }
}
