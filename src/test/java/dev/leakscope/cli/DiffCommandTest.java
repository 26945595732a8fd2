package dev.leakscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leakscope.Cli;
import dev.leakscope.SharedCorpus;
import dev.leakscope.TestData;
import dev.leakscope.TestProfiles;
import dev.leakscope.report.html.Html;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path MAP_CACHE = Path.of("testdata/map-cache").toAbsolutePath();

    /** Scenario, extra options, the leaking site (a substring of the row name) and the worst rank allowed. */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "go/map-cache;;cache.buildTree;1",
        "go/growing-slice;;events.newEvent (inline);1",
        "go/goroutine-leak;;fanout.queryReplica;1",
        "go/subslice-retention;;parse.readRecord (inline);1",
        "go/map-cache;--granularity=lines;cache/tree.go:13;1",
        "go/growing-slice;--granularity=lines;events/store.go:27;1",
        "go/goroutine-leak;--granularity=lines;fanout/fanout.go:32;1",
        "go/subslice-retention;--granularity=lines;parse/record.go:22;1",
        "node/cache-leak;;rememberSession;3",
        "node/cache-leak-inlined;;phaseWork;1",
        "node/listener-leak;;subscribeToConfig;1",
        "java-asprof/static-list-leak;;java.lang.Object[];3",
        "java-asprof/static-list-leak;;byte[];3",
        "java-asprof/static-list-leak;--cum;leak/SessionRegistry.register;3",
        "java-asprof/static-list-leak-live-count;;byte[];3",
        "java-asprof/static-list-leak-live-count;--cum;leak/SessionRegistry.register;3",
        // growth lands on async-profiler's malloc_hook; its row names the program's frame it came through
        "java-asprof/nativemem-direct-buffer-leak;;malloc_hook (via leak/OffHeapRegistry.retainDirect: 99%);1",
    })
    void ranksTheLeakingSiteAmongTheFirstRows(String scenario, String option, String site, int worstRank) throws Exception {
        JsonNode d = diffJson(scenario, option);
        List<String> names = new ArrayList<>();
        d.get("rows").forEach(r -> names.add(r.get("name").asText()
                + (r.get("via").isNull() ? "" : String.format(" (via %s: %.0f%%)", r.get("via").asText(),
                100.0 * r.get("viaDelta").asLong() / r.get("delta").asLong()))));
        int rank = 0;
        for (int i = 0; i < names.size() && rank == 0; i++) {
            if (names.get(i).contains(site)) {
                rank = i + 1;
            }
        }
        assertTrue(rank >= 1 && rank <= worstRank, scenario + ": " + site + " at rank " + rank + " in " + names);
        JsonNode row = d.get("rows").get(rank - 1);
        assertTrue(row.get("delta").asLong() > 0);
        assertFalse(row.get("flags").toString().contains("noise"), "the leak is not noise: " + row);
    }

    /**
     * Controls. async-profiler's values are the sampled objects' own sizes, not estimates: its interval
     * (512KiB, 64KiB) is no --sampling-period for them; the size of the objects sampled is (the native
     * control's growing mallocs are 32 KiB each: Node::out_grow 31.98kB -> 159.88kB), and the heap control
     * needs none.
     */
    @ParameterizedTest
    @CsvSource({"go/control-churn,", "node/control,", "java-asprof/control,",
        "java-asprof/nativemem-direct-buffer-control,32KiB"})
    void controlsTripNoGateAndFlagNoGrowth(String scenario, String period) throws Exception {
        for (String value : new String[] {"--granularity=lines", "--cum"}) {
            Path dir = TestData.corpus(scenario);
            List<String> args = new ArrayList<>(List.of("diff", "--format=json", "--nodefraction=0", value,
                    "--fail-on-growth", "5%", "--fail-on-node-growth", "5%", "heap_0.pb.gz", "heap_5.pb.gz"));
            if (period != null) {
                args.addAll(1, List.of("--sampling-period", period));
            }
            Cli.Result r = Cli.run(dir, args.toArray(String[]::new));
            assertEquals(0, r.exitCode(), scenario + " " + value + ": " + r.err());
            for (JsonNode row : JSON.readTree(r.out()).get("rows")) {
                boolean noise = row.get("flags").toString().contains("noise");
                assertTrue(row.get("delta").asLong() <= 0 || noise, scenario + " " + value + " flags " + row);
            }
        }
    }

    /** --unit as in top (pprof's -unit): every value of the text and Markdown reports in that unit. */
    @Test
    void unitPutsEveryValueInThatUnit() {
        Cli.Result r = Cli.run(MAP_CACHE, "diff", "--unit", "kB", "heap_0.pb.gz", "heap_5.pb.gz");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("\nTotal:   8192.79kB -> 40963.35kB: +32770.56kB (+400.0%)"), r.out());
        assertTrue(r.out().contains("    1 +31746.53kB  +413.3%  7680.59kB 39427.12kB   96.9% "), r.out());
        r = Cli.run(MAP_CACHE, "diff", "--unit", "kB", "--format", "markdown", "heap_0.pb.gz", "heap_5.pb.gz");
        assertTrue(r.out().contains("\n| 1 | +31746.53kB | +413.3% | 7680.59kB | 39427.12kB | 96.9% |"), r.out());
    }

    @Test
    void unitAppliesToTheHtmlTable(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path page = dir.resolve("diff.html");
        Cli.Result r = Cli.run(MAP_CACHE, "diff", "--unit", "kB", "--format", "html", "--output", page.toString(),
                "heap_0.pb.gz", "heap_5.pb.gz");
        assertEquals(0, r.exitCode(), r.err());
        String html = java.nio.file.Files.readString(page);
        assertTrue(html.contains("8192.79kB -&gt; 40963.35kB") && html.contains(">7680.59kB<"), html);
    }

    /**
     * A period of 1 (every allocated byte, every goroutine recorded) leaves nothing out: no sampling error,
     * said in words (not as "1 bytes"), and no change is noise; a goroutine leak of 10% trips a 5% gate.
     */
    /**
     * A rate per hour only for sides a minute apart or more: the same URL fetched twice 268 ms apart
     * said "+419.70GB per hour".
     */
    @ParameterizedTest
    @CsvSource({"268000000, false", "59000000000, false", "60000000000, true", "1800000000000, true"})
    void aRatePerHourOnlyForSidesAMinuteApart(long apartNanos, boolean rated, @TempDir Path tmp) throws IOException {
        for (int k = 0; k < 2; k++) {
            dev.leakscope.TestProfiles t = new dev.leakscope.TestProfiles();
            t.sampleType("space", "bytes");
            t.function(1, "main.leak", "main.go");
            t.location(1, 0x1000, 1);
            t.sample(new long[] {1000 * (k + 1)}, 1);
            t.proto().setTimeNanos(1_700_000_000_000_000_000L + k * apartNanos);
            Files.write(tmp.resolve("h" + k + ".pb"), t.bytes());
        }
        Cli.Result text = Cli.run(tmp, "diff", "h0.pb", "h1.pb");
        assertEquals(0, text.exitCode(), text.err());
        assertEquals(rated, text.out().contains(" per hour"), text.out());
        Cli.Result json = Cli.run(tmp, "diff", "--format", "json", "h0.pb", "h1.pb");
        JsonNode perHour = new ObjectMapper().readTree(json.out()).path("totals").path("growthPerHour");
        assertEquals(rated, perHour.isNumber(), json.out());
    }

    @Test
    void aPeriodOfOneHasNoSamplingError(@TempDir Path tmp) throws IOException {
        Path nativeLeak = Path.of("testdata/native-cache-leak").toAbsolutePath();
        Cli.Result r = Cli.run(nativeLeak, "diff", "heap_0.heap", "heap_5.heap");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("\nNoise:   no sampling error: every value is recorded (sampling period 1), so every"
                + " change counts as real\n"), r.out());
        String goroutines = "goroutine profile: total %d\n%d @ 0x1 0x2\n#\t0x1\tmain.wait+0x1\t/src/main.go:10\n"
                + "#\t0x2\tmain.main+0x2\t/src/main.go:5\n\n";
        Files.writeString(tmp.resolve("g0.txt"), String.format(goroutines, 1000, 1000));
        Files.writeString(tmp.resolve("g1.txt"), String.format(goroutines, 1100, 1100));
        Cli.Result g = Cli.run(tmp, "diff", "--fail-on-growth", "5%", "--fail-on-node-growth", "50", "g0.txt", "g1.txt");
        assertEquals(1, g.exitCode(), g.out() + g.err());
        assertFalse(g.out().contains("noise"), g.out());
        assertTrue(g.err().contains("--fail-on-node-growth 50 tripped: main.wait grew by +100"), g.err());
        r = Cli.run(MAP_CACHE, "diff", "heap_0.pb.gz", "heap_5.pb.gz");
        assertTrue(r.out().contains(" (sampling period 524288 bytes; sd = sqrt(period * (|base| + |current|)))\n"),
                r.out());
    }

    @Test
    void standardInputNamedTwiceIsAUsageError() throws Exception {
        byte[] heap = java.nio.file.Files.readAllBytes(MAP_CACHE.resolve("heap_5.pb.gz"));
        for (String[] args : List.of(new String[] {"diff", "-", "-"}, new String[] {"diff", "--base", "-", "-"})) {
            Cli.Result r = Cli.run(MAP_CACHE, new java.io.ByteArrayInputStream(heap), args);
            assertEquals(2, r.exitCode(), r.err());
            assertEquals("leakscope: standard input (-) can be read only once: name it at most once\n", r.err());
        }
    }

    @Test
    void everyControlSnapshotPairStaysWithinNoise() throws Exception {
        for (String scenario : new String[] {"go/control-churn", "node/control"}) {
            for (int a = 0; a < 6; a++) {
                for (int b = a + 1; b < 6; b++) {
                    Cli.Result r = Cli.run(TestData.corpus(scenario), "diff", "--fail-on-growth", "5%",
                            "--fail-on-node-growth", "5%", "heap_" + a + ".pb.gz", "heap_" + b + ".pb.gz");
                    assertEquals(0, r.exitCode(), scenario + " " + a + "->" + b + ": " + r.err());
                }
            }
        }
    }

    @Test
    void aGateInBytesOnCountsIsAUsageErrorNotASilentPass() {
        Cli.Result r = Cli.run(MAP_CACHE, "diff", "-i", "inuse_objects", "--fail-on-node-growth", "1MB",
                "heap_0.pb.gz", "heap_5.pb.gz");
        assertEquals(2, r.exitCode());
        assertEquals("", r.out(), "no report for a gate that cannot be checked");
        assertEquals("leakscope: --fail-on-node-growth 1MB is an amount of bytes, but the values compared are"
                + " inuse_objects (count): give a plain number or a percentage (e.g. 5%)\n", r.err());
        assertEquals(1, Cli.run(MAP_CACHE, "diff", "-i", "inuse_objects", "--fail-on-growth", "10", "heap_0.pb.gz",
                "heap_5.pb.gz").exitCode(), "a plain number of objects trips");
    }

    @Test
    void growthGateTripsWithOneLineReasonAndStillPrintsTheReport() {
        Cli.Result r = Cli.run(MAP_CACHE, "diff", "--fail-on-growth", "10%", "heap_0.pb.gz", "heap_5.pb.gz");
        assertEquals(1, r.exitCode());
        assertTrue(r.out().contains("cache.buildTree"), r.out());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("leakscope: gate --fail-on-growth 10% tripped: total grew by +32MB"), r.err());
        Cli.Result kb = Cli.run(MAP_CACHE, "diff", "--unit", "kB", "--fail-on-growth", "10%", "heap_0.pb.gz",
                "heap_5.pb.gz");
        assertEquals("leakscope: gate --fail-on-growth 10% tripped: total grew by +32770.56kB (8192.79kB -> 40963.35kB,"
                + " +400.0%)\n", kb.err(), "the reason follows --unit");

        assertEquals(0, Cli.run(MAP_CACHE, "diff", "--fail-on-growth", "64MB", "heap_0.pb.gz", "heap_5.pb.gz")
                .exitCode());
    }

    /** Every format says how the gates stand: the Markdown pasted in a CI summary says why the job failed. */
    @Test
    void theReportsSayWhetherTheGateTripped(@TempDir Path dir) throws IOException {
        String why = "--fail-on-growth 10% tripped: total grew by +32MB (8MB -> 40MB, +400.0%)";
        Cli.Result text = Cli.run(MAP_CACHE, "diff", "--fail-on-growth", "10%", "heap_0.pb.gz", "heap_5.pb.gz");
        assertEquals(1, text.exitCode());
        assertTrue(text.out().contains("\nGate:    " + why + "\n"), text.out());
        assertEquals("leakscope: gate " + why + "\n", text.err(), "stderr says it after \"gate\"");
        Cli.Result md = Cli.run(MAP_CACHE, "diff", "--fail-on-growth", "10%", "--format", "markdown", "heap_0.pb.gz",
                "heap_5.pb.gz");
        assertTrue(md.out().contains("\n- gate: " + why.replace(">", "\\>") + "\n\n"), md.out());
        JsonNode json = JSON.readTree(Cli.run(MAP_CACHE, "diff", "--fail-on-growth", "10%", "--format", "json",
                "heap_0.pb.gz", "heap_5.pb.gz").out());
        assertEquals(why, json.get("gate").get("reason").asText());
        Path page = dir.resolve("diff.html");
        Cli.run(MAP_CACHE, "diff", "--fail-on-growth", "10%", "--format", "html", "--output", page.toString(),
                "heap_0.pb.gz", "heap_5.pb.gz");
        assertTrue(Files.readString(page).contains("<dt>Gate</dt><dd>" + why.replace(">", "&gt;") + "</dd>"));

        Cli.Result held = Cli.run(MAP_CACHE, "diff", "--fail-on-growth", "64MB", "--fail-on-node-growth", "40MB",
                "--format", "markdown", "heap_0.pb.gz", "heap_5.pb.gz");
        assertEquals(0, held.exitCode(), held.err());
        assertTrue(held.out().contains("\n- gate: --fail-on-growth 64MB and --fail-on-node-growth 40MB held\n"), held.out());
        assertFalse(Cli.run(MAP_CACHE, "diff", "heap_0.pb.gz", "heap_5.pb.gz").out().contains("Gate:"));
    }

    @Test
    void aBaseNewerThanTheCurrentProfileGetsOneLineOfWarning() {
        Cli.Result swapped = Cli.run(MAP_CACHE, "diff", "--fail-on-growth", "10%", "heap_5.pb.gz", "heap_0.pb.gz");
        assertEquals(0, swapped.exitCode(), "a swapped pair trips no growth gate: what the warning is for");
        assertEquals("leakscope: warning: the base heap_5.pb.gz (2026-11-21 13:49:49 UTC) is newer than the current"
                + " profile heap_0.pb.gz (2026-11-21 13:49:49 UTC) by 268ms; swapped? The base comes first: a swapped"
                + " pair shows a leak as shrinkage and trips no growth gate\n", swapped.err());
        Cli.Result merged = Cli.run(MAP_CACHE, "diff", "--base", "heap_4.pb.gz", "--base", "heap_1.pb.gz",
                "heap_0.pb.gz", "heap_3.pb.gz");
        // sides that each add up a series: that is what is said (aSideThatAddsUpASeriesIsWarnedOf), no swap
        assertTrue(merged.err().startsWith("leakscope: warning: the base adds up 2 profiles"), merged.err());
        assertFalse(merged.err().contains("swapped"), merged.err());
        assertEquals("", Cli.run(MAP_CACHE, "diff", "heap_0.pb.gz", "heap_5.pb.gz").err());
        assertEquals("", Cli.run(MAP_CACHE, "diff", "heap_3.pb.gz", "heap_3.pb.gz").err(), "same time: no warning");
    }

    @Test
    void profilesOfDifferentProgramsGetOneLineOfWarning() {
        String node = Path.of("testdata/corpus/node/control/heap_3.pb.gz").toAbsolutePath().toString();
        Cli.Result r = Cli.run(MAP_CACHE, "diff", node, "heap_5.pb.gz");
        assertEquals(0, r.exitCode(), "a warning, not an error");
        assertTrue(r.out().contains("new       example.com/leakdemo/internal/cache.buildTree"), r.out());
        assertEquals("leakscope: warning: the base and the current profile have no node in common, so every change is"
                + " a node that is new or gone: are they profiles of the same program?\n", r.err());
        assertFalse(Cli.run(MAP_CACHE, "diff", "heap_0.pb.gz", "heap_5.pb.gz").err().contains("no node in common"));
        assertFalse(Cli.run(MAP_CACHE, "diff", "--focus", "Sprintf", "heap_0.pb.gz", "heap_5.pb.gz").err()
                .contains("no node in common"), "an empty side (here the base: no Sprintf in it) is not another program");
    }

    /**
     * A gate over nothing is an error, not a pass: filters that leave no sample (a module renamed since the
     * --focus was written), or --normalize, under which the total cannot grow.
     */
    @Test
    void aGateThatCannotTripIsAnError(@TempDir Path tmp) throws IOException {
        for (String[] filter : new String[][] {{"--focus", "nomatch"}, {"--hide", ".*"}}) {
            Cli.Result r = Cli.run(MAP_CACHE, "diff", filter[0], filter[1], "--fail-on-growth", "5%", "heap_0.pb.gz",
                    "heap_5.pb.gz");
            assertEquals(2, r.exitCode(), r.out() + r.err());
            assertTrue(r.err().endsWith("leakscope: no sample of either profile is left to compare (see the filters):"
                    + " the gates cannot be checked\n"), r.err());
        }
        assertEquals(0, Cli.run(MAP_CACHE, "diff", "--hide", ".*", "heap_0.pb.gz", "heap_5.pb.gz").exitCode(),
                "without a gate, an empty comparison is a report");
        // empty profiles, no filter: nothing to see in the filters
        Path empty = tmp.resolve("empty.pb.gz");
        Files.write(empty, new TestProfiles().sampleType("inuse_space", "bytes").gzipped());
        Cli.Result none = Cli.run(tmp, "diff", "--fail-on-growth", "5%", "empty.pb.gz", "empty.pb.gz");
        assertEquals(2, none.exitCode(), none.out() + none.err());
        assertTrue(none.err().endsWith("leakscope: no sample of either profile has a value: the gates cannot be checked\n"),
                none.err());
        Cli.Result normalized = Cli.run(MAP_CACHE, "diff", "--normalize", "--fail-on-growth", "5%", "heap_0.pb.gz",
                "heap_5.pb.gz");
        assertEquals(2, normalized.exitCode());
        assertEquals("leakscope: --fail-on-growth cannot trip with --normalize, which scales the base to the current"
                + " total: give one of them\n", normalized.err());
        assertEquals(0, Cli.run(MAP_CACHE, "diff", "--normalize", "--fail-on-node-growth", "1MB", "heap_0.pb.gz",
                "heap_5.pb.gz").exitCode(), "a node's share can still grow: the node gate is taken");
    }

    @Test
    void nodeGateNamesTheNodeAndAllowExemptsIt() {
        Cli.Result r = Cli.run(MAP_CACHE, "diff", "--fail-on-node-growth", "1MB", "heap_0.pb.gz", "heap_5.pb.gz");
        assertEquals(1, r.exitCode());
        assertEquals("leakscope: gate --fail-on-node-growth 1MB tripped: example.com/leakdemo/internal/cache.buildTree grew"
                + " by +31MB (7.50MB -> 38.50MB, +413.3%), 387.5% of the base total\n", r.err());
        Cli.Result allowed = Cli.run(MAP_CACHE, "diff", "--fail-on-node-growth", "1MB", "--allow", "buildTree",
                "heap_0.pb.gz", "heap_5.pb.gz");
        // the other growing nodes are within noise
        assertEquals(0, allowed.exitCode(), allowed.err());
    }

    @Test
    void profileAgainstItselfShowsNoChange() {
        Cli.Result r = Cli.run(MAP_CACHE, "diff", "--fail-on-growth", "0", "heap_3.pb.gz", "heap_3.pb.gz");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("No node changed."), r.out());
        assertTrue(r.out().contains(": 0"), r.out());
    }

    @Test
    void severalFilesPerSideAreMerged() throws Exception {
        JsonNode two = JSON.readTree(Cli.run(MAP_CACHE, "diff", "--format=json", "--base", "heap_0.pb.gz",
                "--base", "heap_1.pb.gz", "heap_4.pb.gz", "heap_5.pb.gz").out());
        assertEquals(2, two.get("inputs").get("base").size());
        assertEquals(2, two.get("inputs").get("current").size());
        JsonNode b0 = JSON.readTree(Cli.run(MAP_CACHE, "diff", "--format=json", "heap_0.pb.gz", "heap_4.pb.gz").out());
        JsonNode b1 = JSON.readTree(Cli.run(MAP_CACHE, "diff", "--format=json", "heap_1.pb.gz", "heap_5.pb.gz").out());
        long expected = b0.get("totals").get("base").asLong() + b1.get("totals").get("base").asLong();
        assertEquals(expected, two.get("totals").get("base").asLong());
        assertEquals(b0.get("totals").get("current").asLong() + b1.get("totals").get("current").asLong(),
                two.get("totals").get("current").asLong());
    }

    @Test
    void mismatchedSampleTypesAreAClearErrorNamingBothSides() {
        Path dir = TestData.corpus("go", "goroutine-leak");
        Cli.Result r = Cli.run(dir, "diff", "heap_0.pb.gz", "goroutine_5.pb.gz");
        assertEquals(2, r.exitCode());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("heap_0.pb.gz") && r.err().contains("goroutine_5.pb.gz"), r.err());
        assertTrue(r.out().isEmpty());
    }

    @Test
    void usageErrors() {
        assertEquals(2, Cli.run(MAP_CACHE, "diff", "heap_0.pb.gz").exitCode());
        assertEquals(2, Cli.run(MAP_CACHE, "diff", "--sort", "size", "heap_0.pb.gz", "heap_5.pb.gz").exitCode());
        assertEquals(2, Cli.run(MAP_CACHE, "diff", "--fail-on-growth", "5 percent", "heap_0.pb.gz", "heap_5.pb.gz")
                .exitCode());
        assertEquals(2, Cli.run(MAP_CACHE, "diff", "--allow", "(", "heap_0.pb.gz", "heap_5.pb.gz").exitCode());
        assertEquals(2, Cli.run(MAP_CACHE, "diff", "--format", "xml", "heap_0.pb.gz", "heap_5.pb.gz").exitCode());
    }

    @Test
    void withoutARecordedPeriodFlatControlsStillFlagNoGrowth() throws Exception {
        for (String scenario : new String[] {"java-asprof/control", "java-asprof/nativemem-direct-buffer-control"}) {
            JsonNode d = diffJson(scenario, "--nodefraction=0");
            assertFalse(d.get("noise").get("estimated").asBoolean());
            d.get("rows").forEach(r -> assertTrue(r.get("delta").asLong() <= 0, scenario + " " + r));
        }
    }

    /**
     * The native-memory control shrinks by 31 kB, almost all of it in JVM mallocs with no frame of the
     * program's own: a via that carried a few bytes of it would read "via renderTemplate: 0%".
     */
    @Test
    void aViaCarryingUnderOnePercentOfTheChangeIsNotNamed() throws Exception {
        JsonNode d = diffJson("java-asprof/nativemem-direct-buffer-control", "--nodefraction=0");
        assertTrue(d.get("rows").size() > 0);
        for (JsonNode r : d.get("rows")) {
            assertTrue(r.get("via").isNull() || 100 * Math.abs(r.get("viaDelta").asLong()) >= Math.abs(r.get("delta").asLong()),
                    r.toString());
        }
    }

    @Test
    void growthOnlyAndSortOrders() throws Exception {
        Path dir = TestData.corpus("node", "control");
        JsonNode all = JSON.readTree(Cli.run(dir, "diff", "--format=json", "heap_0.pb.gz", "heap_5.pb.gz").out());
        JsonNode growth = JSON.readTree(Cli.run(dir, "diff", "--format=json", "--growth-only",
                "heap_0.pb.gz", "heap_5.pb.gz").out());
        assertTrue(growth.get("rows").size() < all.get("rows").size());
        growth.get("rows").forEach(r -> assertTrue(r.get("delta").asLong() > 0));
        JsonNode byName = JSON.readTree(Cli.run(dir, "diff", "--format=json", "--sort=name",
                "heap_0.pb.gz", "heap_5.pb.gz").out());
        List<String> names = new ArrayList<>();
        byName.get("rows").forEach(r -> names.add(r.get("name").asText()));
        assertEquals(names.stream().sorted().toList(), names);
    }

    @Test
    void jsonCarriesSchemaTotalsAndRawIntegers() throws Exception {
        Cli.Result r = Cli.run(MAP_CACHE, "diff", "--format=json", "heap_0.pb.gz", "heap_5.pb.gz");
        JsonNode d = JSON.readTree(r.out());
        assertEquals("leakscope.diff/v1", d.get("schema").asText());
        assertEquals("inuse_space", d.get("sampleType").get("type").asText());
        JsonNode first = d.get("rows").get(0);
        assertTrue(first.get("delta").isIntegralNumber());
        assertEquals(first.get("current").asLong() - first.get("base").asLong(), first.get("delta").asLong());
        assertEquals(d.get("totals").get("current").asLong() - d.get("totals").get("base").asLong(),
                d.get("totals").get("delta").asLong());
        assertFalse(d.get("gate").get("tripped").asBoolean());
    }

    @Test
    void textHasNoColourOffATerminalAndMarkdownIsATable() {
        Cli.Result text = Cli.run(MAP_CACHE, "diff", "heap_0.pb.gz", "heap_5.pb.gz");
        assertFalse(text.out().contains("\u001b["));
        Cli.Result md = Cli.run(MAP_CACHE, "diff", "--format=markdown", "heap_0.pb.gz", "heap_5.pb.gz");
        assertTrue(md.out().contains("|--:|--:|--:|--:|--:|--:|:--|:--|"), md.out());
        // the text report's units
        assertTrue(md.out().contains("| 1 | +31MB | +413.3% | 7.50MB | 38.50MB | 96.9% |  |"), md.out());
        assertTrue(text.out().contains("    1       +31MB  +413.3%     7.50MB    38.50MB   96.9%"), text.out());
    }

    @Test
    void markdownKeepsWithinMaxChars() {
        Cli.Result full = Cli.run(MAP_CACHE, "diff", "--format=markdown", "heap_0.pb.gz", "heap_5.pb.gz");
        String lastRow = "| 3 | +512.01kB | new | 0 | 512.01kB | 1.6% | new, noise | `fmt.Sprintf` |\n";
        assertTrue(full.out().endsWith(lastRow), full.out());
        assertEquals(full.out(), Cli.run(MAP_CACHE, "diff", "--format=markdown", "--max-chars", ""
                + full.out().length(), "heap_0.pb.gz", "heap_5.pb.gz").out(), "a report that fits is whole");
        // one character too long: whole rows go, as many as the note needs room for
        int budget = full.out().length() - 1;
        Cli.Result cut = Cli.run(MAP_CACHE, "diff", "--format=markdown", "--max-chars", "" + budget,
                "heap_0.pb.gz", "heap_5.pb.gz");
        assertEquals(0, cut.exitCode(), cut.err());
        assertTrue(cut.out().length() <= budget, cut.out());
        assertTrue(cut.out().contains("| 1 | +31MB |"), cut.out());
        assertFalse(cut.out().contains("| 2 |"), cut.out());
        assertTrue(cut.out().endsWith("cache.buildTree` |\n\n_2 more rows cut to fit `--max-chars " + budget
                + "`; `--format text` or `--format json` shows them._\n"), cut.out());
        for (String[] args : new String[][] {{"top", "600"}, {"trend", "700"}, {"focus", "900", "cache"}}) {
            List<String> line = new ArrayList<>(List.of(args[0]));
            line.addAll(List.of(args).subList(2, args.length));
            line.addAll(List.of("--format=markdown", "--max-chars", args[1], "heap_0.pb.gz", "heap_5.pb.gz"));
            Cli.Result r = Cli.run(MAP_CACHE, line.toArray(String[]::new));
            assertEquals(0, r.exitCode(), r.err());
            assertTrue(r.out().length() <= Integer.parseInt(args[1]), line + ": " + r.out().length() + "\n" + r.out());
            assertTrue(r.out().contains(" cut to fit `--max-chars " + args[1] + "`"), line + ": " + r.out());
        }
        // a budget smaller than the header: the header and the note stay, every row goes (as --help says)
        Cli.Result tiny = Cli.run(MAP_CACHE, "diff", "--format=markdown", "--max-chars", "10", "heap_0.pb.gz",
                "heap_5.pb.gz");
        assertEquals(0, tiny.exitCode(), tiny.err());
        assertTrue(tiny.out().startsWith("**leakscope diff** of `inuse_space`"), tiny.out());
        assertFalse(tiny.out().contains("| 1 |"), tiny.out());
        assertTrue(tiny.out().endsWith("\n_3 more rows cut to fit `--max-chars 10`; `--format text` or `--format json`"
                + " shows them._\n"), tiny.out());
        Cli.Result zero = Cli.run(MAP_CACHE, "diff", "--format=markdown", "--max-chars", "0", "heap_0.pb.gz",
                "heap_5.pb.gz");
        assertEquals(2, zero.exitCode());
        assertEquals("leakscope: --max-chars must be 1 or more, not 0\n", zero.err());
    }

    @Test
    void filtersApplyToBothSidesAndAreShownInTheHeader() throws Exception {
        JsonNode all = JSON.readTree(Cli.run(MAP_CACHE, "diff", "--format=json", "heap_0.pb.gz", "heap_5.pb.gz").out());
        JsonNode ignored = JSON.readTree(Cli.run(MAP_CACHE, "diff", "--format=json", "--nodefraction=0",
                "--ignore", "buildTree", "heap_0.pb.gz", "heap_5.pb.gz").out());
        assertEquals("[\"ignore=buildTree\"]", ignored.get("options").get("filters").toString());
        JsonNode leak = all.get("rows").get(0);
        assertTrue(leak.get("name").asText().endsWith("cache.buildTree"), leak.toString());
        ignored.get("rows").forEach(r -> assertFalse(r.get("name").asText().contains("buildTree"), r.toString()));
        // the totals are of the kept samples: both sides lost buildTree's values
        assertEquals(all.get("totals").get("base").asLong() - leak.get("base").asLong(),
                ignored.get("totals").get("base").asLong());
        assertEquals(all.get("totals").get("current").asLong() - leak.get("current").asLong(),
                ignored.get("totals").get("current").asLong());

        Cli.Result focused = Cli.run(MAP_CACHE, "diff", "--focus", "buildTree", "--hide", "runtime",
                "heap_0.pb.gz", "heap_5.pb.gz");
        assertEquals(0, focused.exitCode(), focused.err());
        assertTrue(focused.out().contains("filtered by focus=buildTree, hide=runtime (totals are of the kept samples)"),
                focused.out());
        assertTrue(focused.out().contains("Total:   7.50MB -> 38.50MB: +31MB"), focused.out());

        Cli.Result none = Cli.run(MAP_CACHE, "diff", "--focus", "nothing-matches", "heap_0.pb.gz", "heap_5.pb.gz");
        assertEquals("leakscope: warning: Focus expression matched no samples\n", none.err().replace("\r", ""));
        // the report says why nothing changed, for whoever reads it without stderr (once on stderr all the same)
        assertTrue(none.out().contains("Note:    Focus expression matched no samples\nNo node changed."), none.out());
        for (String format : List.of("markdown", "json", "html")) {
            Cli.Result r = Cli.run(MAP_CACHE, "diff", "--focus", "nothing-matches", "heap_0.pb.gz", "heap_5.pb.gz",
                    "--format", format);
            assertEquals("leakscope: warning: Focus expression matched no samples\n", r.err().replace("\r", ""));
            assertTrue(r.out().contains("Focus expression matched no samples"), format + ":\n" + r.out());
        }
        // a function only the current profile has matched: no notice
        Cli.Result newOnly = Cli.run(MAP_CACHE, "diff", "--focus", "fmt", "heap_0.pb.gz", "heap_5.pb.gz");
        assertEquals("", newOnly.err());
        assertTrue(newOnly.out().contains("fmt.Sprintf"), newOnly.out());
    }

    /** The HTML page says how the sample types were brought onto one set, as the text report's Harmonized: line. */
    @Test
    void theHtmlPageHasTheHarmonizedFact(@TempDir Path dir) throws IOException {
        String base = TestData.corpus("node", "control", "heap_0.pb.gz").toAbsolutePath().toString();
        Cli.Result text = Cli.run(MAP_CACHE, "diff", base, "heap_5.pb.gz");
        String line = text.out().lines().filter(l -> l.startsWith("Harmonized: ")).findFirst().orElseThrow();
        Path page = dir.resolve("diff.html");
        Cli.run(MAP_CACHE, "diff", base, "heap_5.pb.gz", "--format", "html", "-o", page.toString());
        assertTrue(Files.readString(page).contains("<dt>Type</dt><dd>inuse_space (bytes); flat per function")
                && Files.readString(page).contains("<dt>Harmonized</dt><dd>"
                + Html.text(line.substring("Harmonized: ".length())) + "</dd>\n<dt>Total</dt>"),
                line);
    }

    /** Markdown's count of the rows --nodefraction hides takes the singular for one. */
    @Test
    void oneChangedNodeHiddenIsOne() {
        Cli.Result md = Cli.run(Path.of("testdata/jvm-leak/jfr").toAbsolutePath(), "diff", "--format", "markdown",
                "before-any-old-object.jfr.gz", "no-old-objects.jfr.gz");
        assertEquals(0, md.exitCode(), md.err());
        assertTrue(md.out().endsWith("\n_1 more changed node not shown; `--nodefraction 0 --nodecount 0` shows it._\n"),
                md.out());
    }

    /** A shrinking node --growth-only left out is not shown by --nodefraction 0 --nodecount 0: each format says so. */
    @Test
    void theHintToShowAllNamesGrowthOnly(@TempDir Path dir) throws IOException {
        Path series = Path.of("testdata/go-debug1-series").toAbsolutePath();
        String[] args = {"diff", "--growth-only", "heap_0.pb.gz", "heap_5.pb.gz"};
        assertTrue(Cli.run(series, args).out().contains("Showing 1 of 2 changed nodes (--nodefraction 0 --nodecount 0"
                + " without --growth-only shows all)"));
        Cli.Result md = Cli.run(series, concat(args, "--format", "markdown"));
        assertTrue(md.out().endsWith("\n_1 more changed node not shown; `--nodefraction 0 --nodecount 0` without"
                + " `--growth-only` shows it._\n"), md.out());
        Path page = dir.resolve("diff.html");
        Cli.run(series, concat(args, "--format", "html", "-o", page.toString()));
        assertTrue(Files.readString(page).contains("(--nodefraction 0 --nodecount 0 without --growth-only shows all)"));
        // no shrinking node: the usual hint
        assertTrue(Cli.run(MAP_CACHE, "diff", "--growth-only", "-n", "1", "heap_0.pb.gz", "heap_5.pb.gz").out()
                .contains("Showing 1 of 3 changed nodes (--nodefraction 0 --nodecount 0 shows all)"));
    }

    private static String[] concat(String[] args, String... more) {
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }

    /** diff heap_* adds up heap_1…heap_5 as the current profile: a series summed, which is said. */
    @Test
    void aSideThatAddsUpASeriesIsWarnedOf() {
        Cli.Result glob = Cli.run(MAP_CACHE, "diff", "heap_0.pb.gz", "heap_1.pb.gz", "heap_2.pb.gz", "heap_3.pb.gz",
                "heap_4.pb.gz", "heap_5.pb.gz");
        assertEquals(0, glob.exitCode());
        assertEquals("leakscope: warning: the current profile adds up 5 profiles taken over 236ms (heap_1.pb.gz …"
                + " heap_5.pb.gz): the files of a side are merged, as replicas of one moment are; to compare two moments"
                + " name one file per side, or run diff DIR (its oldest profile against its newest) or trend\n", glob.err());
        // profiles of one moment (here one file twice), or of a short span against the diff's, are replicas
        assertEquals("", Cli.run(MAP_CACHE, "diff", "heap_0.pb.gz", "heap_5.pb.gz", "heap_5.pb.gz").err());
        assertEquals("", Cli.run(MAP_CACHE, "diff", "heap_0.pb.gz", "heap_4.pb.gz", "heap_5.pb.gz").err());
        // each side that is a series is named; a merged base newer than the current side is no swap
        String both = Cli.run(MAP_CACHE, "diff", "--base", "heap_0.pb.gz", "--base", "heap_3.pb.gz", "heap_2.pb.gz",
                "heap_5.pb.gz").err();
        assertTrue(both.startsWith("leakscope: warning: the base adds up 2 profiles taken over 188ms"), both);
        assertTrue(both.contains("\nleakscope: warning: the current profile adds up 2 profiles taken over 162ms"), both);
        String newer = Cli.run(MAP_CACHE, "diff", "--base", "heap_0.pb.gz", "--base", "heap_5.pb.gz", "heap_2.pb.gz").err();
        assertTrue(newer.startsWith("leakscope: warning: the base adds up 2 profiles"), newer);
        assertFalse(newer.contains("swapped"), newer);
    }

    @Test
    void sharesAreOfAllGrowthAndOfAllShrinkage() throws Exception {
        JsonNode d = JSON.readTree(Cli.run(TestData.corpus("node", "control"), "diff", "--format=json",
                "--nodefraction=0", "heap_0.pb.gz", "heap_5.pb.gz").out());
        double growth = 0;
        double shrink = 0;
        long grossGrowth = 0;
        long grossShrink = 0;
        for (JsonNode r : d.get("rows")) {
            long delta = r.get("delta").asLong();
            if (delta > 0) {
                growth += r.get("share").asDouble();
                grossGrowth += delta;
            } else {
                shrink += r.get("share").asDouble();
                grossShrink -= delta;
            }
        }
        assertTrue(grossGrowth > 0 && grossShrink > 0, "the control both grows and shrinks somewhere");
        assertEquals(100, growth, 0.1);
        assertEquals(-100, shrink, 0.1);
        assertEquals(grossGrowth, d.get("totals").get("grossGrowth").asLong());
        assertEquals(grossShrink, d.get("totals").get("grossShrink").asLong());
    }

    /**
     * async-profiler's converter writes the sampled objects' own sizes, not estimates: its 512 KiB interval
     * as --sampling-period made the +1515% leak noise and held the gate, and the help offered it as the
     * example. The help says what the option is for and that it is not for async-profiler's values.
     */
    @Test
    void samplingPeriodHelpDoesNotOfferAsyncProfilersInterval() {
        String help = Cli.run(MAP_CACHE, "diff", "--help").out().replaceAll("\\s+", " ");
        assertFalse(help.contains("async-profiler's converter does not"), help);
        assertTrue(help.contains("async-profiler's values are no such estimates but the sampled objects' own sizes: its"
                + " interval would overstate their noise many times"), help);
        Cli.Result r = Cli.run(SharedCorpus.corpus("java-asprof", "static-list-leak"), "diff", "--fail-on-growth",
                "10%", "heap_0.pb.gz", "heap_5.pb.gz");
        assertEquals(1, r.exitCode(), "the leak trips the gate: " + r.out());
        assertTrue(r.out().contains("\nNoise:   not estimated (async-profiler samples objects at an interval the"
                + " profile does not give, and its values are the sampled objects' own sizes, not estimates of the heap):"
                + " every change counts as real\n"), r.out());
        assertFalse(r.out().contains("--sampling-period"), "no period to suggest: " + r.out());
    }

    /** A byte size as the period of counts is refused as the gates refuse it, and a plain number is taken. */
    @Test
    void aSamplingPeriodInBytesOnCountsIsRefused() {
        Path dir = SharedCorpus.corpus("java-asprof", "static-list-leak-live-count");
        Cli.Result r = Cli.run(dir, "diff", "--sampling-period", "512KiB", "heap_0.pb.gz", "heap_5.pb.gz");
        assertEquals(2, r.exitCode(), r.out());
        assertEquals("", r.out());
        assertEquals("leakscope: --sampling-period 512KiB is an amount of bytes, but the values compared are"
                + " allocations (count): give a plain number (one sample every N on average)\n", r.err());
        Cli.Result plain = Cli.run(MAP_CACHE, "diff", "-i", "inuse_objects", "--sampling-period", "100",
                "heap_0.pb.gz", "heap_5.pb.gz");
        assertEquals(0, plain.exitCode(), plain.err());
        assertTrue(plain.out().contains("(sampling period 100 count, as --sampling-period states; sd = "), plain.out());
        // a period of 0 (it was taken as none) is refused before any input is read
        Cli.Result zero = Cli.run(MAP_CACHE, "diff", "--sampling-period", "0", "nosuch_0.pb.gz", "nosuch_5.pb.gz");
        assertEquals("leakscope: --sampling-period must be more than 0, got '0'\n", zero.err());
    }

    /**
     * The Noise line says why there is no estimate as it is: Flight Recorder's old-object samples are a
     * reservoir, not every value (they said "sampling period 1"); async-profiler's recording gives no
     * interval; a class histogram counts every object; Go's period in bytes does not apply to counts.
     */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "jfr/static-list-leak;;dump_0.jfr;dump_5.jfr;a change within 3 standard deviations of sampling error is"
                + " marked noise (the values count objects jdk.OldObjectSample sampled, a reservoir of at most 256 kept,"
                + " not a sample at a known period: sd = sqrt(|base| + |current|), as for counts of random samples)",
        "java-asprof/static-list-leak/jfr;-i=live_space;heap_0.jfr;heap_5.jfr;not estimated (async-profiler samples"
                + " objects at an interval the profile does not give, and its values are the sampled objects' own"
                + " sizes, not estimates of the heap): every change counts as real",
        "java-asprof/static-list-leak/jfr;-i=live_objects;heap_0.jfr;heap_5.jfr;a change within 3 standard deviations"
                + " of sampling error is marked noise (the values count objects async-profiler sampled, at an interval"
                + " the profile does not give: sd = sqrt(|base| + |current|), as for counts of random samples)",
        "jfr/static-list-leak;-i=alloc_space;dump_0.jfr;dump_5.jfr;not estimated (Flight Recorder's allocation"
                + " events are taken per TLAB or at a throttled rate, not at a known period): every change counts as real",
        ";-i=inuse_objects;heap_0.pb.gz;heap_5.pb.gz;not estimated (the profile's sampling period, 524288 bytes, does"
                + " not apply to values in count): every change counts as real",
        "jvm-leak;;histograms/histo-20261206T202031Z.txt;histograms/histo-20261206T202040Z.txt;no sampling error: a"
                + " class histogram counts every object, so every change counts as real",
    })
    void theNoiseLineSaysWhyThereIsNoEstimate(String dir, String option, String base, String current, String line) {
        Path where = dir == null ? MAP_CACHE : dir.equals("jvm-leak") ? Path.of("testdata/jvm-leak").toAbsolutePath()
                : SharedCorpus.corpus(dir);
        List<String> args = new ArrayList<>(List.of("diff"));
        if (option != null) {
            args.add(option);
        }
        args.addAll(List.of(base, current));
        Cli.Result r = Cli.run(where, args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("\nNoise:   " + line + "\n"), r.out());
        assertFalse(r.out().contains("sampling period 1;"), r.out());
    }

    /**
     * An allocation type grows without a leak: diff says so in every format, in trend's words, and a Flight
     * Recorder recording counts from its start, not the process's (for trend too).
     */
    @Test
    void allocationTypesCarryTrendsNoteInEveryFormat(@TempDir Path dir) throws IOException {
        String note = "alloc_space counts every allocation since the process started, so it grows without a leak;"
                + " an inuse_ type shows what is retained";
        String[] pair = {"-i", "alloc_space", "heap_0.pb.gz", "heap_5.pb.gz"};
        assertTrue(Cli.run(MAP_CACHE, cat(new String[] {"diff"}, pair)).out().contains("\nNote:    " + note + "\n"));
        assertTrue(Cli.run(MAP_CACHE, cat(new String[] {"diff", "--format", "markdown"}, pair)).out()
                .contains("\n- note: " + note.replace("_", "\\_") + "\n"));
        JsonNode json = JSON.readTree(Cli.run(MAP_CACHE, cat(new String[] {"diff", "--format", "json"}, pair)).out());
        assertEquals(List.of(note), JSON.convertValue(json.get("notes"), List.class));
        Path page = dir.resolve("diff.html");
        Cli.run(MAP_CACHE, cat(new String[] {"diff", "--format", "html", "--output", page.toString()}, pair));
        assertTrue(Files.readString(page).contains("<dt>Note</dt><dd>" + note + "</dd>"));
        assertTrue(Cli.run(MAP_CACHE, "trend", "-i", "alloc_space", "heap_0.pb.gz", "heap_1.pb.gz").out()
                .contains("Note: " + note + "\n"), "trend's words");
        assertFalse(Cli.run(MAP_CACHE, "diff", "heap_0.pb.gz", "heap_5.pb.gz").out().contains("Note:"));

        Path jfr = SharedCorpus.corpus("jfr", "static-list-leak");
        String recording = "alloc_space counts every allocation since the recording started, so it grows without a"
                + " leak; a live_ type shows what is retained";
        assertTrue(Cli.run(jfr, "diff", "-i", "alloc_space", "dump_0.jfr", "dump_5.jfr").out()
                .contains("\nNote:    " + recording + "\n"));
        assertTrue(Cli.run(jfr, "trend", "-i", "alloc_space", "dump_0.jfr", "dump_1.jfr", "dump_5.jfr").out()
                .contains("Note: " + recording + "\n"));
    }

    private static String[] cat(String[] a, String[] b) {
        List<String> all = new ArrayList<>(List.of(a));
        all.addAll(List.of(b));
        return all.toArray(String[]::new);
    }

    /** What text and Markdown say beside the rows is in JSON's notes too: here the cap of old-object samples. */
    @Test
    void jsonCarriesTheReportsCaveats() throws IOException {
        Path jfr = SharedCorpus.corpus("jfr", "static-list-leak");
        JsonNode json = JSON.readTree(Cli.run(jfr, "diff", "--format", "json", "dump_0.jfr", "dump_5.jfr").out());
        assertEquals(List.of("current dump_5.jfr: 255 of at most 256 samples kept: near the cap their number stops"
                + " growing"), JSON.convertValue(json.get("notes"), List.class));
        Cli.Result swapped = Cli.run(MAP_CACHE, "diff", "--format", "json", "heap_5.pb.gz", "heap_0.pb.gz");
        JsonNode notes = JSON.readTree(swapped.out()).get("notes");
        assertEquals(1, notes.size(), notes.toString());
        assertEquals(swapped.err(), "leakscope: warning: " + notes.get(0).asText() + "\n", "stderr's warning, as a note");
        assertEquals(0, JSON.readTree(Cli.run(MAP_CACHE, "diff", "--format", "json", "heap_0.pb.gz", "heap_5.pb.gz")
                .out()).get("notes").size());
    }

    /**
     * JSON says which gates were given and how each stands (two that held read otherwise as no gate at all),
     * and when two trip, every format names both, stderr in one line.
     */
    @Test
    void everyGateIsStatedAndEveryTrippedOneNamed(@TempDir Path dir) throws IOException {
        JsonNode held = JSON.readTree(Cli.run(MAP_CACHE, "diff", "--fail-on-growth", "1000%", "--fail-on-node-growth",
                "100MB", "--format", "json", "heap_0.pb.gz", "heap_5.pb.gz").out()).get("gate");
        assertEquals(JSON.readTree("{\"tripped\": false, \"reason\": null, \"gates\": ["
                + "{\"option\": \"--fail-on-growth\", \"threshold\": \"1000%\", \"tripped\": false, \"reason\": null},"
                + "{\"option\": \"--fail-on-node-growth\", \"threshold\": \"100MB\", \"tripped\": false,"
                + " \"reason\": null}]}"), held);

        String total = "--fail-on-growth 10% tripped: total grew by +32MB (8MB -> 40MB, +400.0%)";
        String node = "--fail-on-node-growth 1MB tripped: example.com/leakdemo/internal/cache.buildTree grew by +31MB"
                + " (7.50MB -> 38.50MB, +413.3%), 387.5% of the base total";
        String[] both = {"--fail-on-growth", "10%", "--fail-on-node-growth", "1MB", "heap_0.pb.gz", "heap_5.pb.gz"};
        Cli.Result text = Cli.run(MAP_CACHE, cat(new String[] {"diff"}, both));
        assertEquals(1, text.exitCode());
        assertTrue(text.out().contains("\nGate:    " + total + "; " + node + "\n"), text.out());
        assertEquals("leakscope: gate " + total + "; " + node + "\n", text.err());
        assertTrue(Cli.run(MAP_CACHE, cat(new String[] {"diff", "--format", "markdown"}, both)).out()
                .contains("\n- gate: " + (total + "; " + node).replace(">", "\\>") + "\n"));
        Path page = dir.resolve("diff.html");
        Cli.run(MAP_CACHE, cat(new String[] {"diff", "--format", "html", "--output", page.toString()}, both));
        assertTrue(Files.readString(page).contains("<dt>Gate</dt><dd>" + (total + "; " + node).replace(">", "&gt;")));
        JsonNode gate = JSON.readTree(Cli.run(MAP_CACHE, cat(new String[] {"diff", "--format", "json"}, both)).out())
                .get("gate");
        assertEquals(total + "; " + node, gate.get("reason").asText());
        assertEquals(total, gate.get("gates").get(0).get("reason").asText());
        assertEquals(node, gate.get("gates").get(1).get("reason").asText());

        Cli.Result one = Cli.run(MAP_CACHE, "diff", "--fail-on-growth", "10%", "--fail-on-node-growth", "100MB",
                "heap_0.pb.gz", "heap_5.pb.gz");
        assertTrue(one.out().contains("\nGate:    " + total + "; --fail-on-node-growth 100MB held\n"), one.out());
        assertEquals("leakscope: gate " + total + "\n", one.err());
    }

    /**
     * A gate that held only because sampling noise explains the growth past its threshold says so, with the
     * growth and the margin, in every format (JSON: the gate's own reason; stderr's, of tripped gates, stays
     * null); trend's words it alike (TrendCommandTest).
     */
    @Test
    void aGateThatNoiseHeldSaysSo(@TempDir Path dir) throws IOException {
        String total = "--fail-on-growth 5% held: total grew by +484.82kB (5.12MB -> 5.60MB, +9.2%), within sampling"
                + " noise (3 standard deviations: 2.46MB)";
        Path control = TestData.corpus("node", "control");
        Cli.Result text = Cli.run(control, "diff", "--fail-on-growth", "5%", "heap_0.pb.gz", "heap_5.pb.gz");
        assertEquals(0, text.exitCode(), text.err());
        assertEquals("", text.err());
        assertTrue(text.out().contains("\nGate:    " + total + "\n"), text.out());
        assertTrue(Cli.run(control, "diff", "--fail-on-growth", "5%", "--format", "markdown", "heap_0.pb.gz",
                "heap_5.pb.gz").out().contains("\n- gate: " + total.replace(">", "\\>") + "\n"));
        Path page = dir.resolve("diff.html");
        Cli.run(control, "diff", "--fail-on-growth", "5%", "--format", "html", "--output", page.toString(),
                "heap_0.pb.gz", "heap_5.pb.gz");
        assertTrue(Files.readString(page).contains("<dt>Gate</dt><dd>" + total.replace(">", "&gt;") + "</dd>"));
        JsonNode gate = JSON.readTree(Cli.run(control, "diff", "--fail-on-growth", "5%", "--format", "json",
                "heap_0.pb.gz", "heap_5.pb.gz").out()).get("gate");
        assertFalse(gate.get("tripped").asBoolean());
        assertTrue(gate.get("reason").isNull(), gate.toString());
        assertEquals(total, gate.get("gates").get(0).get("reason").asText());

        // the node gate: buildTree allowed, the first node past 100kB is new and within noise
        String node = "--fail-on-node-growth 100kB held: example.com/leakdemo/internal/cache.(*Cache).Get grew by"
                + " +512.02kB (0 -> 512.02kB), 6.2% of the base total, within sampling noise (3 standard deviations:"
                + " 1.50MB)";
        Cli.Result allowed = Cli.run(MAP_CACHE, "diff", "--fail-on-growth", "1000%", "--fail-on-node-growth", "100kB",
                "--allow", "buildTree", "heap_0.pb.gz", "heap_5.pb.gz");
        assertEquals(0, allowed.exitCode(), allowed.err());
        assertTrue(allowed.out().contains("\nGate:    --fail-on-growth 1000% held; " + node + "\n"), allowed.out());
        // a tripped gate is said first, then the one noise held
        String tripped = "--fail-on-growth 10% tripped: total grew by +32MB (8MB -> 40MB, +400.0%)";
        Cli.Result both = Cli.run(MAP_CACHE, "diff", "--fail-on-growth", "10%", "--fail-on-node-growth", "100kB",
                "--allow", "buildTree", "heap_0.pb.gz", "heap_5.pb.gz");
        assertEquals(1, both.exitCode(), both.out());
        assertTrue(both.out().contains("\nGate:    " + tripped + "; " + node + "\n"), both.out());
        assertEquals("leakscope: gate " + tripped + "\n", both.err(), "stderr names the tripped gates only");
    }

    /** A Java row reads "java.lang.Object[] (via leak/SessionRegistry.register: 100%)": --allow matches the via too. */
    @Test
    void allowMatchesTheRowsVia() {
        Path dir = SharedCorpus.corpus("java-asprof", "static-list-leak");
        Cli.Result tripped = Cli.run(dir, "diff", "--fail-on-node-growth", "100KB", "heap_0.pb.gz", "heap_5.pb.gz");
        assertEquals(1, tripped.exitCode(), tripped.out());
        Cli.Result allowed = Cli.run(dir, "diff", "--fail-on-node-growth", "100KB", "--allow", "SessionRegistry",
                "heap_0.pb.gz", "heap_5.pb.gz");
        assertEquals(0, allowed.exitCode(), allowed.err());
        assertTrue(allowed.out().contains("\nGate:    --fail-on-node-growth 100KB held\n"), allowed.out());
        assertEquals(1, Cli.run(dir, "diff", "--fail-on-node-growth", "100KB", "--allow", "Unrelated",
                "heap_0.pb.gz", "heap_5.pb.gz").exitCode());
    }

    /** A delta of +12876.5% is wider than its column: the column widens, and every name starts under "name". */
    @Test
    void columnsAreAsWideAsTheirWidestCell() {
        Cli.Result r = Cli.run(SharedCorpus.corpus("jfr", "static-list-leak"), "diff", "-i", "alloc_space",
                "dump_0.jfr", "dump_5.jfr");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().dropWhile(l -> !l.startsWith(" rank")).toList();
        assertTrue(r.out().contains("+12876.5%"), r.out());
        int name = lines.get(0).indexOf(" name") + 1;
        int pct = lines.get(0).indexOf("delta%") + "delta%".length();
        for (String l : lines.subList(1, lines.size())) {
            assertEquals(' ', l.charAt(name - 1), l);
            assertTrue(Character.isLetter(l.charAt(name)) || l.charAt(name) == '[', l);
            assertEquals('%', l.charAt(pct - 1), "delta% right-aligned under its head: " + l);
        }
    }

    private static JsonNode diffJson(String scenario, String option) throws Exception {
        List<String> args = new ArrayList<>(List.of("diff", "--format=json"));
        if (option != null) {
            args.add(option);
        }
        args.addAll(List.of("heap_0.pb.gz", "heap_5.pb.gz"));
        Cli.Result r = Cli.run(TestData.corpus(scenario), args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.err());
        return JSON.readTree(r.out());
    }

    /**
     * A Go scenario's directory holds each snapshot as proto and as debug=1 text: diff DIR compares its
     * oldest snapshot with its newest (heap_init before heap_0, the text forms at their proto twins'
     * times), each in the form that has the time; a side made of it counts each snapshot twice, and one
     * line says so, as trend's does.
     */
    @Test
    void aDirectoryOfEachSnapshotInTwoFormsGetsAWarningThatNamesThem(@TempDir Path tmp) throws IOException {
        Path go = Files.createDirectory(tmp.resolve("go"));
        for (String k : new String[] {"0", "1", "init"}) {
            for (String form : new String[] {".pb.gz", ".txt"}) {
                Files.copy(TestData.corpus("go", "map-cache", "heap_" + k + form), go.resolve("heap_" + k + form));
            }
        }
        String warning = "leakscope: warning: go/heap_0.pb.gz and go/heap_0.txt (and 2 more such pairs) look like"
                + " one snapshot saved in two forms, which the diff counts as two; give one form only (e.g. *.pb.gz)\n";
        Cli.Result whole = Cli.run(tmp, "diff", "go");
        assertEquals(0, whole.exitCode(), whole.err());
        assertEquals("", whole.err());
        assertTrue(whole.out().startsWith("Base:    go/heap_init.pb.gz (673 bytes, 2026-11-21 13:49:49 UTC)\n"
                + "Current: go/heap_1.pb.gz (1514 bytes, 2026-11-21 13:49:49 UTC)\n"), whole.out());
        Cli.Result side = Cli.run(tmp, "diff", "go/heap_init.pb.gz", "go");
        assertEquals(0, side.exitCode(), side.err());
        assertTrue(side.err().startsWith(warning), side.err());
        assertEquals("", Cli.run(tmp, "diff", "go/heap_init.pb.gz", "go/heap_1.pb.gz").err());
    }

    /** diff DIR whose profiles' times do not order them compares the first and last by name, and says so. */
    @Test
    void aDirectoryNotInTimeOrderIsComparedByNameWithAWarning(@TempDir Path tmp) throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("d"));
        for (String f : new String[] {"heap_0.pb.gz", "heap_1.pb.gz", "heap_2.txt"}) {
            Files.copy(TestData.corpus("go", "map-cache", f), dir.resolve(f));
        }
        Cli.Result r = Cli.run(tmp, "diff", "d");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("leakscope: warning: d: 1 of 3 profiles has no timestamp, so the diff compares the first and"
                + " the last profile by name: d/heap_0.pb.gz and d/heap_2.txt\n", r.err());
    }

    /** diff DIR of a directory holding several kinds of profile: the error says why and what to do. */
    @Test
    void aDirectoryWhoseEndsAreOfDifferentKindsSaysToNameTheTwo(@TempDir Path tmp) throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("d"));
        for (String f : new String[] {"heap_0.pb.gz", "goroutine_1.pb.gz"}) {
            Files.copy(TestData.corpus("go", "goroutine-leak", f), dir.resolve(f));
        }
        Cli.Result r = Cli.run(tmp, "diff", "d");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().startsWith("leakscope: no sample type is common to all inputs: d/heap_0.pb.gz has ["), r.err());
        assertTrue(r.err().endsWith(" has [goroutine/count]; diff DIR compares the oldest profile in d with the newest,"
                + " and these are of different kinds: name the two to compare (diff BASE CURRENT)\n"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }
}
