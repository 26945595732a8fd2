package dev.leakscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leakscope.Cli;
import dev.leakscope.TestData;
import dev.leakscope.report.html.Html;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FocusCommandTest {
    @Test
    void withBaseNamesTheCallerPathOfTheLeakFirst() throws Exception {
        for (LeakScenarios s : LeakScenarios.ALL) {
            Path dir = TestData.corpus("go", s.scenario());
            Cli.Result r = Cli.run(dir, "focus", s.function(), "--base", "heap_0.pb.gz", "--format", "json",
                    "heap_5.pb.gz");
            assertEquals(0, r.exitCode(), s + ": " + r.err());
            JsonNode json = new ObjectMapper().readTree(r.out());
            assertEquals("leakscope.focus/v1", json.get("schema").asText());
            JsonNode first = json.get("callerPaths").get(0);
            String path = String.join(" > ", new ObjectMapper().convertValue(first.get("frames"), String[].class));
            assertTrue(path.endsWith(s.callerPath()), s + ": " + path);
            assertTrue(first.get("delta").asLong() > 0, s.toString());
        }
    }

    @Test
    void textShowsTheCallerPathFirstToo() {
        LeakScenarios s = LeakScenarios.ALL.get(0);
        Cli.Result r = Cli.run(TestData.corpus("go", s.scenario()), "focus", s.function(), "--base",
                "heap_0.pb.gz", "heap_5.pb.gz");
        assertEquals(0, r.exitCode(), r.err());
        String afterHeading = r.out().split("Caller paths \\(root > ... > match\\), by growth:\n")[1];
        String firstRow = afterHeading.split("\n")[1];
        assertTrue(firstRow.endsWith(s.callerPath()), firstRow);
        assertTrue(firstRow.contains("+31MB"), firstRow);
    }

    @Test
    void withoutBaseShowsValuesAndMarkdownRenders() {
        Path dir = TestData.corpus("go", "map-cache");
        Cli.Result text = Cli.run(dir, "focus", "buildTree", "heap_5.pb.gz");
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("     38.50MB 96.25%      38.50MB 96.25%  example.com/leakdemo/internal/cache.buildTree"),
                text.out());
        Cli.Result md = Cli.run(dir, "focus", "buildTree", "--format", "markdown", "heap_5.pb.gz");
        assertEquals(0, md.exitCode(), md.err());
        assertTrue(md.out().startsWith("## Focus on `buildTree`"), md.out());
        // the text report's percentages and shares, not only its values
        assertTrue(md.out().contains("| flat | flat% | cum | cum% | function |\n|---:|---:|---:|---:|---|\n"
                + "| 38.50MB | 96.25% | 38.50MB | 96.25% | `example.com/leakdemo/internal/cache.buildTree` |\n"), md.out());
        assertTrue(md.out().contains("| value | share | path |\n|---:|---:|---|\n| 38.50MB | 100% | `runtime.main > "),
                md.out());
        Cli.Result withBase = Cli.run(dir, "focus", "buildTree", "--format", "markdown", "--base", "heap_0.pb.gz",
                "heap_5.pb.gz");
        assertTrue(withBase.out().contains("| Δ | base | current | share | path |\n|---:|---:|---:|---:|---|\n"
                + "| +31MB | 7.50MB | 38.50MB | 100% | `runtime.main > "), withBase.out());
    }

    /** The filters change every value the report shows, so every format names them, as top's header does. */
    @Test
    void everyFormatNamesTheActiveFilters(@TempDir Path tmp) throws Exception {
        Path dir = TestData.corpus("go", "map-cache");
        Cli.Result text = Cli.run(dir, "focus", "cache", "--ignore", "buildTree", "heap_5.pb.gz");
        assertTrue(text.out().startsWith("Focus: cache in heap_5.pb.gz, inuse_space\nActive filters: ignore=buildTree\n"
                + "Total: 40MB\n"), text.out());
        Cli.Result md = Cli.run(dir, "focus", "cache", "--ignore", "buildTree", "--hide", "x_y", "heap_5.pb.gz",
                "--format", "markdown");
        assertTrue(md.out().contains("\n\nActive filters: ignore=buildTree, hide=x\\_y\n\n"), md.out());
        JsonNode json = new ObjectMapper().readTree(Cli.run(dir, "focus", "cache", "--ignore", "buildTree",
                "heap_5.pb.gz", "--format", "json").out());
        assertEquals("[\"ignore=buildTree\"]", json.get("filters").toString());
        Path page = tmp.resolve("focus.html");
        Cli.run(dir, "focus", "cache", "--ignore", "buildTree", "heap_5.pb.gz", "--format", "html", "-o", page.toString());
        assertTrue(Files.readString(page).contains("<dt>Active filters</dt><dd>ignore=buildTree</dd>"));
        assertFalse(Cli.run(dir, "focus", "cache", "heap_5.pb.gz").out().contains("Active filters"));
    }

    /** The HTML page says how the sample types were brought onto one set, as the text report's Harmonized: line. */
    @Test
    void theHtmlPageHasTheHarmonizedFact(@TempDir Path tmp) throws Exception {
        Path dir = TestData.corpus("go", "map-cache");
        String base = TestData.corpus("node", "control", "heap_0.pb.gz").toAbsolutePath().toString();
        Cli.Result text = Cli.run(dir, "focus", "buildTree", "--base", base, "heap_5.pb.gz");
        String line = text.out().lines().filter(l -> l.startsWith("Harmonized: ")).findFirst().orElseThrow();
        Path page = tmp.resolve("focus.html");
        Cli.run(dir, "focus", "buildTree", "--base", base, "heap_5.pb.gz", "--format", "html", "-o", page.toString());
        assertTrue(Files.readString(page).contains("<dt>Harmonized</dt><dd>"
                + Html.text(line.substring("Harmonized: ".length())) + "</dd>"), line);
    }

    /** The count of top nodes left out takes the singular for one, in text and Markdown. */
    @Test
    void oneNodeLeftOutIsOneNode() {
        Path dir = TestData.corpus("go", "map-cache");
        Cli.Result text = Cli.run(dir, "focus", "buildTree", "-n", "5", "heap_5.pb.gz");
        assertTrue(text.out().endsWith("\n(1 more node not shown; use --nodecount 0 to show all)\n"), text.out());
        Cli.Result md = Cli.run(dir, "focus", "buildTree", "-n", "5", "--format", "markdown", "heap_5.pb.gz");
        assertTrue(md.out().contains("\n1 more node not shown; use `--nodecount 0` to show all.\n"), md.out());
    }

    @Test
    void aRegexMatchingNothingIsAnError() {
        Cli.Result r = Cli.run(TestData.corpus("go", "map-cache"), "focus", "noSuchFunction", "heap_5.pb.gz");
        assertEquals(2, r.exitCode());
        assertEquals("", r.out());
        assertTrue(r.err().contains("no function matches noSuchFunction"), r.err());
    }

    @Test
    void htmlKeepsEachTableWithinTheSizeBudgetAndSaysSo(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        // 250 distinct callers of one function: 250 caller paths, 2 callees
        dev.leakscope.TestProfiles t = new dev.leakscope.TestProfiles().sampleType("inuse_space", "bytes")
                .function(1, "main.leak", "m.go").location(1, 0x10, 1);
        for (int i = 0; i < 250; i++) {
            t.function(10 + i, "main.caller" + i, "c.go").location(10 + i, 0x100 + i, 10 + i)
                    .sample(new long[] {1024 + i}, 1, 10 + i);
        }
        java.nio.file.Files.write(dir.resolve("p.pb.gz"), t.gzipped());
        Cli.Result r = Cli.run(dir, "focus", "leak", "p.pb.gz", "--format", "html", "--output", "focus.html");
        assertEquals(0, r.exitCode(), r.err());
        String page = java.nio.file.Files.readString(dir.resolve("focus.html"));
        assertTrue(page.contains("Showing the first 200 of 250 rows (the page&#39;s size budget); the text report"
                + " lists all."), page);
        assertEquals(1, page.split("Showing the first", -1).length - 1, "only the caller paths are cut");
        assertTrue(page.contains("main.caller249 &gt; main.leak"), "largest path first");
        assertTrue(!page.contains("main.caller0 &gt; main.leak"), "smallest path cut");
    }

    /** A file name and a regex with a terminal escape and a newline: shown escaped in the header. */
    @Test
    void controlCharactersInTheFileNameAndRegexAreShownEscaped(@TempDir Path tmp) throws IOException {
        String bad = "red\u001b[31m\nforged.pb.gz";
        Files.copy(Path.of("testdata/map-cache/heap_5.pb.gz"), tmp.resolve(bad));
        for (String format : new String[] {"text", "markdown"}) {
            Cli.Result r = Cli.run(tmp, "focus", "buildTree|\u001b", "--format", format, bad);
            assertEquals(0, r.exitCode(), r.err());
            assertFalse(r.out().contains("\u001b"), r.out());
            assertFalse(r.out().contains("\nforged"), r.out());
        }
    }
    /** Samples of no value on both sides (all freed) make no caller path or callee row of 0 -> 0. */
    @Test
    void pathsAndCalleesOfNoValueAreLeftOut(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("heap.txt"), "heap profile: 1: 1024 [3: 3072] @ heap/1\n"
                + "1: 1024 [1: 1024] @ 0x1 0x2\n#\t0x1\tmain.leak+0x1\t/src/main.go:10\n#\t0x2\tmain.main+0x2\t/src/main.go:5\n\n"
                + "0: 0 [2: 2048] @ 0x3 0x4\n#\t0x3\tmain.freed+0x1\t/src/main.go:20\n#\t0x4\tmain.other+0x2\t/src/main.go:30\n\n");
        Cli.Result r = Cli.run(tmp, "focus", "--format", "json", "-i", "inuse_space", "-b", "heap.txt", "main\\.", "heap.txt");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(1, json.get("callerPaths").size(), r.out());
        assertEquals("main.leak", json.get("callerPaths").get(0).get("frames").get(0).asText(), r.out());
        for (JsonNode callee : json.get("callees")) {
            assertFalse(callee.get("base").asLong() == 0 && callee.get("current").asLong() == 0, r.out());
        }
    }
}
