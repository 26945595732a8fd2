package dev.leakscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import dev.leakscope.Cli;
import dev.leakscope.TestProfiles;
import dev.leakscope.proto.ProfileProto;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    /** pprof's filters, indented under "Active filters:" in text, are items of that item, not facts of their own. */
    @Test
    void markdownNestsTheActiveFilters() {
        Cli.Result md = Cli.run(MAP_CACHE, "top", "--format=markdown", "--focus", "cache", "--hide", "runtime",
                "heap_5.pb.gz");
        assertEquals(0, md.exitCode(), md.err());
        assertTrue(md.out().contains("- Active filters:\n  - focus=cache\n  - hide=runtime\n- Showing nodes accounting for"),
                md.out());
    }

    /**
     * A filter that matched no sample: pprof's text says so on stderr only, as pprof does; the formats read
     * away from that stderr (a ticket, a script) carry it as a note.
     */
    @Test
    void aFilterThatMatchedNothingIsANoteInEveryFormatButPprofsText(@TempDir Path dir) throws Exception {
        String notice = "Focus expression matched no samples";
        Cli.Result text = Cli.run(MAP_CACHE, "top", "--focus", "nosuchfunction", "heap_5.pb.gz");
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.err().contains(notice), text.err());
        assertTrue(!text.out().contains(notice), text.out());
        Cli.Result md = Cli.run(MAP_CACHE, "top", "--format=markdown", "--focus", "nosuchfunction", "heap_5.pb.gz");
        assertTrue(md.out().contains("\n- note: " + notice + "\n"), md.out());
        Cli.Result json = Cli.run(MAP_CACHE, "top", "--format=json", "--focus", "nosuchfunction", "heap_5.pb.gz");
        assertEquals(notice, JSON.readTree(json.out()).get("notes").get(0).asText(), json.out());
        dev.leakscope.JsonSchemas.assertValid(json.out());
        Path html = dir.resolve("top.html");
        Cli.Result page = Cli.run(MAP_CACHE, "top", "--format=html", "-o", html.toString(), "--focus", "nosuchfunction",
                "heap_5.pb.gz");
        assertEquals(0, page.exitCode(), page.err());
        assertTrue(Files.readString(html).contains("Note: " + notice), "the page's facts");
        Cli.Result matched = Cli.run(MAP_CACHE, "top", "--format=json", "--focus", "cache", "heap_5.pb.gz");
        assertEquals(0, JSON.readTree(matched.out()).get("notes").size(), matched.out());
    }

    @Test
    void markdownShowsTextFromTheProfileWithoutItsMarkup(@TempDir Path dir) throws Exception {
        ProfileProto.Profile.Builder p = ProfileProto.Profile.newBuilder(ProfileProto.Profile.parseFrom(new TestProfiles()
                .sampleType("inuse_space", "bytes").function(1, "main.main", "m.go").location(1, 0x10, 1)
                .sample(new long[] {5}, 1).bytes()));
        p.addStringTable(ByteString.copyFromUtf8("see [docs](https://evil.example) <img src=x> `tick`"));
        p.addComment(p.getStringTableCount() - 1);
        Files.write(dir.resolve("p.pb"), p.build().toByteArray());
        Cli.Result md = Cli.run(dir, "top", "--format=markdown", "p.pb");
        assertEquals(0, md.exitCode(), md.err());
        assertTrue(md.out().contains("\n- see \\[docs\\](https://evil.example) \\<img src=x\\> \\`tick\\`\n"),
                md.out());
    }

    @Test
    void theHtmlTableHasTheRowsOfTheMarkdownTable() {
        Cli.Result html = Cli.run(MAP_CACHE, "top", "-n", "2", "--format=html", "heap_5.pb.gz");
        assertEquals(0, html.exitCode(), html.err());
        assertTrue(html.out().contains("<td>39427.12kB</td><td>96.25%</td><td>96.25%</td><td>39427.12kB</td>"
                + "<td>96.25%</td><td>example.com/leakdemo/internal/cache.buildTree</td></tr>"), html.out());
    }
}
