package dev.leakscope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leakscope.report.DiffJsonReport;
import dev.leakscope.report.FocusReport;
import dev.leakscope.report.InfoReport;
import dev.leakscope.report.LineListing;
import dev.leakscope.report.TopJsonReport;
import dev.leakscope.report.TracesReport;
import dev.leakscope.report.TrendReport;
import dev.leakscope.report.WatchReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The schema files of the JSON reports, and the checker that holds every report of the tests to them. */
class JsonSchemasTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path MAP_CACHE = Path.of("testdata/map-cache").toAbsolutePath();
    private static final List<String> REPORTS = List.of(TopJsonReport.SCHEMA, DiffJsonReport.SCHEMA,
            TrendReport.SCHEMA, FocusReport.JSON_SCHEMA, LineListing.SCHEMA, TracesReport.SCHEMA, InfoReport.SCHEMA,
            WatchReport.SCHEMA);

    @Test
    void aSchemaFilePerReportAndNoOther() throws IOException {
        Set<Path> expected = new TreeSet<>();
        for (String id : REPORTS) {
            Path file = JsonSchemas.file(id);
            expected.add(file);
            JsonNode schema = JsonSchemas.schema(file);
            assertEquals("https://json-schema.org/draft/2020-12/schema", schema.get("$schema").asText(), id);
            assertEquals(id, schema.get("title").asText());
            assertEquals(id, schema.at("/properties/schema/const").asText());
            assertEquals(false, schema.get("additionalProperties").booleanValue(), id);
        }
        try (Stream<Path> files = Files.list(JsonSchemas.directory())) {
            assertEquals(expected, files.collect(Collectors.toCollection(TreeSet::new)));
        }
    }

    @Test
    void everyReportMatchesItsSchema() {
        for (String[] args : commands()) {
            Cli.Result r = Cli.run(MAP_CACHE, args);
            assertEquals(0, r.exitCode(), r.err());
            JsonSchemas.assertValid(r.out()); // Cli.run checks too; here it must have found a report
            assertTrue(JsonSchemas.isReport(r.out()), r.out());
        }
    }

    @Test
    void aRenamedKeyFails() throws IOException {
        ObjectNode top = report("top", "--format=json", "heap_5.pb.gz");
        ObjectNode row = (ObjectNode) top.get("rows").get(0);
        row.set("flat_pct", row.remove("flatPct"));
        List<String> errors = errors(top);
        assertTrue(errors.contains("/rows/0: missing key \"flatPct\""), errors.toString());
        assertTrue(errors.contains("/rows/0: unexpected key \"flat_pct\""), errors.toString());
        AssertionError e = assertThrows(AssertionError.class, () -> JsonSchemas.assertValid(top.toString()));
        assertTrue(e.getMessage().startsWith("leakscope.top/v1 does not match top.v1.schema.json"), e.getMessage());
    }

    @Test
    void aWrongTypeValueOrIdFails() throws IOException {
        ObjectNode diff = report("diff", "--format=json", "heap_0.pb.gz", "heap_5.pb.gz");
        ((ObjectNode) diff.get("totals")).put("base", 1.5);
        ((ObjectNode) diff.get("options")).put("sort", "size");
        ((ArrayNode) diff.get("rows").get(0).get("flags")).add("leak");
        ((ObjectNode) diff.get("inputs").get("base").get(0)).put("size", -2);
        diff.putNull("gate");
        assertEquals(Set.of("/totals/base: number 1.5, expected \"integer\"",
                "/inputs/base/0/size: -2 is below the minimum -1",
                "/options/sort: \"size\", expected one of [\"delta\",\"pct\",\"current\",\"name\"]",
                "/gate: null, expected \"object\"",
                "/rows/0/flags/0: \"leak\", expected one of [\"new\",\"gone\",\"noise\"]"), Set.copyOf(errors(diff)));

        ObjectNode trend = report("trend", "--format=json", "heap_0.pb.gz", "heap_1.pb.gz", "heap_2.pb.gz");
        ((ObjectNode) trend.get("total")).remove("suspect");
        ((ObjectNode) trend.get("rows").get(0)).put("retention", "n/a");
        ((ObjectNode) trend.get("gate")).put("tripped", "yes");
        trend.put("schema", "leakscope.top/v1");
        List<String> errors = JsonSchemas.errors(JsonSchemas.schema(JsonSchemas.file(TrendReport.SCHEMA)), trend);
        assertTrue(errors.contains("/schema: \"leakscope.top/v1\", expected \"leakscope.trend/v1\""), errors.toString());
        assertTrue(errors.contains("/total: missing key \"suspect\""), errors.toString());
        assertTrue(errors.contains("/rows/0/retention: string \"n/a\", expected [\"number\",\"null\"]"), errors.toString());
        assertTrue(errors.contains("/gate/tripped: string \"yes\", expected \"boolean\""), errors.toString());
    }

    /** trend's gate has diff's shape; an additive key of v1, so that reports without it stay valid. */
    @Test
    void trendCarriesTheGateAsDiffDoes() throws IOException {
        ObjectNode trend = report("trend", "--format=json", "--fail-on-growth", "500%", "heap_0.pb.gz", "heap_1.pb.gz",
                "heap_2.pb.gz");
        ObjectNode diff = report("diff", "--format=json", "--fail-on-growth", "500%", "heap_0.pb.gz", "heap_5.pb.gz");
        assertEquals(JSON.readTree("{\"tripped\": false, \"reason\": null, \"gates\": [{\"option\": \"--fail-on-growth\","
                + " \"threshold\": \"500%\", \"tripped\": false, \"reason\": null}]}"), trend.get("gate"));
        assertEquals(diff.get("gate"), trend.get("gate"));
        assertEquals(report("diff", "--format=json", "heap_0.pb.gz", "heap_5.pb.gz").get("gate"),
                report("trend", "--format=json", "heap_0.pb.gz", "heap_1.pb.gz", "heap_2.pb.gz").get("gate"),
                "no gate given: the same too");
        trend.remove("gate");
        assertEquals(List.of(), errors(trend));
        trend.putObject("gate").put("tripped", true);
        assertEquals(List.of("/gate: missing key \"reason\""), errors(trend));
    }

    @Test
    void aReportWithoutSchemaFileOrNotJsonFails() {
        AssertionError noFile = assertThrows(AssertionError.class,
                () -> JsonSchemas.assertValid("{\"schema\": \"leakscope.nothing/v1\"}"));
        assertTrue(noFile.getMessage().startsWith("no schema file for leakscope.nothing/v1: add "), noFile.getMessage());
        AssertionError nan = assertThrows(AssertionError.class,
                () -> JsonSchemas.assertValid("{\"schema\": \"leakscope.trend/v1\", \"slope\": NaN}"));
        assertTrue(nan.getMessage().startsWith("a JSON report that is not JSON"), nan.getMessage());
    }

    @Test
    void aSchemaKeywordTheCheckerDoesNotKnowIsAnError() throws IOException {
        JsonNode schema = JSON.readTree("{\"type\": \"string\", \"pattern\": \"^a\"}");
        AssertionError e = assertThrows(AssertionError.class, () -> JsonSchemas.errors(schema, JSON.readTree("\"b\"")));
        assertTrue(e.getMessage().startsWith("schema keyword \"pattern\" is not checked"), e.getMessage());
    }

    private static List<String[]> commands() {
        return List.of(
                new String[] {"top", "--format=json", "-n", "3", "heap_5.pb.gz"},
                new String[] {"diff", "--format=json", "heap_0.pb.gz", "heap_5.pb.gz"},
                new String[] {"trend", "--format=json", "--limit", "2GiB", "heap_0.pb.gz", "heap_1.pb.gz",
                        "heap_2.pb.gz", "heap_3.pb.gz", "heap_4.pb.gz", "heap_5.pb.gz"},
                new String[] {"focus", "cache", "--base", "heap_0.pb.gz", "--format=json", "heap_5.pb.gz"},
                new String[] {"list", "buildTree", "--source-path", "src", "--format=json", "heap_5.pb.gz"},
                new String[] {"list", "buildTree", "--base", "heap_0.pb.gz", "--format=json", "heap_5.pb.gz"},
                new String[] {"traces", "--format=json", "heap_5.pb.gz"},
                new String[] {"traces", "--base", "heap_0.pb.gz", "--format=json", "heap_5.pb.gz"},
                new String[] {"info", "--format=json", ".", "heap_5.pb.gz"});
    }

    private static ObjectNode report(String... args) throws IOException {
        Cli.Result r = Cli.run(MAP_CACHE, args);
        assertEquals(0, r.exitCode(), r.err());
        ObjectNode doc = (ObjectNode) JSON.readTree(r.out());
        assertEquals(List.of(), errors(doc), "the unchanged report is valid");
        return doc;
    }

    private static List<String> errors(JsonNode doc) {
        return JsonSchemas.errors(JsonSchemas.schema(JsonSchemas.file(doc.get("schema").asText())), doc);
    }
}
