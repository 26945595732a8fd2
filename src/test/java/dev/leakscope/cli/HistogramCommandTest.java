package dev.leakscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leakscope.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class-histogram series of testdata/jvm-leak/histograms (six {@code jcmd GC.class_histogram}
 * of its program, one step of 2000 requests apart) through the commands: the leaking
 * {@code leak.Session} comes first, the bounded cache's {@code leak.CacheEntry} is not flagged.
 */
class HistogramCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path TESTDATA = Path.of("testdata/jvm-leak").toAbsolutePath();

    @Test
    void trendOfTheDirectoryRanksTheLeakingClassFirst() throws Exception {
        Cli.Result r = Cli.run(TESTDATA, "trend", "--format=json", "histograms");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode trend = JSON.readTree(r.out());
        assertEquals("time", trend.get("order").asText());
        assertEquals("file names", trend.get("timeSource").asText());
        assertEquals("from the file name", trend.get("snapshots").get(0).get("timeSource").asText());
        assertEquals(6, trend.get("snapshots").size());
        JsonNode first = trend.get("rows").get(0);
        assertEquals("leak.Session", first.get("name").asText(), r.out());
        assertTrue(first.get("suspect").asBoolean(), r.out());
        assertEquals(560000, first.get("growth").asLong());
        for (JsonNode row : trend.get("rows")) {
            if (row.get("name").asText().equals("leak.CacheEntry")) {
                assertFalse(row.get("suspect").asBoolean(), row.toString());
                assertEquals(0, row.get("growth").asLong(), row.toString());
            }
        }
    }

    /** A histogram has no time of its own: the headers say where its time was taken, once each. */
    @Test
    void headersSayTheTimesAreTakenFromTheFiles() {
        String trend = Cli.run(TESTDATA, "trend", "histograms").out();
        assertTrue(trend.contains("ordered by time (taken from their files, see Times), 2026-12-06 20:20:31"), trend);
        assertTrue(trend.contains("\nTimes: from the file name (6)\n"), trend);
        String top = Cli.run(TESTDATA, "top", "histograms/histo-20261206T202033Z.txt").out();
        assertTrue(top.contains("\nTime taken from the file name\nType: bytes\nTime: Dec 6, 2026 at 8:20pm (UTC)\n"), top);
    }

    /** Histograms appended to one file ({@code >>}) are one snapshot: trend's error says why and what to do. */
    @Test
    void trendOfHistogramsAppendedToOneFileSaysToSaveEachInItsOwn(@TempDir Path tmp) throws Exception {
        StringBuilder all = new StringBuilder();
        for (String t : new String[] {"202031", "202033", "202035"}) {
            all.append(Files.readString(TESTDATA.resolve("histograms/histo-20261206T" + t + "Z.txt")));
        }
        Files.writeString(tmp.resolve("histo.txt"), all);
        Cli.Result r = Cli.run(tmp, "trend", "histo.txt");
        assertEquals(2, r.exitCode());
        assertEquals("leakscope: a trend needs at least 2 snapshots, got 1 (histo.txt holds 3 class histograms, and of"
                + " each file only the last counts: save each in a file of its own, named by its time, e.g."
                + " jcmd PID GC.class_histogram > histo-$(date -u +%Y%m%dT%H%M%SZ).txt)\n", r.err());
    }

    @Test
    void trendByInstances() throws Exception {
        Cli.Result r = Cli.run(TESTDATA, "trend", "--format=json", "--sample-index=instances", "histograms");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode trend = JSON.readTree(r.out());
        assertEquals("instances", trend.get("type").asText());
        JsonNode session = null;
        for (JsonNode row : trend.get("rows")) {
            if (row.get("name").asText().equals("leak.Session")) {
                session = row;
            }
        }
        assertEquals("[2000,4000,6000,8000,10000,12000]", session.get("values").toString());
    }

    @Test
    void diffOfOldestAndNewest() throws Exception {
        Cli.Result r = Cli.run(TESTDATA, "diff", "--format=json", "histograms");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode rows = JSON.readTree(r.out()).get("rows");
        assertEquals("leak.Session", rows.get(0).get("name").asText(), r.out());
        assertEquals(560000, rows.get(0).get("delta").asLong());
        for (JsonNode row : rows) {
            assertFalse(row.get("name").asText().equals("leak.CacheEntry"), r.out());
        }
    }

    /** A histogram records no time: the headers say where each one came from. */
    @Test
    void headersSayWhereTheTimesCameFrom(@TempDir Path tmp) throws Exception {
        Cli.Result diff = Cli.run(TESTDATA, "diff", "histograms");
        assertTrue(diff.out().contains("\nCurrent: histograms/histo-20261206T202040Z.txt (25533 bytes,"
                + " 2026-12-06 20:20:40 UTC, time from the file name)\n"), diff.out());
        Cli.Result diffJson = Cli.run(TESTDATA, "diff", "--format=json", "histograms");
        dev.leakscope.JsonSchemas.assertValid(diffJson.out());
        assertEquals("from the file name", JSON.readTree(diffJson.out()).get("inputs").get("current").get(0)
                .get("timeSource").asText(), diffJson.out());
        Path named = TESTDATA.resolve("histograms/histo-20261206T202031Z.txt");
        Files.copy(named, tmp.resolve("histo-20261206T202031Z.txt"));
        Files.copy(named, tmp.resolve("b.txt"));
        Files.copy(named, tmp.resolve("c.txt"));
        Files.setLastModifiedTime(tmp.resolve("b.txt"), java.nio.file.attribute.FileTime.fromMillis(1_800_000_000_000L));
        Files.setLastModifiedTime(tmp.resolve("c.txt"), java.nio.file.attribute.FileTime.fromMillis(1_800_000_060_000L));
        Cli.Result trend = Cli.run(tmp, "trend", "histo-20261206T202031Z.txt", "b.txt", "c.txt");
        assertEquals(0, trend.exitCode(), trend.err());
        assertTrue(trend.out().contains("\nTimes: from the file name (1), from the file's modification time (2)\n"),
                trend.out());
        JsonNode json = JSON.readTree(Cli.run(tmp, "trend", "--format=json", "histo-20261206T202031Z.txt", "b.txt",
                "c.txt").out());
        JsonNode snapshots = json.get("snapshots");
        assertEquals("from the file name", snapshots.get(0).get("timeSource").asText());
        assertEquals("from the file's modification time", snapshots.get(2).get("timeSource").asText());
        assertEquals("file names or modification times", json.get("timeSource").asText(), "was time_nanos");
        Cli.Result series = Cli.run(TESTDATA, "trend", "--format=json", "histograms");
        assertEquals("file names", JSON.readTree(series.out()).get("timeSource").asText(), "was time_nanos");
        Cli.Result info = Cli.run(TESTDATA, "info", "histograms");
        assertTrue(info.out().contains("\nProfiles:    6, ordered by time (taken from their file names)\n"), info.out());
        assertTrue(Cli.run(tmp, "info", ".").out().contains("\nProfiles:    3, ordered by time (taken from their file"
                + " names, else their modification times)\n"));
        // info's JSON says it per profile, as diff's inputs do (null: the profile's own time)
        Files.copy(Path.of("testdata/map-cache/heap_5.pb.gz").toAbsolutePath(), tmp.resolve("heap_5.pb.gz"));
        Cli.Result infoJson = Cli.run(tmp, "info", "--format=json", "c.txt", "histo-20261206T202031Z.txt",
                "heap_5.pb.gz", ".");
        assertEquals(0, infoJson.exitCode(), infoJson.err());
        JsonNode inputs = JSON.readTree(infoJson.out()).get("inputs");
        assertEquals("from the file's modification time", inputs.get(0).get("timeSource").asText(), infoJson.out());
        assertEquals("from the file name", inputs.get(1).get("timeSource").asText());
        assertTrue(inputs.get(2).get("timeSource").isNull(), infoJson.out());
        JsonNode profiles = inputs.get(3).get("profiles"); // in time order: heap_5 (2026-11-21), then the histograms
        assertTrue(profiles.get(0).get("timeSource").isNull(), infoJson.out());
        assertEquals("from the file name", profiles.get(1).get("timeSource").asText(), infoJson.out());
        assertEquals("from the file's modification time", profiles.get(3).get("timeSource").asText());
    }

    @Test
    void topAndInfoNameTheProducer() throws Exception {
        Cli.Result top = Cli.run(TESTDATA, "top", "histograms/histo-20261206T202040Z.txt");
        assertEquals(0, top.exitCode(), top.err());
        assertTrue(top.out().contains("leak.Session"), top.out());
        Cli.Result info = Cli.run(TESTDATA, "info", "histograms/histo-20261206T202040Z.txt");
        assertEquals(0, info.exitCode(), info.err());
        assertTrue(info.out().contains("Producer:    Class histogram (jcmd GC.class_histogram) of process 308,"
                + " JDK 17.0.15"), info.out());
        assertTrue(info.out().contains("Time:        2026-12-06 20:20:40 +0000 UTC"), info.out());
    }

    /**
     * Histograms within other text, against what leakscope printed when they were added: the real
     * standard output of testdata/jvm-leak's program under -XX:+PrintClassHistogram after two kill -3
     * (capture-stdout.sh), and the hand-made JDK 8 GC log (testdata/README.md).
     */
    @Test
    void histogramsInOtherTextMatchTheirGoldens() throws Exception {
        String stdout = "stdout/service-20261207T034603Z.log";
        golden("stdout/golden/info.out", "info", stdout);
        golden("stdout/golden/top.out", "top", "-n", "8", stdout);
        golden("gc-jdk8/golden/info.out", "info", "gc-jdk8/gc.log");
        golden("gc-jdk8/golden/top.out", "top", "-n", "5", "gc-jdk8/gc.log");
    }

    private static void golden(String expected, String... args) throws Exception {
        Cli.Result r = Cli.run(TESTDATA, args);
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(Files.readString(TESTDATA.resolve(expected)), r.out(), String.join(" ", args));
    }

    @Test
    void malformedLineIsOneLineErrorWithItsNumber(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.txt");
        Files.writeString(bad, " num     #instances         #bytes  class name (module)\n"
                + "-------------------------------------------------------\n"
                + "   1:             2             48  java.lang.String (java.base@17.0.15)\n"
                + "   2:   oops\n");
        Cli.Result r = Cli.run(dir, "top", "bad.txt");
        assertEquals(2, r.exitCode(), r.err());
        assertEquals("leakscope: bad.txt: line 4: malformed class histogram: expected a row \"num: #instances #bytes"
                + " class-name [(module)]\", found \"2:   oops\"\n", r.err());
    }

    @Test
    void pprofCommandSaysGoToolPprofCannotReadIt() throws Exception {
        Cli.Result r = Cli.run(TESTDATA, "pprof", "-top", "histograms/histo-20261206T202040Z.txt");
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("it is a JVM class histogram, which go tool pprof cannot read"), r.err());
        Cli.Result stdout = Cli.run(TESTDATA, "pprof", "-top", "stdout/service-20261207T034603Z.log");
        assertEquals(1, stdout.exitCode(), stdout.err());
        assertTrue(stdout.err().contains("it holds a JVM class histogram among other text, which go tool pprof cannot"
                + " read"), stdout.err());
    }

    /**
     * Copies of a JVM's standard output (-XX:+PrintClassHistogram) and of JDK 8's GC log: diff and trend
     * say per input which lines the histogram was read from and that the other text was skipped, as info does.
     */
    @Test
    void diffAndTrendOfHistogramsInOtherTextSayWhichPartWasRead(@TempDir Path dir) throws Exception {
        for (String name : new String[] {"a.log", "b.log", "c.log"}) {
            Files.copy(TESTDATA.resolve("stdout/service-20261207T034603Z.log"), dir.resolve(name));
            Files.copy(TESTDATA.resolve("gc-jdk8/gc.log"), dir.resolve("gc-" + name));
        }
        String part = "the class histogram of lines 497-789 of 789, the last of 2; the other text skipped";
        Cli.Result diff = Cli.run(dir, "diff", "a.log", "b.log");
        assertEquals(0, diff.exitCode(), diff.err());
        assertTrue(diff.out().contains("\nCurrent: b.log (62903 bytes, 2026-12-07 03:46:03 UTC, time from the text"
                + " (the thread dump's local time, read as UTC), " + part + ")\n"), diff.out());
        Cli.Result md = Cli.run(dir, "diff", "--format=markdown", "gc-a.log", "gc-b.log");
        assertTrue(md.out().contains("the last of 4 class histograms in the GC log)`\n"), md.out());
        Cli.Result trend = Cli.run(dir, "trend", "a.log", "b.log", "c.log");
        assertEquals(0, trend.exitCode(), trend.err());
        assertTrue(trend.out().contains("\nHistograms: " + part + " (3)\n"), trend.out());
        JsonNode json = JSON.readTree(Cli.run(dir, "trend", "--format=json", "a.log", "gc-b.log", "c.log").out());
        assertEquals(part, json.get("snapshots").get(0).get("textPart").asText());
        assertEquals("the last of 4 class histograms in the GC log",
                json.get("snapshots").get(1).get("textPart").asText());
        assertFalse(Cli.run(TESTDATA, "trend", "--format=json", "histograms").out().contains("textPart"));
        String html = Cli.run(dir, "trend", "--format=html", "a.log", "b.log", "c.log").out();
        assertTrue(html.contains("<dt>Times</dt><dd>from the text (the thread dump&#39;s local time, read as UTC) (3)"
                + "</dd>\n<dt>Histograms</dt><dd>" + part + " (3)</dd>"), html);
        JsonNode inputs = JSON.readTree(Cli.run(dir, "diff", "--format=json", "a.log", "gc-b.log").out()).get("inputs");
        assertEquals(part, inputs.get("base").get(0).get("textPart").asText());
        assertEquals("the last of 4 class histograms in the GC log",
                inputs.get("current").get(0).get("textPart").asText());
        JsonNode whole = JSON.readTree(Cli.run(TESTDATA, "diff", "--format=json", "histograms").out()).get("inputs");
        assertTrue(whole.get("base").get(0).get("textPart").isNull(), whole.toString());
    }
}
