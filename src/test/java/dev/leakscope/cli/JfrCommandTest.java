package dev.leakscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leakscope.Cli;
import dev.leakscope.JsonSchemas;
import dev.leakscope.SharedCorpus;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Flight Recorder recordings of ../shared/corpus/jfr through the commands: the leak
 * ({@code leak.SessionRegistry.register}, held by the static {@code SESSIONS}) comes first in diff
 * and trend; the control flags nothing beyond noise and trips no gate; a broken recording is a
 * one-line input error.
 */
class JfrCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"static-list-leak", "static-list-leak-jdk25"})
    void diffNamesTheRegisterFrameAndTheStaticRootFirst(String scenario) throws Exception {
        Cli.Result r = Cli.run(SharedCorpus.corpus("jfr", scenario), "diff", "--format=json", "dump_0.jfr", "dump_5.jfr");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode first = JSON.readTree(r.out()).get("rows").get(0);
        assertEquals("[gc root] leak.SessionRegistry.SESSIONS", first.get("name").asText(), r.out());
        assertEquals("leak/SessionRegistry.register", first.get("via").asText(), r.out());
        assertFalse(first.get("flags").toString().contains("noise"), r.out());
    }

    /** A baseline dumped before the JVM sampled any old object keeps the comparison on live objects. */
    @Test
    void aBaselineWithoutOldObjectsYetStillComparesLiveObjects() throws Exception {
        Path early = Path.of("testdata/jvm-leak/jfr/before-any-old-object.jfr.gz").toAbsolutePath();
        Cli.Result r = Cli.run(SharedCorpus.corpus("jfr", "static-list-leak"), "diff", "--format=json",
                early.toString(), "dump_5.jfr");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode diff = JSON.readTree(r.out());
        assertEquals("live_objects", diff.get("sampleType").get("type").asText(), r.out());
        assertEquals("[gc root] leak.SessionRegistry.SESSIONS", diff.get("rows").get(0).get("name").asText(), r.out());
    }

    /** A recording's file is empty until it is dumped or stops (filename= while it runs): the error says so. */
    @Test
    void anEmptyRecordingFileSaysWhenTheJvmWritesIt(@TempDir Path dir) throws Exception {
        Files.createFile(dir.resolve("rec.jfr"));
        Cli.Result r = Cli.run(dir, "top", "rec.jfr");
        assertEquals(2, r.exitCode());
        assertEquals("leakscope: rec.jfr: empty input, not a profile (the JVM writes a recording's file when the"
                + " recording is dumped or stops: jcmd PID JFR.dump name=NAME filename=FILE writes one now)\n", r.err());
    }

    /** Asked for live objects, a recording without old-object samples says how to record them. */
    @Test
    void aRecordingWithoutOldObjectsSaysHowToRecordThem() {
        Cli.Result r = Cli.run(Path.of("testdata/jvm-leak/jfr").toAbsolutePath(), "top", "-i", "live_objects",
                "no-old-objects.jfr.gz");
        assertEquals(2, r.exitCode());
        assertEquals("leakscope: sample index \"live_objects\" must be one of: [alloc_objects, alloc_space]; live_objects:"
                + " none, the recording has no jdk.OldObjectSample (record it: -XX:StartFlightRecording:settings=profile,"
                + " or jcmd PID JFR.start settings=profile)\n", r.err());
        Cli.Result trend = Cli.run(Path.of("testdata/jvm-leak/jfr").toAbsolutePath(), "trend", "-i", "live_objects",
                "before-any-old-object.jfr.gz", "no-old-objects.jfr.gz");
        assertEquals(2, trend.exitCode());
        assertEquals("leakscope: sample index \"live_objects\" is not in every input: no-old-objects.jfr.gz has no"
                + " live_objects; all have [alloc_objects, alloc_space]; live_objects: none, the recording has no"
                + " jdk.OldObjectSample (record it: -XX:StartFlightRecording:settings=profile, or jcmd PID JFR.start"
                + " settings=profile)\n", trend.err());
    }

    /** Its allocation note does not point to a live_ type it lacks, but to how to record one. */
    @Test
    void theAllocationNoteOfARecordingWithoutOldObjectsSaysHowToRecordThem() {
        Cli.Result r = Cli.run(Path.of("testdata/jvm-leak/jfr").toAbsolutePath(), "diff", "before-any-old-object.jfr.gz",
                "no-old-objects.jfr.gz");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("\nNote:    alloc_space counts every allocation since the recording started, so it grows"
                + " without a leak; this recording has no live_ type to show what is retained (record old-object samples:"
                + " -XX:StartFlightRecording:settings=profile, or jcmd PID JFR.start settings=profile)\n"), r.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"static-list-leak", "static-list-leak-jdk25"})
    void withoutRootFramesTheLeakedTypesComeFirstViaRegister(String scenario) throws Exception {
        Cli.Result r = Cli.run(SharedCorpus.corpus("jfr", scenario), "diff", "--format=json", "--hide", "^\\[gc root\\]",
                "dump_0.jfr", "dump_5.jfr");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode rows = JSON.readTree(r.out()).get("rows");
        boolean bytes = false;
        for (int i = 0; i < 3 && i < rows.size(); i++) {
            // by count byte[] leads; by size (JDK 25) the list's growing Object[] may come first
            assertEquals("leak/SessionRegistry.register", rows.get(i).get("via").asText(), r.out());
            bytes |= rows.get(i).get("name").asText().equals("byte[]");
        }
        assertTrue(bytes, r.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"static-list-leak", "static-list-leak-jdk25"})
    void trendRanksTheLeakFirst(String scenario) throws Exception {
        Path dir = SharedCorpus.corpus("jfr", scenario);
        String[] args = {"trend", "--format=json", "dump_0.jfr", "dump_1.jfr", "dump_2.jfr", "dump_3.jfr", "dump_4.jfr",
            "dump_5.jfr"};
        Cli.Result r = Cli.run(dir, args);
        assertEquals(0, r.exitCode(), r.err());
        JsonNode trend = JSON.readTree(r.out());
        assertEquals("time", trend.get("order").asText());
        JsonNode first = trend.get("rows").get(0);
        assertEquals("[gc root] leak.SessionRegistry.SESSIONS", first.get("name").asText(), r.out());
        assertEquals("leak/SessionRegistry.register", first.get("via").asText(), r.out());
    }

    /**
     * Both leaks fill the JVM's 256-entry old-object queue by the third dump, after which live_objects
     * stays flat: the header says so and the fit up to the cap flags the root as the only suspect.
     */
    @ParameterizedTest
    @ValueSource(strings = {"static-list-leak", "static-list-leak-jdk25"})
    void trendFitsUpToTheCapAndFlagsTheLeak(String scenario) throws Exception {
        Path dir = SharedCorpus.corpus("jfr", scenario);
        Cli.Result r = Cli.run(dir, "trend", "-i", "live_objects", "dump_0.jfr", "dump_1.jfr", "dump_2.jfr",
                "dump_3.jfr", "dump_4.jfr", "dump_5.jfr");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("\nCapped: snapshots 3 to 6 hold 80% or more of the at most 256 samples the producer"
                + " keeps: from there new samples replace old ones, and their number stops growing whatever leaks; rows"
                + " are fitted over snapshots 1 to 3, and a suspect must keep 95% of its samples after\n"), r.out());
        Cli.Result bySize = Cli.run(dir, "trend", "-i", "live_space", "dump_0.jfr", "dump_1.jfr", "dump_2.jfr", "dump_3.jfr",
                "dump_4.jfr", "dump_5.jfr");
        if (scenario.endsWith("-jdk25")) {
            // JDK 25 records sizes: the header points from them to the count
            assertEquals(0, bySize.exitCode(), bySize.err());
            assertTrue(bySize.out().contains("-i live_objects follows their count)\n"), bySize.out());
        } else {
            assertEquals(2, bySize.exitCode(), "JDK 17 records no sizes: " + bySize.out());
        }
        assertTrue(r.out().contains("Leak suspects: 1 of "), r.out());
        assertTrue(r.out().contains("\n*  ") && r.out().contains("[gc root] leak.SessionRegistry.SESSIONS (via"
                + " leak/SessionRegistry.register)"), r.out());
        // a rate of objects is checked against the count (the recordings span seconds: too short for a rate per
        // hour, which is the only error), and so is a growth of objects
        Cli.Result rate = Cli.run(dir, "trend", "-i", "live_objects", "--fail-on-rate", "100/h", "dump_0.jfr",
                "dump_1.jfr", "dump_2.jfr", "dump_3.jfr", "dump_4.jfr", "dump_5.jfr");
        assertEquals(2, rate.exitCode(), rate.err());
        assertTrue(rate.err().startsWith("leakscope: --fail-on-rate: the series spans "), rate.err());
        Cli.Result gate = Cli.run(dir, "trend", "-i", "live_objects", "--fail-on-growth", "100", "dump_0.jfr",
                "dump_1.jfr", "dump_2.jfr", "dump_3.jfr", "dump_4.jfr", "dump_5.jfr");
        assertEquals(1, gate.exitCode(), "a growth of objects gates the count: " + gate.err());
        assertTrue(gate.err().startsWith("leakscope: gate --fail-on-growth 100 tripped: "), gate.err());
        JsonNode json = JSON.readTree(Cli.run(dir, "trend", "--format=json", "-i", "live_objects", "dump_0.jfr",
                "dump_1.jfr", "dump_2.jfr", "dump_3.jfr", "dump_4.jfr", "dump_5.jfr").out());
        assertEquals(3, json.get("fittedSnapshots").asInt());
        assertEquals(256, json.get("snapshots").get(5).get("sampleCap").get("cap").asInt());
        JsonNode first = json.get("rows").get(0);
        assertEquals("[gc root] leak.SessionRegistry.SESSIONS", first.get("name").asText());
        assertTrue(first.get("suspect").asBoolean(), first.toString());
        for (int i = 1; i < json.get("rows").size(); i++) {
            assertFalse(json.get("rows").get(i).get("suspect").asBoolean(), json.toString());
        }
    }

    /**
     * JDK 25 records sizes, and live_space is the default; near the cap the sizes of so few samples jump
     * (407 kB, 187 kB, 873 kB over the fitted snapshots) and no row fits. The default trend counts the
     * samples instead and says so; -i live_space, or a gate in bytes, keeps the sizes. JDK 17 records no
     * sizes: its default is the count already, and nothing is said.
     */
    @Test
    void aCappedSeriesOfSizesIsCountedByDefault() throws Exception {
        Path dir = SharedCorpus.corpus("jfr", "static-list-leak-jdk25");
        String[] dumps = {"dump_0.jfr", "dump_1.jfr", "dump_2.jfr", "dump_3.jfr", "dump_4.jfr", "dump_5.jfr"};
        Cli.Result r = Cli.run(dir, with(dumps, "trend"));
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("Type: live_objects (count)", lines.get(0));
        assertTrue(lines.contains("Counted: live_objects, not the default live_space: near the cap the sizes of so few"
                + " samples jump with each large object sampled; the JVM picks its samples as memory is allocated, so"
                + " their count follows the bytes too (-i live_space follows the sizes)"), r.out());
        assertTrue(r.out().contains("\nLeak suspects: 1 of "), r.out());
        assertTrue(r.out().contains("\n*  ") && r.out().contains("[gc root] leak.SessionRegistry.SESSIONS (via"
                + " leak/SessionRegistry.register)"), r.out());
        JsonNode json = JSON.readTree(Cli.run(dir, with(dumps, "trend", "--format=json")).out());
        assertEquals("live_objects", json.get("type").asText());
        assertEquals("live_space", json.get("replacedType").asText());
        assertTrue(json.get("rows").get(0).get("suspect").asBoolean(), json.toString());
        JsonSchemas.assertValid(json.toString());
        for (String[] sizes : List.of(new String[] {"trend", "-i", "live_space"},
                new String[] {"trend", "--fail-on-growth", "100MB"}, new String[] {"trend", "--limit", "1GiB"})) {
            Cli.Result bySize = Cli.run(dir, with(dumps, sizes));
            assertEquals(0, bySize.exitCode(), bySize.err());
            assertTrue(bySize.out().startsWith("Type: live_space (bytes)\n"), String.join(" ", sizes) + ": " + bySize.out());
            assertFalse(bySize.out().contains("Counted:"), bySize.out());
        }
        Cli.Result jdk17 = Cli.run(SharedCorpus.corpus("jfr", "static-list-leak"), with(dumps, "trend"));
        assertTrue(jdk17.out().startsWith("Type: live_objects (count)\n"), jdk17.out());
        assertFalse(jdk17.out().contains("Counted:"), jdk17.out());
    }

    private static String[] with(String[] files, String... args) {
        String[] all = Arrays.copyOf(args, args.length + files.length);
        System.arraycopy(files, 0, all, args.length, files.length);
        return all;
    }

    /** The diff header says when an input is near the cap, for the types made of the capped samples only. */
    @ParameterizedTest
    @ValueSource(strings = {"static-list-leak", "static-list-leak-jdk25"})
    void diffHeaderNamesTheCap(String scenario) throws Exception {
        Path dir = SharedCorpus.corpus("jfr", scenario);
        String live = Cli.run(dir, "diff", "-i", "live_objects", "dump_0.jfr", "dump_5.jfr").out();
        assertTrue(live.lines().anyMatch(l -> l.startsWith("Current: dump_5.jfr (") && l.endsWith(" of at most 256"
                + " samples kept: near the cap their number stops growing)")), live);
        assertTrue(live.lines().anyMatch(l -> l.startsWith("Base:    dump_0.jfr (") && l.endsWith(" UTC)")),
                "the first dump is far from the cap: " + live);
        String alloc = Cli.run(dir, "diff", "-i", "alloc_space", "dump_0.jfr", "dump_5.jfr").out();
        assertFalse(alloc.contains("samples kept"), alloc);
    }

    @Test
    void controlFlagsOnlyNoiseAndTripsNoGate() throws Exception {
        Path dir = SharedCorpus.corpus("jfr", "control");
        Cli.Result r = Cli.run(dir, "diff", "--format=json", "--nodefraction=0", "--fail-on-growth", "5%",
                "--fail-on-node-growth", "5%", "dump_0.jfr", "dump_5.jfr");
        assertEquals(0, r.exitCode(), r.err());
        for (JsonNode row : JSON.readTree(r.out()).get("rows")) {
            assertTrue(row.get("delta").asLong() <= 0 || row.get("flags").toString().contains("noise"), row.toString());
        }
        Cli.Result t = Cli.run(dir, "trend", "--format=json", "dump_0.jfr", "dump_1.jfr", "dump_2.jfr", "dump_3.jfr",
                "dump_4.jfr", "dump_5.jfr");
        assertEquals(0, t.exitCode(), t.err());
        JsonNode trend = JSON.readTree(t.out());
        assertFalse(trend.has("fittedSnapshots"), "17 of 256 samples: far from the cap");
        for (JsonNode row : trend.get("rows")) {
            assertFalse(row.get("suspect").asBoolean(), row.toString());
        }
    }

    /** async-profiler's own JFR output gives what its converter gives (corpus java-asprof/*: CONVERT.cmd). */
    @Test
    void asyncProfilerRecordingsAgreeWithItsConverter() throws Exception {
        Path asprof = SharedCorpus.corpus("java-asprof");
        String live = Cli.run(asprof, "info", "static-list-leak/jfr/heap_5.jfr").out();
        assertTrue(live.contains("live_objects     641 ") && live.contains("(2053504 bytes)"), live);
        assertTrue(live.contains("alloc_space      1.27GB (1360944618 bytes)"), live);
        String converted = Cli.run(asprof, "info", "static-list-leak/heap_5.pb.gz", "static-list-leak-live-count/heap_5.pb.gz",
                "static-list-leak-alloc/heap_5.pb.gz").out();
        assertTrue(converted.contains("(2053504 bytes)") && converted.contains("641 (641 count)")
                && converted.contains("(1360944618 bytes)"), converted);
    }

    @Test
    void compressedAndStandardInputRecordingsRead(@TempDir Path tmp) throws Exception {
        Path dump = SharedCorpus.corpus("jfr", "static-list-leak", "dump_5.jfr");
        byte[] raw = Files.readAllBytes(dump);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tmp.resolve("dump_5.jfr.gz")))) {
            out.write(raw);
        }
        String plain = Cli.run(dump.getParent(), "top", "dump_5.jfr").out();
        Cli.Result gz = Cli.run(tmp, "top", "dump_5.jfr.gz");
        Cli.Result stdin = Cli.run(tmp, new ByteArrayInputStream(raw), "top", "-");
        assertEquals(0, gz.exitCode(), gz.err());
        assertEquals(plain, gz.out());
        assertEquals(plain, stdin.out());
        try (var left = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            // the decompressed copies are gone
            assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith("leakscope-")
                    && p.getFileName().toString().endsWith(".jfr") && isRecent(p)));
        }
    }

    @Test
    void truncatedOrCorruptRecordingIsOneLineNamingTheFile(@TempDir Path tmp) throws Exception {
        byte[] raw = Files.readAllBytes(SharedCorpus.corpus("jfr", "static-list-leak", "dump_5.jfr"));
        Files.write(tmp.resolve("cut.jfr"), Arrays.copyOf(raw, raw.length / 2));
        byte[] garbled = raw.clone();
        for (int i = 200_000; i < 205_000; i++) {
            garbled[i] = (byte) (i * 31);
        }
        Files.write(tmp.resolve("garbled.jfr"), garbled);
        Files.write(tmp.resolve("head.jfr"), Arrays.copyOf(raw, 100));
        // cut where the JDK's parser fails with an index out of bounds of its own
        Files.write(tmp.resolve("mid.jfr"), Arrays.copyOf(Files.readAllBytes(SharedCorpus.corpus("jfr", "control",
                "dump_0.jfr")), 36624));
        for (String f : new String[] {"cut.jfr", "garbled.jfr", "head.jfr", "mid.jfr"}) {
            Cli.Result r = Cli.run(tmp, "diff", f, f);
            assertEquals(2, r.exitCode(), f + ": " + r.err());
            assertTrue(r.err().startsWith("leakscope: " + f + ": corrupt or truncated Flight Recorder recording"), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertFalse(r.err().contains("out of bounds"), "the parser's own failure, not the file's: " + r.err());
        }
    }

    /**
     * A JVM's frames name no source file but have line numbers: list shows the sampled ones. The leak's
     * line is a pure cum change, so it is the line that grew most.
     */
    @Test
    void listShowsTheSampledLinesOfFramesWithoutAFile() {
        Cli.Result r = Cli.run(SharedCorpus.corpus("jfr", "static-list-leak"), "list", "-b", "dump_0.jfr", "register",
                "dump_5.jfr");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("ROUTINE ======================== leak/SessionRegistry.register\n"), r.out());
        assertTrue(r.out().contains(" (no source: the profile names no source file; sampled lines only)\n"), r.out());
        assertTrue(r.out().contains("  flat 0 -> 0 (0), cum 92 -> 254 (+162)\n"), r.out());
        assertTrue(r.out().contains("\n         .         92        254       +162     15:  <== grew most\n"), r.out());
    }

    private static boolean isRecent(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis() > System.currentTimeMillis() - 60_000;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
