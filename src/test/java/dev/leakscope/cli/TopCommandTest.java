package dev.leakscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leakscope.Cli;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path MAP_CACHE = Path.of("testdata/map-cache").toAbsolutePath();

    @Test
    void jsonHasTheRowsOfTheTextReportAsRawIntegers() throws Exception {
        Cli.Result text = Cli.run(MAP_CACHE, "top", "-n", "3", "--focus", "cache", "heap_5.pb.gz");
        Cli.Result json = Cli.run(MAP_CACHE, "top", "-n", "3", "--focus", "cache", "--format=json", "heap_5.pb.gz");
        assertEquals(0, json.exitCode(), json.err());
        JsonNode t = JSON.readTree(json.out());
        assertEquals("leakscope.top/v1", t.get("schema").asText());
        assertEquals("[\"focus=cache\"]", t.get("options").get("filters").toString());
        List<String> lines = text.out().lines().toList();
        int headerLines = lines.size() - 4;
        assertEquals(lines.subList(0, headerLines), JSON.convertValue(t.get("header"), List.class));
        assertEquals(3, t.get("rows").size());
        long flatSum = 0;
        for (int i = 0; i < 3; i++) {
            JsonNode row = t.get("rows").get(i);
            assertTrue(lines.get(headerLines + 1 + i).endsWith("  " + row.get("name").asText()), row.toString());
            assertTrue(row.get("flat").isIntegralNumber() && row.get("cum").asLong() >= row.get("flat").asLong());
            flatSum += row.get("flat").asLong();
        }
        assertEquals(flatSum, t.get("shown").asLong());
        assertEquals(41946468, t.get("total").asLong());
        assertEquals(96.25, t.get("rows").get(0).get("flatPct").asDouble());
    }

    @Test
    void markdownIsATableOfTheSameRows() {
        Cli.Result md = Cli.run(MAP_CACHE, "top", "-n", "2", "--format=markdown", "heap_5.pb.gz");
        assertEquals(0, md.exitCode(), md.err());
        assertTrue(md.out().startsWith("**leakscope top** of `inuse_space`\n\n- File: leakdemo\n"), md.out());
        assertTrue(md.out().contains("| flat | flat% | sum% | cum | cum% | name |\n|--:|--:|--:|--:|--:|:--|\n"
                + "| 39427.12kB | 96.25% | 96.25% | 39427.12kB | 96.25% | `example.com/leakdemo/internal/cache.buildTree` |\n"),
                md.out());
        assertEquals(2, Cli.run(MAP_CACHE, "top", "--format=xml", "heap_5.pb.gz").exitCode());
    }

    @Test
    void theHtmlTableHasTheRowsOfTheMarkdownTable() {
        Cli.Result html = Cli.run(MAP_CACHE, "top", "-n", "2", "--format=html", "heap_5.pb.gz");
        assertEquals(0, html.exitCode(), html.err());
        assertTrue(html.out().contains("<td>39427.12kB</td><td>96.25%</td><td>96.25%</td><td>39427.12kB</td>"
                + "<td>96.25%</td><td>example.com/leakdemo/internal/cache.buildTree</td></tr>"), html.out());
    }
}
