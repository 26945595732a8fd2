package dev.leakscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leakscope.Cli;
import dev.leakscope.TestData;
import dev.leakscope.TestProfiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Series as real services produce them (issue 20): Go heap profiles of one leaking program as debug=1
 * text and as profile.proto, the first text taken before the first GC (two sample types instead of
 * four). testdata/go-debug1-series/src wrote them.
 */
class MixedSampleTypesTest {
    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Path SERIES = ROOT.resolve("testdata/go-debug1-series");
    private static final String LEAK = "main.rememberSession";
    private static final String EQUATED = "heap_0.debug1.txt: objects, space taken as alloc_* and inuse_* alike"
            + " (the header says nothing was freed yet)";

    private static String[] files(String command, String... names) {
        List<String> all = new ArrayList<>(List.of(command.split(" ")));
        all.addAll(List.of(names));
        return all.toArray(new String[0]);
    }

    private static String[] debug1(int from, int to) {
        List<String> n = new ArrayList<>();
        for (int k = from; k <= to; k++) {
            n.add("heap_" + k + ".debug1.txt");
        }
        return n.toArray(new String[0]);
    }

    /** Every other snapshot as text, the others as proto: heap_0 text, heap_1 proto… */
    private static final String[] MIXED = {"heap_0.debug1.txt", "heap_1.pb.gz", "heap_2.debug1.txt", "heap_3.pb.gz",
        "heap_4.debug1.txt", "heap_5.pb.gz"};

    /** The rows of a trend table (below the header). */
    private static List<String> rows(String out) {
        List<String> lines = out.lines().toList();
        return lines.subList(lines.indexOf("") + 1, lines.size());
    }

    @Test
    void debug1SeriesWhoseFirstSnapshotPrecedesTheFirstGcTrendsWithTheLeakFirst() throws IOException {
        assertTrue(Files.readString(SERIES.resolve("heap_0.debug1.txt")).startsWith("heap profile: 172: 1319424"
                + " [172: 1319424] @ heap/1048576\n"), "the first snapshot has the two-type header");
        Cli.Result r = Cli.run(SERIES, files("trend --ascii", debug1(0, 5)));
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("Type: inuse_space (bytes)", lines.get(0));
        assertEquals("Harmonized: " + EQUATED, lines.get(2));
        List<String> rows = rows(r.out());
        assertTrue(rows.get(1).endsWith("(total)"), rows.get(1));
        assertTrue(rows.get(2).startsWith("*") && rows.get(2).endsWith(LEAK), rows.get(2));
    }

    @Test
    void seriesMixingProtoAndDebug1GivesTheNumbersOfEitherForm() {
        Cli.Result text = Cli.run(SERIES, files("trend --ascii", debug1(0, 5)));
        Cli.Result mixed = Cli.run(SERIES, files("trend --ascii", MIXED));
        assertEquals(0, mixed.exitCode(), mixed.err());
        // Both forms of one moment carry the same numbers, so the mixed table is the text one.
        assertEquals(rows(text.out()), rows(mixed.out()));
        assertTrue(mixed.out().contains("\nHarmonized: " + EQUATED + "\n"), mixed.out());
        // A series that starts with a proto snapshot has nothing to harmonise beyond the text ones.
        Cli.Result proto = Cli.run(SERIES, "trend", "heap_1.pb.gz", "heap_2.debug1.txt", "heap_3.pb.gz");
        assertEquals(0, proto.exitCode(), proto.err());
        assertTrue(!proto.out().contains("Harmonized:"), proto.out());
    }

    @Test
    void diffOfTheTwoTypeSnapshotAndALaterOneRanksTheLeakFirst() {
        Cli.Result text = Cli.run(SERIES, "diff", "heap_0.debug1.txt", "heap_5.debug1.txt");
        assertEquals(0, text.exitCode(), text.err());
        List<String> lines = text.out().lines().toList();
        assertTrue(lines.get(2).startsWith("Type:    inuse_space (bytes)"), lines.get(2));
        assertEquals("Harmonized: " + EQUATED, lines.get(3));
        String first = lines.stream().filter(l -> l.startsWith("    1 ")).findFirst().orElseThrow();
        assertTrue(first.contains(LEAK), first);
        // proto base, text current, and the other way round: the same rows as proto on both sides
        Cli.Result proto = Cli.run(SERIES, "diff", "heap_0.pb.gz", "heap_5.pb.gz");
        Cli.Result mixed = Cli.run(SERIES, "diff", "heap_0.pb.gz", "heap_5.debug1.txt");
        assertEquals(tail(proto.out()), tail(mixed.out()));
        assertEquals(tail(proto.out()), tail(text.out()));
    }

    private static List<String> tail(String out) {
        List<String> lines = out.lines().toList();
        return lines.subList(lines.size() - 3, lines.size());
    }

    @Test
    void jsonSaysWhatWasHarmonized() throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode diff = json.readTree(Cli.run(SERIES, "diff", "--format", "json", "heap_0.debug1.txt",
                "heap_5.pb.gz").out());
        assertEquals("heap_0.debug1.txt", diff.get("harmonized").get("equated").get(0).asText());
        assertEquals(0, diff.get("harmonized").get("dropped").size());
        JsonNode trend = json.readTree(Cli.run(SERIES, files("trend --format json", MIXED)).out());
        assertEquals(EQUATED, trend.get("harmonized").get("text").asText());
        JsonNode top = json.readTree(Cli.run(SERIES, "top", "--format", "json", "heap_0.debug1.txt",
                "heap_5.pb.gz").out());
        assertEquals("heap_0.debug1.txt", top.get("harmonized").get("equated").get(0).asText());
        // inputs that agree get no such field
        JsonNode plain = json.readTree(Cli.run(SERIES, "diff", "--format", "json", "heap_1.pb.gz", "heap_5.pb.gz").out());
        assertTrue(plain.get("harmonized") == null, plain.toString());
    }

    @Test
    void topOfSeveralFormsSaysSoUnderTheType() {
        Cli.Result r = Cli.run(SERIES, "top", "heap_0.debug1.txt", "heap_5.pb.gz");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        int type = lines.indexOf("Type: inuse_space");
        assertEquals("Harmonized: " + EQUATED, lines.get(type + 1));
        // the snapshot before any free counts as allocated too
        Cli.Result alloc = Cli.run(SERIES, "top", "-i", "alloc_space", "heap_0.debug1.txt", "heap_5.pb.gz");
        assertEquals(0, alloc.exitCode(), alloc.err());
        assertTrue(alloc.out().contains("Type: alloc_space\n"), alloc.out());
    }

    @Test
    void aSampleIndexSomeSnapshotLacksNamesThem(@TempDir Path tmp) throws IOException {
        // An in-use only heap text (no allocation counts in its header): constructed, no producer at hand writes one.
        Files.writeString(tmp.resolve("inuse.heap"), "heap profile: 2: 4096 [0: 0] @ heapprofile\n"
                + "2: 4096 [0: 0] @ 0x4bbb25\n");
        for (String f : List.of("heap_1.pb.gz", "heap_2.pb.gz", "heap_5.pb.gz")) {
            Files.copy(SERIES.resolve(f), tmp.resolve(f));
        }
        String expected = "leakscope: sample index \"alloc_space\" is not in every input: inuse.heap has no"
                + " alloc_space; all have [inuse_objects, inuse_space]\n";
        Cli.Result trend = Cli.run(tmp, "trend", "-i", "alloc_space", "heap_1.pb.gz", "inuse.heap", "heap_2.pb.gz");
        assertEquals(2, trend.exitCode());
        assertEquals(expected, trend.err());
        Cli.Result diff = Cli.run(tmp, "diff", "-i", "alloc_space", "inuse.heap", "heap_5.pb.gz");
        assertEquals(2, diff.exitCode());
        assertEquals(expected, diff.err());
        Cli.Result top = Cli.run(tmp, "top", "-i", "alloc_space", "inuse.heap", "heap_5.pb.gz");
        assertEquals(2, top.exitCode());
        assertEquals(expected, top.err());
        // what they have in common works, and the note says what was left out
        Cli.Result inuse = Cli.run(tmp, "trend", "heap_1.pb.gz", "inuse.heap", "heap_2.pb.gz");
        assertEquals(0, inuse.exitCode(), inuse.err());
        assertTrue(inuse.out().contains("\nHarmonized: dropped alloc_objects, alloc_space (not in inuse.heap)\n"),
                inuse.out());
    }

    @Test
    void focusAndListTakeABaseOfTheOtherFormAndSaySoInTheirReports() throws IOException {
        Cli.Result focus = Cli.run(SERIES, "focus", "-i", "alloc_space", "--base", "heap_0.debug1.txt", "rememberSession",
                "heap_5.pb.gz");
        assertEquals(0, focus.exitCode(), focus.err());
        assertEquals("", focus.err());
        assertTrue(focus.out().startsWith("Focus: rememberSession in heap_0.debug1.txt -> heap_5.pb.gz, alloc_space\n"
                + "Harmonized: " + EQUATED + "\nTotal: "), focus.out());
        Cli.Result list = Cli.run(SERIES, "list", "--base", "heap_0.debug1.txt", "rememberSession", "heap_5.debug1.txt");
        assertEquals(0, list.exitCode(), list.err());
        assertEquals("", list.err());
        List<String> lines = list.out().lines().toList();
        assertTrue(lines.get(0).startsWith("Total: "), list.out());
        assertEquals("Harmonized: " + EQUATED, lines.get(1));
        assertTrue(list.out().contains("main.rememberSession"), list.out());
        // several files of both forms merged, no base
        Cli.Result merged = Cli.run(SERIES, "focus", "rememberSession", "heap_0.debug1.txt", "heap_5.pb.gz");
        assertEquals(0, merged.exitCode(), merged.err());
        assertEquals("", merged.err());
        assertTrue(merged.out().contains("\nHarmonized: " + EQUATED + "\n"), merged.out());
        // JSON: the harmonized field of diff, trend and top; Markdown: the line, as diff's
        ObjectMapper json = new ObjectMapper();
        for (String command : List.of("focus", "list")) {
            JsonNode j = json.readTree(Cli.run(SERIES, command, "--format", "json", "--base", "heap_0.debug1.txt",
                    "rememberSession", "heap_5.pb.gz").out());
            assertEquals("heap_0.debug1.txt", j.get("harmonized").get("equated").get(0).asText(), command);
            assertEquals(EQUATED, j.get("harmonized").get("text").asText(), command);
            Cli.Result md = Cli.run(SERIES, command, "--format", "markdown", "rememberSession", "heap_0.debug1.txt",
                    "heap_5.pb.gz");
            assertEquals("", md.err(), command);
            assertTrue(md.out().contains("\nHarmonized: heap\\_0.debug1.txt: objects, space taken as alloc\\_\\* and"
                    + " inuse\\_\\* alike"), md.out());
            JsonNode plain = json.readTree(Cli.run(SERIES, command, "--format", "json", "--base", "heap_1.pb.gz",
                    "rememberSession", "heap_5.pb.gz").out());
            assertTrue(plain.get("harmonized") == null, command + plain);
        }
    }

    @Test
    void pprofStillRefusesThemInItsOwnWordsAndExitCode() {
        // go tool pprof 1.19.8 on the same pairs: these lines on stderr, nothing on stdout, exit code 1
        Cli.Result base = Cli.run(SERIES, "pprof", "-top", "-base", "heap_0.debug1.txt", "heap_5.debug1.txt");
        assertEquals(1, base.exitCode());
        assertEquals("", base.out());
        assertEquals("inconsistent samples type count: 4 != 2\n", base.err());
        Cli.Result proto = Cli.run(SERIES, "pprof", "-raw", "-base", "heap_5.pb.gz", "heap_0.debug1.txt");
        assertEquals(1, proto.exitCode());
        assertEquals("inconsistent samples type count: 2 != 4\n", proto.err());
        Cli.Result merge = Cli.run(SERIES, "pprof", "-top", "heap_0.debug1.txt", "heap_5.pb.gz");
        assertEquals(1, merge.exitCode());
        assertEquals("problem fetching source profiles: inconsistent samples type count: 2 != 4\n", merge.err());
    }

    @Test
    void pprofRefusesIncompatibleTypesAndPeriodsInItsOwnWords(@TempDir Path tmp) throws IOException {
        // constructed: no producer at hand writes these pairs; the expected lines are go tool pprof 1.19.8's
        Files.write(tmp.resolve("heap.pb"), heap("objects", "space", "space").bytes());
        Files.write(tmp.resolve("inuse.pb"), heap("inuse_objects", "inuse_space", "space").bytes());
        Files.write(tmp.resolve("cpu.pb"), heap("samples", "cpu", "cpu").bytes());
        Files.write(tmp.resolve("object.pb"), heap("object", "space", "space").bytes());
        assertPprofError(tmp, "problem fetching source profiles: sample types: incompatible types:"
                + " {objects count 0 0} {inuse_objects count 0 0}", "-top", "heap.pb", "inuse.pb");
        assertPprofError(tmp, "sample types: incompatible types: {inuse_objects count 0 0} {objects count 0 0}",
                "-top", "-base", "heap.pb", "inuse.pb");
        assertPprofError(tmp, "period type: incompatible types: {space bytes 0 0} {cpu bytes 0 0}",
                "-top", "-base", "cpu.pb", "heap.pb");
        // pprof's Merge wants equal types; it prints its structs' addresses where leakscope shows the types
        assertPprofError(tmp, "problem fetching source profiles: incompatible sample types [objects/count space/bytes]"
                + " and [object/count space/bytes]", "-top", "heap.pb", "object.pb");
    }

    /** A profile with two sample types (count, bytes) and a period type in bytes. */
    private static TestProfiles heap(String objects, String space, String period) {
        TestProfiles t = new TestProfiles();
        t.sampleType(objects, "count").sampleType(space, "bytes");
        t.proto().setPeriodType(dev.leakscope.proto.ProfileProto.ValueType.newBuilder().setType(t.str(period))
                .setUnit(t.str("bytes"))).setPeriod(1);
        t.function(1, "main.f", "main.go").location(1, 0x1000, 1).sample(new long[] {1, 100}, 1);
        return t;
    }

    private static void assertPprofError(Path dir, String expected, String... args) {
        List<String> all = new ArrayList<>(List.of("pprof"));
        all.addAll(List.of(args));
        Cli.Result r = Cli.run(dir, all.toArray(new String[0]));
        assertEquals(expected + "\n", r.err());
        assertEquals(1, r.exitCode());
        assertEquals("", r.out());
    }

    @Test
    void pprofTakesOneBaseAsItsGoFlagsDo() {
        // -base is one Go string flag: the last one counts, an empty one is none; -diff_base beside it is refused
        Cli.Result last = Cli.run(SERIES, "pprof", "-top", "-base", "heap_0.debug1.txt", "-base", "heap_1.pb.gz",
                "heap_5.pb.gz");
        assertEquals(0, last.exitCode(), last.err());
        assertEquals(Cli.run(SERIES, "pprof", "-top", "-base", "heap_1.pb.gz", "heap_5.pb.gz").out(), last.out());
        Cli.Result none = Cli.run(SERIES, "pprof", "-top", "-base", "heap_1.pb.gz", "-base=", "heap_5.pb.gz");
        assertEquals(Cli.run(SERIES, "pprof", "-top", "heap_5.pb.gz").out(), none.out());
        assertPprofError(SERIES, "-base and -diff_base flags cannot both be specified", "-top", "-base", "heap_0.pb.gz",
                "-diff_base", "heap_1.pb.gz", "heap_5.pb.gz");
    }

    @Test
    void textOnlySeriesIsOrderedByTheTimesOfItsFiles(@TempDir Path tmp) throws IOException {
        // as a cron job leaves them: heap_1..heap_10, which a shell glob lists as heap_1 heap_10 heap_2...
        List<String> glob = new ArrayList<>();
        for (int k = 0; k <= 5; k++) {
            Path f = tmp.resolve("heap_" + (k == 5 ? 10 : k + 1) + ".txt");
            Files.copy(SERIES.resolve("heap_" + k + ".debug1.txt"), f);
            Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.from(
                    java.time.Instant.parse("2026-12-06T10:00:00Z").plusSeconds(60L * k)));
            glob.add(f.getFileName().toString());
        }
        java.util.Collections.sort(glob);
        assertEquals("heap_10.txt", glob.get(1));
        Cli.Result byArguments = Cli.run(SERIES, files("trend --ascii", debug1(0, 5)));
        Cli.Result r = Cli.run(tmp, files("trend --ascii", glob.toArray(new String[0])));
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("Snapshots: 6, ordered by the times in their file names, else their files' modification times"
                + " (the profiles have none), 2026-12-06 10:00:00 to 10:05:00 UTC (5.0 min)", r.out().lines().toList().get(1));
        // the values of the series in capture order; the rates are per hour now
        assertEquals(rows(byArguments.out()).get(2).replaceAll("\\s+", " ").split(" ")[1],
                rows(r.out()).get(2).replaceAll("\\s+", " ").split(" ")[1]);
        assertTrue(rows(r.out()).get(0).contains("rate/h"), r.out());
        // modification times within a moment are a copy's, not capture times: argument order then
        for (int k = 0; k < glob.size(); k++) {
            Files.setLastModifiedTime(tmp.resolve(glob.get(k)), java.nio.file.attribute.FileTime.from(
                    java.time.Instant.parse("2026-12-06T10:00:00Z").plusMillis(10L * k)));
        }
        Cli.Result copied = Cli.run(tmp, files("trend --ascii", glob.toArray(new String[0])));
        assertTrue(copied.out().contains("\nSnapshots: 6, in argument order"), copied.out());
        // times in the names (as collect writes them) come first, whatever the files' times
        Path named = tmp.resolve("named");
        Files.createDirectories(named);
        for (int k = 0; k <= 5; k++) {
            Path f = named.resolve("localhost_6060.heap.20261206T1" + (5 - k) + "0000.000Z.txt");
            Files.copy(SERIES.resolve("heap_" + (5 - k) + ".debug1.txt"), f);
        }
        Cli.Result dir = Cli.run(tmp, "trend", "--ascii", "named");
        assertEquals(0, dir.exitCode(), dir.err());
        assertTrue(dir.out().contains("\nSnapshots: 6, ordered by the times in their file names (the profiles have"
                + " none), 2026-12-06 10:00:00 to 15:00:00 UTC (5.0 h)\n"), dir.out());
        JsonNode json = new ObjectMapper().readTree(Cli.run(tmp, "trend", "--format", "json", "named").out());
        assertEquals("time", json.get("order").asText());
        assertEquals("file names", json.get("timeSource").asText());
        // diff DIR compares the oldest with the newest in the same order, not by name
        Path two = Files.createDirectories(tmp.resolve("two"));
        Files.copy(SERIES.resolve("heap_0.debug1.txt"), two.resolve("b.20261206T100000Z.txt"));
        Files.copy(SERIES.resolve("heap_5.debug1.txt"), two.resolve("a.20261206T150000Z.txt"));
        Cli.Result diff = Cli.run(tmp, "diff", "two");
        assertEquals(0, diff.exitCode(), diff.err());
        assertTrue(diff.out().startsWith("Base:    two/b.20261206T100000Z.txt (")
                && diff.out().contains("\nCurrent: two/a.20261206T150000Z.txt ("), diff.out());
        // and info lists them in that order
        List<String> info = Cli.run(tmp, "info", "two").out().lines().toList();
        assertEquals("Profiles:    2, ordered by the times in their file names (the profiles have none)", info.get(1));
        assertTrue(info.stream().filter(l -> l.endsWith(".txt")).findFirst().orElse("").endsWith(
                "two/b.20261206T100000Z.txt"), info.toString());
    }

    @Test
    void realServiceSeriesFromTheCorpusTrendsAndDiffs() {
        // go/map-cache: heap_init.txt was taken before the first GC, heap_0..5 after each phase
        Path dir = TestData.corpus("go", "map-cache");
        Cli.Result trend = Cli.run(dir, "trend", "heap_init.txt", "heap_0.txt", "heap_1.pb.gz", "heap_2.txt",
                "heap_3.pb.gz", "heap_4.txt", "heap_5.txt");
        assertEquals(0, trend.exitCode(), trend.err());
        List<String> rows = rows(trend.out());
        assertTrue(rows.get(2).startsWith("*") && rows.get(2).endsWith("example.com/leakdemo/internal/cache.buildTree"),
                trend.out());
        Cli.Result diff = Cli.run(dir, "diff", "heap_init.txt", "heap_5.txt");
        assertEquals(0, diff.exitCode(), diff.err());
        assertTrue(diff.out().contains("\n    1    +38.50MB      new          0    38.50MB"), diff.out());
    }

    @Test
    void asyncProfilerConversionsOfDifferentUnitsHaveNothingInCommon() {
        Path java = TestData.corpus("java-asprof");
        Cli.Result r = Cli.run(java, "trend", "static-list-leak/heap_0.pb.gz",
                "static-list-leak-live-count/heap_1.pb.gz", "static-list-leak/heap_2.pb.gz");
        assertEquals(2, r.exitCode());
        assertEquals("leakscope: no sample type is common to all inputs: static-list-leak/heap_0.pb.gz,"
                + " static-list-leak/heap_2.pb.gz have [allocations/bytes], static-list-leak-live-count/heap_1.pb.gz"
                + " has [allocations/count]\n", r.err());
    }
}
