package dev.leakscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakscope.Cli;
import dev.leakscope.TestData;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
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

    /** A caller's routine: no flat value grew, so its call site is the line that grew most, by cum. */
    @Test
    void withBaseACallerShowsItsCumChangeAndMarksTheCallSite() {
        Cli.Result r = Cli.run(TestData.corpus("go", "map-cache"), "list", "runPhases", "--source-path", "src",
                "--base", "heap_0.pb.gz", "heap_5.pb.gz");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("ROUTINE ======================== main.runPhases in example.com/leakdemo/cmd/leakdemo/main.go\n"
                + "  flat 0 -> 0 (0), cum 7.50MB -> 39.50MB (+32MB)\n"
                + "flat delta   cum base    cum now  cum delta\n"), r.out());
        assertTrue(r.out().contains("\n         .     7.50MB    39.50MB      +32MB     74:\t\tsc.phase(k, rng)  <== grew most\n"),
                r.out());
    }

    /** The line that allocates the growth itself is marked, though a recursive call's cum grew more. */
    @Test
    void withBaseTheLineThatGrewMostIsByFlatFirst() {
        Cli.Result r = Cli.run(TestData.corpus("go", "map-cache"), "list", "buildTree", "--source-path", "src",
                "--base", "heap_0.pb.gz", "heap_5.pb.gz");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("\n     +23MB        5MB       28MB      +23MB     13:\tn.Label = make([]byte, 96)  <== grew most\n"),
                r.out());
        assertTrue(r.out().contains("\n         .     6.50MB       35MB   +28.50MB     16:\t\tn.Right = buildTree(depth-1, weight*2+1)\n"),
                r.out());
    }

    @Test
    void withBaseMarkdownAndJsonCarryTheCumChange() throws Exception {
        Path dir = TestData.corpus("go", "map-cache");
        String[] args = {"list", "runPhases", "--source-path", "src", "--base", "heap_0.pb.gz", "heap_5.pb.gz", "--format"};
        Cli.Result md = Cli.run(dir, concat(args, "markdown"));
        assertEquals(0, md.exitCode(), md.err());
        assertTrue(md.out().contains("`main.runPhases` in `example.com/leakdemo/cmd/leakdemo/main.go`: flat 0 -> 0 (0), "
                + "cum 7.50MB -> 39.50MB (+32MB)\n\n| flat delta | cum base | cum current | cum delta | line | source |\n"),
                md.out());
        assertTrue(md.out().contains("\n| . | 7.50MB | 39.50MB | +32MB | 74 | `\t\tsc.phase(k, rng)` **grew most** |\n"), md.out());
        Cli.Result json = Cli.run(dir, concat(args, "json"));
        assertEquals(0, json.exitCode(), json.err());
        com.fasterxml.jackson.databind.JsonNode routine = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(json.out()).get("routines").get(0);
        assertEquals(List.of(7864920L, 41421972L), List.of(routine.get("baseCum").asLong(), routine.get("cum").asLong()));
        com.fasterxml.jackson.databind.JsonNode line74 = null;
        for (com.fasterxml.jackson.databind.JsonNode l : routine.get("lines")) {
            line74 = l.get("line").asLong() == 74 ? l : line74;
        }
        assertEquals(List.of(7864920L, 41421972L), List.of(line74.get("baseCum").asLong(), line74.get("cum").asLong()));
        assertTrue(line74.get("grewMost").asBoolean(), json.out());
    }

    private static String[] concat(String[] args, String last) {
        String[] all = Arrays.copyOf(args, args.length + 1);
        all[args.length] = last;
        return all;
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

    /** Cut to fit --max-chars, the note counts the functions cut whole, not only "rows". */
    @Test
    void markdownCutNoteCountsTheFunctionsCut() {
        Cli.Result r = Cli.run(Path.of("testdata/map-cache").toAbsolutePath(), "list", "cache", "--format", "markdown",
                "--max-chars", "700", "heap_5.pb.gz");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().endsWith("\n_2 more functions and 6 more lines cut to fit `--max-chars 700`; `--format text`"
                + " or `--format json` shows them._\n"), r.out());
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
