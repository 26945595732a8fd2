package dev.leakscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leakscope.Cli;
import dev.leakscope.TestData;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

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
    }

    @Test
    void aRegexMatchingNothingIsAnError() {
        Cli.Result r = Cli.run(TestData.corpus("go", "map-cache"), "focus", "noSuchFunction", "heap_5.pb.gz");
        assertEquals(2, r.exitCode());
        assertEquals("", r.out());
        assertTrue(r.err().contains("no function matches noSuchFunction"), r.err());
    }
}
