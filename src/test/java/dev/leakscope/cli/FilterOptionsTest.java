package dev.leakscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakscope.Cli;
import dev.leakscope.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FilterOptionsTest {
    private static final Path MAP_CACHE = TestData.corpus("go", "map-cache");

    @Test
    void topFiltersAgreeWithPprof() throws Exception {
        String[][] cases = {
            {"top_focus", "--focus", "buildTree"},
            {"top_ignore", "--ignore", "buildTree"},
            {"top_hide", "--hide", "runtime"},
            {"top_show", "--show", "cache"},
            {"top_show_mapping", "--show", "leakdemo"},
        };
        for (String[] c : cases) {
            Cli.Result r = Cli.run(MAP_CACHE, "top", "--nodefraction", "0", c[1], c[2], "heap_5.pb.gz");
            assertEquals(0, r.exitCode(), r.err());
            assertEquals(Files.readString(MAP_CACHE.resolve("golden/" + c[0] + ".out")), r.out(), c[0]);
        }
    }

    @Test
    void aFilterMatchingNothingSaysSoAndLeavesAnEmptyReport() {
        Cli.Result r = Cli.run(MAP_CACHE, "top", "--focus", "noSuchThing", "heap_5.pb.gz");
        assertEquals(0, r.exitCode());
        assertEquals("leakscope: warning: Focus expression matched no samples\n", r.err());
        assertTrue(r.out().contains("Active filters:\n   focus=noSuchThing\nShowing nodes accounting for 0, 0% of 40MB total"),
                r.out());
    }

    @Test
    void aFilterRegexThatDoesNotCompileIsAUsageError() {
        Cli.Result r = Cli.run(MAP_CACHE, "top", "--hide", "a(b", "heap_5.pb.gz");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("leakscope: parsing hide regexp:"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void pprofRelativePercentagesUseTheFilteredTotal() {
        Cli.Result r = Cli.run(MAP_CACHE, "pprof", "-top", "-relative_percentages", "-focus=buildTree", "heap_5.pb.gz");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("Showing nodes accounting for 38.50MB, 100% of 38.50MB total"), r.out());
    }
}
