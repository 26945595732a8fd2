package dev.leakscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leakscope.Cli;
import dev.leakscope.SlowSeries;
import dev.leakscope.TestData;
import dev.leakscope.proto.ProfileProto;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.leakscope.profile.Profile;

class TrendCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final String[] SERIES = {"testdata/map-cache/heap_0.pb.gz", "testdata/map-cache/heap_1.pb.gz",
        "testdata/map-cache/heap_2.pb.gz", "testdata/map-cache/heap_3.pb.gz", "testdata/map-cache/heap_4.pb.gz",
        "testdata/map-cache/heap_5.pb.gz"};
    private static final String BUILD_TREE = "example.com/leakdemo/internal/cache.buildTree";

    private static Cli.Result trend(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "trend";
        System.arraycopy(args, 0, all, 1, args.length);
        return Cli.run(ROOT, all);
    }

    /** SERIES with its times 1024 times as far apart: 4.6 min, long enough for rates per hour ({@link SlowSeries}). */
    private static String[] slow(Path dir) {
        return SlowSeries.copy(dir, Stream.of(SERIES).map(ROOT::resolve).toArray(Path[]::new));
    }

    private static String[] with(String[] series, String... options) {
        String[] all = new String[options.length + series.length];
        System.arraycopy(options, 0, all, 0, options.length);
        System.arraycopy(series, 0, all, options.length, series.length);
        return all;
    }

    /**
     * A class histogram's own class whose instances leak grows steadily but stays under 1% of the heap (the
     * byte[] they hold is the suspect): the header names it.
     */
    @Test
    void aSmallClassGrowingSteadilyIsNamedUnderTheSuspects(@TempDir Path dir) throws IOException {
        for (int i = 0; i < 5; i++) {
            long sessions = 100 + 400L * i;
            long bytes = 50_000_000 + sessions * 1000;
            Files.writeString(dir.resolve("histo-20261206T20203" + i + "Z.txt"), String.format(
                    " num     #instances         #bytes  class name (module)%n"
                    + "-------------------------------------------------------%n"
                    + "   1:         %d       %d  [B (java.base@17.0.15)%n"
                    + "   2:           %d          %d  app.UserSession%n"
                    + "   3:          1000          80000  java.lang.String (java.base@17.0.15)%n"
                    + "Total         %d       %d%n",
                    1000 + sessions, bytes, sessions, sessions * 64, 2000 + 2 * sessions, bytes + sessions * 64 + 80000));
        }
        Cli.Result r = Cli.run(dir, "trend", ".");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("\nLeak suspects: 1 of 3 nodes grows steadily (rule: see leakscope trend --help)\n"
                + "Also steady, each under 1% of the total: app.UserSession +100kB (x17.0)\n"), r.out());
    }

    /** --unit as in top (pprof's -unit): the values of the text and Markdown reports in that unit. */
    @Test
    void unitPutsValuesInThatUnit() {
        for (String format : new String[] {"text", "markdown"}) {
            Cli.Result r = trend(with(SERIES, "--unit", "kB", "--format", format));
            assertEquals(0, r.exitCode(), r.err());
            assertTrue(r.out().matches("(?s).*7680\\.59kB\\W+39427\\.12kB\\W+\\+31746\\.53kB\\W.*"), r.out());
        }
    }

    /** --unit in the HTML page: the chart's axis and points and the flame graph's labels too, not only the table. */
    @Test
    void unitPutsTheHtmlChartAndFlameGraphInThatUnit(@TempDir Path tmp) throws IOException {
        Path html = tmp.resolve("trend.html");
        Cli.Result r = trend(with(SERIES, "--unit", "kB", "--format", "html", "--output", html.toString()));
        assertEquals(0, r.exitCode(), r.err());
        String page = Files.readString(html);
        assertTrue(page.contains("text-anchor=\"end\">40960kB</text>"), "axis label");
        assertTrue(page.contains("heap_5.pb.gz: 40963.35kB</title>"), "point title");
        assertTrue(page.contains("\"to\":{\"f\":9.765625E-4,\"u\":\"kB\"}"), "flame graph's unit");
        Cli.Result plain = trend(with(SERIES, "--format", "html", "--output", html.toString()));
        assertEquals(0, plain.exitCode(), plain.err());
        page = Files.readString(html);
        assertTrue(page.contains("heap_5.pb.gz: 40MB</title>"), "point title");
        assertFalse(page.contains("\"to\":"), "flame graph's own units");
    }

    /** Rows cut by -n or --nodefraction are counted in every format, as diff and focus count theirs. */
    @Test
    void rowsLeftOutAreCounted() throws IOException {
        Cli.Result text = trend(with(SERIES, "-n", "1", "--nodefraction", "0"));
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().endsWith("\n(3 more nodes not shown; --nodefraction 0 --nodecount 0 shows all)\n"),
                text.out());
        Cli.Result md = trend(with(SERIES, "-n", "1", "--nodefraction", "0", "--format", "markdown"));
        assertTrue(md.out().contains("\n_3 more nodes not shown; `--nodefraction 0 --nodecount 0` shows them._\n"),
                md.out());
        Cli.Result json = trend(with(SERIES, "-n", "1", "--nodefraction", "0", "--format", "json"));
        dev.leakscope.JsonSchemas.assertValid(json.out());
        JsonNode j = new ObjectMapper().readTree(json.out());
        assertEquals(1, j.get("rows").size());
        assertEquals(3, j.get("hiddenRows").asInt());
        Cli.Result all = trend(with(SERIES, "--nodefraction", "0", "--format", "json"));
        assertEquals(0, new ObjectMapper().readTree(all.out()).get("hiddenRows").asInt());
        assertFalse(trend(with(SERIES, "--nodefraction", "0")).out().contains("not shown"));
        // one node left out: its count takes the singular
        Cli.Result one = trend(with(SERIES, "-n", "3", "--nodefraction", "0"));
        assertTrue(one.out().endsWith("\n(1 more node not shown; --nodefraction 0 --nodecount 0 shows all)\n"),
                one.out());
        Cli.Result oneMd = trend(with(SERIES, "-n", "3", "--nodefraction", "0", "--format", "markdown"));
        assertTrue(oneMd.out().contains("\n_1 more node not shown; `--nodefraction 0 --nodecount 0` shows it._\n"),
                oneMd.out());
    }

    @Test
    void textReportRanksTheLeakFirstBelowTheTotal(@TempDir Path tmp) {
        Cli.Result r = trend(with(slow(tmp), "--ascii"));
        assertEquals(0, r.exitCode(), r.err());
        String[] lines = r.out().split("\n");
        assertEquals("Type: inuse_space (bytes)", lines[0]);
        assertTrue(lines[1].startsWith("Snapshots: 6, ordered by time (time_nanos), 2026-11-21 13:49:49 to"),
                lines[1]);
        assertEquals("Leak suspects: 1 of 4 nodes grows steadily (rule: see leakscope trend --help)", lines[2]);
        assertTrue(lines[4].contains("rate/h") && lines[4].contains("retained"), lines[4]);
        assertTrue(r.out().chars().allMatch(c -> c < 0x80), "--ascii keeps to ASCII, R2 too: " + r.out());
        assertTrue(lines[5].startsWith("*") && lines[5].endsWith("(total)"), lines[5]);
        assertTrue(lines[5].startsWith("*     8MB      40MB      +32MB"), lines[5]);
        assertTrue(lines[6].startsWith("*") && lines[6].endsWith(BUILD_TREE), lines[6]);
        assertTrue(lines[6].contains("_-~+*#"), lines[6]);
        assertFalse(r.out().chars().anyMatch(c -> c > 127 && c != '²'), "ASCII sparklines only");
    }

    /**
     * The header names the unit, as diff's does: async-profiler's converter calls both counts and bytes
     * "allocations", and the values alone do not say which.
     */
    /** A series across a restart of the service says so in every format (testdata/restart: 1 MiB kept, then 64 KiB). */
    @Test
    void aRestartBetweenSnapshotsIsNoted(@TempDir Path tmp) throws IOException {
        Path restart = Path.of("testdata/restart");
        String note = "the service restarted before snapshot #2 heap_after.pb.gz (it counts fewer allocations since"
                + " its process started than the snapshot before): the series is not one process's";
        Cli.Result text = Cli.run(restart, "trend", "heap_before.pb.gz", "heap_after.pb.gz");
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("\nNote: " + note + "\n"), text.out());
        assertTrue(Cli.run(restart, "trend", "--format", "markdown", "heap_before.pb.gz", "heap_after.pb.gz").out()
                .contains("Note: " + dev.leakscope.report.Markdown.escape(note)));
        Path page = tmp.resolve("trend.html");
        Cli.run(restart, "trend", "--format", "html", "--output", page.toString(), "heap_before.pb.gz", "heap_after.pb.gz");
        assertTrue(Files.readString(page).contains(dev.leakscope.report.html.Html.text(note)));
        Cli.Result json = Cli.run(restart, "trend", "--format", "json", "heap_before.pb.gz", "heap_after.pb.gz");
        dev.leakscope.JsonSchemas.assertValid(json.out());
        JsonNode snapshots = new ObjectMapper().readTree(json.out()).get("snapshots");
        assertFalse(snapshots.get(0).has("afterRestart"));
        assertTrue(snapshots.get(1).get("afterRestart").asBoolean());
        assertFalse(Cli.run(Path.of("testdata/map-cache"), "trend", "heap_0.pb.gz", "heap_5.pb.gz").out()
                .contains("restarted"), "one process throughout");
    }

    @Test
    void theHeaderNamesTheUnitInEveryFormat(@TempDir Path tmp) throws IOException {
        assertTrue(trend(SERIES).out().startsWith("Type: inuse_space (bytes)\n"));
        assertTrue(trend(with(SERIES, "-i", "inuse_objects")).out().startsWith("Type: inuse_objects (count)\n"));
        assertTrue(trend(with(SERIES, "--format", "markdown")).out().contains("\n\nType: inuse\\_space (bytes)  \n"));
        Path html = tmp.resolve("trend.html");
        assertEquals(0, trend(with(SERIES, "--format", "html", "--output", html.toString())).exitCode());
        assertTrue(Files.readString(html).contains("<dt>Type</dt><dd>inuse_space (bytes)</dd>"), Files.readString(html));
    }

    /**
     * --nodefraction cuts by change, as diff's: a node that did not change goes (map-cache's
     * runtime.malg, 512 kB throughout, which a cut by value kept), the small steady growers stay.
     */
    @Test
    void theDefaultCutIsOfTheGrossChange() throws IOException {
        JsonNode j = new ObjectMapper().readTree(trend(with(SERIES, "--format", "json")).out());
        List<String> names = new ArrayList<>();
        j.get("rows").forEach(r -> names.add(r.get("name").asText()));
        assertEquals(List.of(BUILD_TREE, "example.com/leakdemo/internal/cache.(*Cache).Get", "fmt.Sprintf"), names);
        assertEquals(1, j.get("hiddenRows").asInt());
    }

    @Test
    void snapshotsAreOrderedByTimeWhateverTheArgumentOrder() {
        String[] reversed = new String[SERIES.length];
        for (int i = 0; i < SERIES.length; i++) {
            reversed[i] = SERIES[SERIES.length - 1 - i];
        }
        assertEquals(trend(with(SERIES, "--format", "json")).out(), trend(with(reversed, "--format", "json")).out());
    }

    @Test
    void jsonSchemaHasRowsInRankOrder(@TempDir Path tmp) throws IOException {
        Cli.Result r = trend(with(slow(tmp), "--format", "json", "--limit", "2GiB"));
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("leakscope.trend/v1", j.get("schema").asText());
        assertEquals("hour", j.get("slopePer").asText());
        assertEquals(6, j.get("snapshots").size());
        JsonNode first = j.get("rows").get(0);
        assertEquals(BUILD_TREE, first.get("name").asText());
        assertTrue(first.get("suspect").asBoolean());
        assertEquals(6, first.get("values").size());
        assertEquals(40373368, first.get("values").get(5).asLong());
        assertTrue(first.get("r2").asDouble() > 0.98);
        assertEquals(1.0, first.get("monotonicity").asDouble());
        assertFalse(j.get("rows").get(1).get("suspect").asBoolean());
        assertEquals(41946468, j.get("total").get("values").get(5).asLong());
        assertEquals("reaches", j.get("projection").get("outcome").asText());
    }

    @Test
    void markdownIsATable(@TempDir Path tmp) {
        Cli.Result r = trend(with(slow(tmp), "--format", "markdown", "--ascii"));
        assertEquals(0, r.exitCode(), r.err());
        // titled as the other Markdown reports, so a pasted comment says what made it
        assertTrue(r.out().startsWith("**leakscope trend** of `inuse_space`\n\nType: inuse\\_space (bytes)  \n"), r.out());
        assertTrue(r.out().contains("\n|  | first | last | growth | rate/h | R2 | mono | retained | trend | name |\n"
                + "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |\n"
                + "| * | 8MB | 40MB | +32MB |"), r.out());
        assertTrue(r.out().contains("| `" + BUILD_TREE + "` |"));
    }

    @Test
    void gateTripsOnTheTotalRateWithOneLine(@TempDir Path tmp) {
        String[] series = slow(tmp);
        Cli.Result r = trend(with(series, "--fail-on-rate", "100MB/h"));
        assertEquals(1, r.exitCode());
        assertTrue(r.out().contains(BUILD_TREE), "the report is still printed");
        assertEquals("leakscope: gate --fail-on-rate 100MB/h tripped: total grows at +381.05MB/h\n", r.err());
        assertEquals(0, trend(with(series, "--fail-on-rate", "1GB/h")).exitCode());
        assertEquals("leakscope: gate --fail-on-rate 100MB/h tripped: total grows at +390193.36kB/h\n",
                trend(with(series, "--unit", "kB", "--fail-on-rate", "100MB/h")).err(), "the reason follows --unit");
    }

    /**
     * The demo series spans 0.3 s: a rate per hour over it would say nothing (+381.05GB/h), as diff gives none
     * for sides seconds apart. No format shows one, the rows rank as over the same series slowed down, and
     * the rate gate is an error rather than a gate that holds or trips by chance.
     */
    @Test
    void aSeriesShorterThanAMinuteHasNoRatePerHour(@TempDir Path tmp) throws IOException {
        Cli.Result text = trend(with(SERIES, "--ascii"));
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("\nSnapshots: 6, ordered by time (time_nanos), 2026-11-21 13:49:49 to 13:49:49 UTC"
                + " (0.3 s; no rate per hour under a minute)\n"), text.out());
        assertTrue(text.out().contains("\n    first      last     growth    R2  mono  retained  trend   name\n"
                + "*     8MB      40MB      +32MB  0.98  1.00       64%  _-~+*#  (total)\n"), text.out());
        assertFalse(text.out().contains("/h"), text.out());
        assertFalse(trend(with(SERIES, "--format", "markdown")).out().contains("rate/h"));
        Path html = tmp.resolve("trend.html");
        assertEquals(0, trend(with(SERIES, "--format", "html", "--output", html.toString())).exitCode());
        assertFalse(Files.readString(html).contains("rate/h"));

        JsonNode fast = JSON.readTree(trend(with(SERIES, "--format", "json", "--nodefraction", "0")).out());
        assertTrue(fast.get("total").get("slope").isNull(), fast.toString());
        fast.get("rows").forEach(row -> assertTrue(row.get("slope").isNull(), row.toString()));
        Path slowDir = Files.createDirectory(tmp.resolve("slow"));
        JsonNode slow = JSON.readTree(trend(with(slow(slowDir), "--format", "json", "--nodefraction", "0")).out());
        assertTrue(slow.get("total").get("slope").isNumber(), slow.toString());
        List<String> fastOrder = new ArrayList<>();
        fast.get("rows").forEach(row -> fastOrder.add(row.get("name").asText()));
        List<String> slowOrder = new ArrayList<>();
        slow.get("rows").forEach(row -> slowOrder.add(row.get("name").asText()));
        assertEquals(slowOrder, fastOrder, "ranked alike");

        Cli.Result limit = trend(with(SERIES, "--limit", "2GiB", "--format", "json"));
        assertEquals("too_short", JSON.readTree(limit.out()).get("projection").get("outcome").asText());
        assertTrue(trend(with(SERIES, "--limit", "2GiB")).out().contains("\nLimit: cannot project when the total"
                + " reaches 2GB: the snapshots span 0.3 s, and a rate per hour needs a minute or more\n"));

        for (String format : new String[] {"text", "json"}) {
            Cli.Result gate = trend(with(SERIES, "--fail-on-rate", "1TB/h", "--format", format));
            assertEquals(2, gate.exitCode(), gate.err());
            assertEquals("", gate.out());
            assertEquals("leakscope: --fail-on-rate: the series spans 0.3 s, and a rate per hour needs snapshots at least"
                    + " a minute apart (--fail-on-growth gates the growth from the first snapshot to the last)\n",
                    gate.err());
        }
    }

    /** On counts a rate is a plain number per hour, as --fail-on-growth takes a plain number there. */
    @Test
    void aRateGateOnCountsIsAPlainNumberPerHour(@TempDir Path tmp) {
        String[] series = slow(tmp);
        Cli.Result r = trend(with(series, "-i", "inuse_objects", "--fail-on-rate", "100/h"));
        assertEquals(1, r.exitCode(), r.err());
        assertEquals("leakscope: gate --fail-on-rate 100/h tripped: total grows at +5525147/h\n", r.err());
        assertEquals(0, trend(with(series, "-i", "inuse_objects", "--fail-on-rate", "10000000/h")).exitCode());

        Cli.Result size = trend(with(series, "-i", "inuse_objects", "--fail-on-rate", "1MB/h"));
        assertEquals(2, size.exitCode());
        assertEquals("", size.out(), "no report for a gate that cannot be checked");
        assertEquals("leakscope: --fail-on-rate 1MB/h is an amount of bytes, but the values compared are inuse_objects"
                + " (count): give a plain number per hour (e.g. 100/h)\n", size.err());
        assertEquals(1, trend(with(series, "--fail-on-rate", "100/h")).exitCode(), "a plain rate on bytes is bytes");
    }

    /** --limit takes the same rule: a plain number on counts, and its error names only the options given. */
    @Test
    void aLimitOnCountsIsAPlainNumber(@TempDir Path tmp) {
        assertTrue(trend(with(slow(tmp), "-i", "inuse_objects", "--limit", "1000000")).out()
                .contains("\nLimit: reaches 1000000 in ~4.6 min at +5525147/h\n"));
        Cli.Result r = trend(with(SERIES, "-i", "inuse_objects", "--limit", "1GB", "--fail-on-rate", "100/h"));
        assertEquals(2, r.exitCode());
        assertEquals("leakscope: --limit 1GB is an amount of bytes, but the values compared are inuse_objects (count):"
                + " give a plain number (e.g. 100000)\n", r.err());
    }

    /** The reports say how the gates stand, as stderr does when one trips: a CI summary then says why it failed. */
    @Test
    void theReportsSayWhetherTheGateTripped(@TempDir Path tmp) throws IOException {
        String reason = "--fail-on-growth 100% tripped: total grew by +32MB (8MB -> 40MB, +400.0%)";
        Cli.Result text = trend(with(SERIES, "--fail-on-growth", "100%"));
        assertEquals(1, text.exitCode());
        assertTrue(text.out().contains("\nGate: " + reason + "\n"), text.out());
        assertEquals("leakscope: gate " + reason + "\n", text.err());
        Cli.Result md = trend(with(SERIES, "--fail-on-growth", "100%", "--format", "markdown"));
        assertTrue(md.out().contains("\nGate: --fail-on-growth 100% tripped: total grew by +32MB (8MB -\\> 40MB,"
                + " +400.0%)  \n"), md.out());

        JsonNode json = new ObjectMapper().readTree(trend(with(SERIES, "--fail-on-growth", "100%", "--format", "json")).out());
        assertTrue(json.get("gate").get("tripped").asBoolean());
        assertEquals(reason, json.get("gate").get("reason").asText());
        String[] slow = slow(tmp);
        JsonNode rate = new ObjectMapper().readTree(trend(with(slow, "--fail-on-rate", "100MB/h", "--format", "json")).out());
        assertEquals("--fail-on-rate 100MB/h tripped: total grows at +381.05MB/h", rate.get("gate").get("reason").asText());

        Cli.Result held = trend(with(slow, "--fail-on-growth", "500%", "--fail-on-rate", "1GB/h"));
        assertEquals(0, held.exitCode());
        assertTrue(held.out().contains("\nGate: --fail-on-rate 1GB/h and --fail-on-growth 500% held\n"), held.out());
        JsonNode none = new ObjectMapper().readTree(trend(with(SERIES, "--format", "json")).out());
        assertFalse(none.get("gate").get("tripped").asBoolean());
        assertTrue(none.get("gate").get("reason").isNull());
        assertFalse(trend(SERIES).out().contains("Gate:"), "no gate given: nothing to say");
    }

    /**
     * The growth gate trips beyond sampling noise only, as diff's: a Node control's sampled heap grows by
     * 9% over the series, within the error of its 64 KiB sampling; the leak's grows beyond it. A gate that
     * noise held says so, with the growth and the margin, in the words of diff's (one code path).
     */
    @Test
    void theGrowthGateTripsBeyondSamplingNoiseOnly(@TempDir Path tmp) throws IOException {
        String held = "--fail-on-growth 5% held: total grew by +484.82kB (5.12MB -> 5.60MB, +9.2%), within sampling"
                + " noise (3 standard deviations: 2.46MB)";
        Cli.Result control = Cli.run(TestData.corpus("node", "control"), "trend", "--fail-on-growth", "5%", ".");
        assertEquals(0, control.exitCode(), control.out() + control.err());
        assertEquals("", control.err(), "a gate that held: nothing on stderr");
        assertTrue(control.out().contains("\nGate: " + held + "\n"), control.out());
        Cli.Result md = Cli.run(TestData.corpus("node", "control"), "trend", "--fail-on-growth", "5%", "--format",
                "markdown", ".");
        assertTrue(md.out().contains("\nGate: " + held.replace(">", "\\>") + "  \n"), md.out());
        JsonNode gate = new ObjectMapper().readTree(Cli.run(TestData.corpus("node", "control"), "trend",
                "--fail-on-growth", "5%", "--format", "json", ".").out()).get("gate");
        assertFalse(gate.get("tripped").asBoolean());
        assertTrue(gate.get("reason").isNull(), "stderr's line: none, as nothing tripped");
        assertFalse(gate.get("gates").get(0).get("tripped").asBoolean());
        assertEquals(held, gate.get("gates").get(0).get("reason").asText());
        // the same words as diff's over the series' ends
        Cli.Result diff = Cli.run(TestData.corpus("node", "control"), "diff", "--fail-on-growth", "5%", "heap_0.pb.gz",
                "heap_5.pb.gz");
        assertEquals(0, diff.exitCode(), "as diff's gate: " + diff.out());
        assertTrue(diff.out().contains("\nGate:    " + held + "\n"), diff.out());
        // growth short of the threshold: no noise to tell of; noise held the one gate, the other simply held
        assertTrue(Cli.run(TestData.corpus("node", "control"), "trend", "--fail-on-growth", "50%", ".").out()
                .contains("\nGate: --fail-on-growth 50% held\n"));
        Path controlDir = TestData.corpus("node", "control");
        String[] slowControl = SlowSeries.copy(tmp, Stream.of(0, 1, 2, 3, 4, 5)
                .map(k -> controlDir.resolve("heap_" + k + ".pb.gz")).toArray(Path[]::new));
        assertTrue(trend(with(slowControl, "--fail-on-growth", "5%", "--fail-on-rate", "1GB/h")).out()
                .contains("\nGate: --fail-on-rate 1GB/h held; " + held + "\n"));
        assertEquals(1, Cli.run(TestData.corpus("node", "cache-leak"), "trend", "--fail-on-growth", "5%", ".").exitCode());
    }

    /** Both gates trip: every one is named, as diff names its gates; JSON states each gate given. */
    @Test
    void everyTrippedGateIsNamedAndEachGateStated(@TempDir Path tmp) throws IOException {
        String[] slow = slow(tmp);
        String rate = "--fail-on-rate 100MB/h tripped: total grows at +381.05MB/h";
        String growth = "--fail-on-growth 100% tripped: total grew by +32MB (8MB -> 40MB, +400.0%)";
        Cli.Result both = trend(with(slow, "--fail-on-rate", "100MB/h", "--fail-on-growth", "100%"));
        assertEquals(1, both.exitCode());
        assertTrue(both.out().contains("\nGate: " + rate + "; " + growth + "\n"), both.out());
        assertEquals("leakscope: gate " + rate + "; " + growth + "\n", both.err());

        JsonNode gate = new ObjectMapper().readTree(trend(with(slow, "--fail-on-rate", "100MB/h", "--fail-on-growth",
                "1000%", "--format", "json")).out()).get("gate");
        assertEquals(rate, gate.get("reason").asText());
        assertEquals(2, gate.get("gates").size(), gate.toString());
        assertEquals("--fail-on-growth", gate.get("gates").get(1).get("option").asText());
        assertEquals("1000%", gate.get("gates").get(1).get("threshold").asText());
        assertFalse(gate.get("gates").get(1).get("tripped").asBoolean());
        assertTrue(gate.get("gates").get(1).get("reason").isNull());
    }

    @Test
    void theHtmlPageSaysWhetherTheGateTripped(@TempDir Path tmp) throws IOException {
        Path html = tmp.resolve("trend.html");
        assertEquals(1, trend(with(SERIES, "--fail-on-growth", "100%", "--format", "html", "--output", html.toString()))
                .exitCode());
        assertTrue(Files.readString(html).contains("<dt>Gate</dt><dd>--fail-on-growth 100% tripped: total grew by +32MB"
                + " (8MB -&gt; 40MB, +400.0%)</dd>"));
    }

    @Test
    void aGrowthGateInBytesOnCountsIsAUsageError() {
        Cli.Result r = trend(with(SERIES, "-i", "inuse_objects", "--fail-on-growth", "1kB"));
        assertEquals(2, r.exitCode());
        assertEquals("leakscope: --fail-on-growth 1kB is an amount of bytes, but the values compared are"
                + " inuse_objects (count): give a plain number or a percentage (e.g. 5%)\n", r.err());
    }

    @Test
    void growthGateTripsOnTheTotalsGrowthFromTheFirstSnapshot() {
        Cli.Result r = trend(with(SERIES, "--fail-on-growth", "100%"));
        assertEquals(1, r.exitCode());
        assertTrue(r.out().contains(BUILD_TREE), "the report is still printed");
        assertEquals("leakscope: gate --fail-on-growth 100% tripped: total grew by +32MB (8MB -> 40MB, +400.0%)\n",
                r.err());
        assertEquals("leakscope: gate --fail-on-growth 100% tripped: total grew by +32770.56kB (8192.79kB -> 40963.35kB, +400.0%)\n",
                trend(with(SERIES, "--unit", "kB", "--fail-on-growth", "100%")).err(), "the reason follows --unit");
        assertEquals(0, trend(with(SERIES, "--fail-on-growth", "500%")).exitCode());
        assertEquals(0, trend(with(SERIES, "--fail-on-growth", "33MB")).exitCode());
        assertEquals(1, trend(with(SERIES, "--fail-on-growth", "31MB")).exitCode());
    }

    @Test
    void limitProjection(@TempDir Path tmp) {
        assertTrue(trend(with(slow(tmp), "--limit", "2GiB")).out()
                .contains("\nLimit: reaches 2GB in ~5.3 h at +381.05MB/h\n"));
        assertTrue(trend(with(SERIES, "--limit", "10MB")).out()
                .contains("\nLimit: the last snapshot (40MB) is already at or above 10MB\n"));
    }

    @Test
    void limitSaysWhenTheFitIsTooPoor(@TempDir Path tmp) {
        Path dir = TestData.corpus("java-asprof", "static-list-leak");
        String[] slow = SlowSeries.copy(tmp, Stream.of(0, 1, 2, 3, 4, 5).map(k -> dir.resolve("heap_" + k + ".pb.gz"))
                .toArray(Path[]::new));
        Cli.Result r = trend(with(slow, "--limit", "1GB"));
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("\nLimit: cannot project when the total reaches 1GB: its growth is not steady"
                + " enough (R² 0.75 of a straight line, below 0.8)\n"), r.out());
    }

    @Test
    void withoutTimestampsGrowthIsPerSnapshotInArgumentOrder(@TempDir Path tmp) throws IOException {
        String[] names = new String[SERIES.length];
        for (int i = 0; i < SERIES.length; i++) {
            names[i] = "s" + (SERIES.length - i) + ".pb.gz"; // names sort against the phases
            ProfileProto.Profile p;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(ROOT.resolve(SERIES[i])))) {
                p = ProfileProto.Profile.parseFrom(in).toBuilder().clearTimeNanos().build();
            }
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tmp.resolve(names[i])))) {
                p.writeTo(out);
            }
            // one modification time for all (as a copy or checkout may leave them): the files do not order them either
            Files.setLastModifiedTime(tmp.resolve(names[i]), java.nio.file.attribute.FileTime.fromMillis(1_700_000_000_000L));
        }
        Cli.Result r = Cli.run(tmp, with(names, "trend", "--ascii", "--limit", "2GiB"));
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("Snapshots: 6, in argument order (no snapshot has a timestamp of its own);"
                + " growth is per snapshot\n"), r.out());
        assertTrue(r.out().contains("rate/snapshot"));
        assertTrue(r.out().contains("Limit: cannot project when the total reaches 2GB: the snapshots have no"
                + " timestamps (growth is +6.36MB/snapshot)"), r.out());
        assertTrue(r.out().contains("*  7.50MB   38.50MB      +31MB        +6.21MB  0.99"), r.out());
        // a directory is read in name order: here the phases backwards, so nothing grows
        Cli.Result dir = Cli.run(tmp, "trend", ".");
        assertTrue(dir.out().contains("Leak suspects: 0 of"), dir.out());
        Cli.Result gate = Cli.run(tmp, with(names, "trend", "--fail-on-rate", "1MB/h"));
        assertEquals(2, gate.exitCode());
        assertEquals("leakscope: --fail-on-rate needs snapshots in time order (by their time_nanos, or the times of"
                + " their files): without it there is no rate per hour\n", gate.err());
    }

    @Test
    void directorySkipsNonProfilesWithAWarning(@TempDir Path tmp) throws IOException {
        for (String s : SERIES) {
            Files.copy(ROOT.resolve(s), tmp.resolve(Path.of(s).getFileName()));
        }
        Files.writeString(tmp.resolve("notes.txt"), "not a profile\n");
        Cli.Result r = Cli.run(tmp, "trend", ".");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().startsWith("leakscope: warning: skipping ./notes.txt: not a profile"), r.err());
        assertEquals(1, r.err().lines().count());
        assertTrue(r.out().contains("Snapshots: 6,"));
        // named explicitly, the same file is an error
        assertEquals(2, Cli.run(tmp, "trend", "heap_0.pb.gz", "notes.txt").exitCode());
    }

    /**
     * A Go scenario's directory holds every snapshot as proto and as debug=1 text: taken whole, the series
     * counts each twice (in time order: heap_init first, each text form at its proto twin's time); one line
     * says so and how to take one form.
     */
    @Test
    void aDirectoryOfEachSnapshotInTwoFormsGetsAWarningThatNamesThem(@TempDir Path go) throws IOException {
        for (String k : new String[] {"0", "1", "2", "3", "4", "5", "init"}) {
            for (String form : new String[] {".pb.gz", ".txt"}) {
                Files.copy(TestData.corpus("go", "map-cache", "heap_" + k + form), go.resolve("heap_" + k + form));
            }
        }
        Cli.Result r = Cli.run(go, "trend", "--ascii", ".");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("\nSnapshots: 14, ordered by time (time_nanos; a snapshot saved in two forms at"
                + " the time of the form that has one), 2026-11-21 13:49:49 to 13:49:49 UTC (0.4 s; no rate per hour under a"
                + " minute)\n"), r.out());
        assertTrue(r.out().contains(" __..~~==++**##  (total)\n"), r.out());
        assertEquals("leakscope: warning: ./heap_init.pb.gz and ./heap_init.txt (and 6 more such pairs) look like one"
                + " snapshot saved in two forms, which the series counts as two; give one form only (e.g. *.pb.gz)\n",
                r.err());
        Cli.Result one = Cli.run(go, "trend", "heap_0.pb.gz", "heap_1.pb.gz", "heap_2.pb.gz");
        assertEquals("", one.err());
        assertFalse(one.out().contains("Note:"), one.out());
        assertEquals(0, JSON.readTree(Cli.run(go, "trend", "--format=json", "heap_0.pb.gz", "heap_1.pb.gz")
                .out()).get("notes").size());
    }

    /** The warning on a snapshot saved in two forms is a note of every report too, not on stderr only. */
    @Test
    void everyReportNotesASnapshotSavedInTwoForms(@TempDir Path go) throws IOException {
        for (String k : new String[] {"0", "1", "2"}) {
            Files.copy(TestData.corpus("go", "map-cache", "heap_" + k + ".pb.gz"), go.resolve("heap_" + k + ".pb.gz"));
        }
        Files.copy(TestData.corpus("go", "map-cache", "heap_2.txt"), go.resolve("heap_2.txt"));
        String note = "./heap_2.pb.gz and ./heap_2.txt look like one snapshot saved in two forms, which the series"
                + " counts as two; give one form only (e.g. *.pb.gz)";
        Cli.Result text = Cli.run(go, "trend", ".");
        assertTrue(text.out().contains("\nNote: " + note + "\n"), text.out());
        assertEquals("leakscope: warning: " + note + "\n", text.err());
        assertTrue(Cli.run(go, "trend", "--format=markdown", ".").out().contains("\nNote: "
                + note.replace("_", "\\_").replace("*", "\\*") + "  \n"));
        assertTrue(Cli.run(go, "trend", "--format=html", ".").out().contains("<dt>Note</dt><dd>" + note + "</dd>"));
        Cli.Result json = Cli.run(go, "trend", "--format=json", ".");
        dev.leakscope.JsonSchemas.assertValid(json.out());
        assertEquals(List.of(note), List.of(JSON.readTree(json.out()).get("notes").get(0).asText()));
        assertEquals(1, JSON.readTree(json.out()).get("notes").size());
    }

    @Test
    void snapshotsWithNoSampleTypeInCommonAreGroupedByTheirTypes() {
        Path go = TestData.corpus("go", "goroutine-leak");
        String heap = "[alloc_objects/count, alloc_space/bytes, inuse_objects/count, inuse_space/bytes]";
        Cli.Result r = Cli.run(go, "trend", "heap_0.pb.gz", "goroutine_1.pb.gz", "heap_2.pb.gz");
        assertEquals(2, r.exitCode());
        assertEquals("leakscope: no sample type is common to all inputs: heap_0.pb.gz, heap_2.pb.gz have " + heap
                + ", goroutine_1.pb.gz has [goroutine/count]\n", r.err());
        r = Cli.run(go, "trend", "heap_0.pb.gz", "goroutine_1.pb.gz");
        assertEquals("leakscope: no sample type is common to all inputs: heap_0.pb.gz has " + heap
                + ", goroutine_1.pb.gz has [goroutine/count]\n", r.err());
    }

    @Test
    void usageErrors() {
        Cli.Result one = trend(SERIES[0]);
        assertEquals(2, one.exitCode());
        assertEquals("leakscope: a trend needs at least 2 snapshots, got 1\n", one.err());
        assertEquals(2, trend(with(SERIES, "--format", "xml")).exitCode());
        assertEquals(2, trend(with(SERIES, "--fail-on-rate", "10MB/day")).exitCode());
        assertEquals(2, trend(with(SERIES, "--fail-on-rate", "5%/h")).exitCode());
    }

    @Test
    void twoSnapshotsNeverNameASuspect() {
        Cli.Result r = trend(SERIES[0], SERIES[5]);
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("Leak suspects: none can be told with 2 snapshots"), r.out());
    }

    /** Some snapshots with a time and one without (and no twin): one order, by name, and the header says why. */
    @Test
    void partlyTimedSnapshotsGoInNameOrderAndTheHeadersCountThoseWithoutATime(@TempDir Path dir) throws IOException {
        for (String f : new String[] {"heap_0.pb.gz", "heap_1.pb.gz", "heap_2.txt"}) {
            Files.copy(TestData.corpus("go", "map-cache", f), dir.resolve(f));
        }
        Cli.Result r = Cli.run(dir, "trend", ".");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("\nSnapshots: 3, in name order (1 of 3 snapshots has no timestamp);"
                + " growth is per snapshot\n"), r.out());
        Cli.Result info = Cli.run(dir, "info", ".");
        assertTrue(info.out().contains("\nProfiles:    3, in name order (1 of 3 profiles has no timestamp)\n"),
                info.out());
        // two distinct snapshots that share a time do not order it either
        Cli.Result shared = Cli.run(dir, "trend", "heap_0.pb.gz", "heap_0.pb.gz", "heap_1.pb.gz");
        assertTrue(shared.out().contains("\nSnapshots: 3, in argument order (some snapshots share a timestamp);"),
                shared.out());
    }
}
