package dev.leakscope.format.histogram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakscope.format.ProfileLoader;
import dev.leakscope.input.InputSource;
import dev.leakscope.input.Limits;
import dev.leakscope.profile.Profile;
import dev.leakscope.util.InputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Class histograms as the JDK writes them: jcmd on JDK 17 (testdata/jvm-leak/histograms) and JDK 25,
 * {@code jmap -histo:live} on JDK 17 (resources beside this test, taken from testdata/jvm-leak's
 * program after one step), and JDK 8's layout without the module column.
 */
class ClassHistogramTest {
    private static final Path SERIES = Path.of("testdata/jvm-leak/histograms");
    private static final Path RESOURCES = Path.of("src/test/resources/dev/leakscope/format/histogram");

    @Test
    void jcmdHistogramIsOneSamplePerClassWithInstancesAndBytes() throws IOException {
        Path file = first();
        Profile p = ProfileLoader.load(InputSource.of(file), Limits.DEFAULT);
        assertEquals("instances", p.sampleType(0).type());
        assertEquals("count", p.sampleType(0).unit());
        assertEquals("bytes", p.sampleType(1).type());
        assertEquals("bytes", p.sampleType(1).unit());
        assertEquals(1, p.defaultSampleIndex());
        Map<String, long[]> rows = rows(p);
        assertEquals(2000, rows.get("leak.Session")[0]);
        assertEquals(112000, rows.get("leak.Session")[1]);
        assertEquals(7398, rows.get("byte[]")[0]);
        assertTrue(rows.containsKey("java.lang.Object[]"), rows.keySet().toString());
        assertTrue(rows.containsKey("java.util.HashMap$Node[]"), rows.keySet().toString());
        // the classes add up to what the Total line says
        String total = Files.readAllLines(file).stream().filter(l -> l.startsWith("Total")).findFirst().orElseThrow();
        String[] t = total.trim().split("\\s+");
        assertEquals(Long.parseLong(t[1]), p.totals()[0]);
        assertEquals(Long.parseLong(t[2]), p.totals()[1]);
        assertEquals("Class histogram (jcmd GC.class_histogram) of process 308, JDK 17.0.15", p.comments().get(0));
        assertEquals("Time taken from the file name", p.comments().get(1));
        assertEquals(Instant.parse("2026-12-06T20:20:31Z").getEpochSecond() * 1_000_000_000L, p.timeNanos());
    }

    @Test
    void moduleIsALabelAndTheUnnamedModuleHasNone() throws IOException {
        Profile p = ProfileLoader.load(InputSource.of(first()), Limits.DEFAULT);
        for (int s = 0; s < p.sampleCount(); s++) {
            String name = p.functionName(p.lineFunction[p.locLineStart[p.stacks.location(p.stackLeaf(s))]]);
            String module = null;
            for (int l = p.labelStart(s); l < p.labelEnd(s); l++) {
                if (p.string(p.labelKey(l)).equals("module")) {
                    module = p.string(p.labelStr(l));
                }
            }
            if (name.equals("byte[]")) {
                assertEquals("java.base@17.0.15", module);
            } else if (name.startsWith("leak.")) {
                assertEquals(null, module, name);
            }
        }
    }

    @Test
    void jdk25LayoutAndHiddenClassesWithoutTheirAddress() throws IOException {
        Profile p = ProfileLoader.load(InputSource.of(RESOURCES.resolve("jcmd-jdk25.txt")), Limits.DEFAULT);
        assertTrue(p.comments().get(0).endsWith("JDK 25.0.3"), p.comments().get(0));
        Map<String, long[]> rows = rows(p);
        assertEquals(2000, rows.get("leak.Session")[0]);
        assertTrue(rows.containsKey("java.lang.ProcessHandleImpl$$Lambda"), rows.keySet().toString());
        assertFalse(rows.keySet().stream().anyMatch(n -> n.contains("/0x")), rows.keySet().toString());
    }

    /**
     * The names the JVM gives classes it defines for lambdas and method handles end with what differs
     * from run to run: JDK 8 an identity hash ({@code $$Lambda$53/635371680}), later JDKs an address.
     */
    @Test
    void anonymousClassesWithoutWhatDiffersFromRunToRun() {
        assertEquals("io.micrometer.prometheus.PrometheusMeterRegistry$$Lambda$53",
                ClassTable.name("io.micrometer.prometheus.PrometheusMeterRegistry$$Lambda$53/635371680"));
        assertEquals("java.lang.invoke.LambdaForm$MH", ClassTable.name("java.lang.invoke.LambdaForm$MH/1394438858"));
        assertEquals("leak.Main$$Lambda$14[]", ClassTable.name("[Lleak.Main$$Lambda$14/0x0000000800c0b258;"));
        assertEquals("leak.Main$$Lambda$14[]", ClassTable.name("[Lleak.Main$$Lambda$14/635371680;"));
        assertEquals("java.lang.ProcessHandleImpl$$Lambda", ClassTable.name("java.lang.ProcessHandleImpl$$Lambda/0x00007f3c"));
        assertEquals("sun.reflect.GeneratedMethodAccessor1500", ClassTable.name("sun.reflect.GeneratedMethodAccessor1500"));
    }

    @Test
    void jmapHistogramHasNoProcessLine() throws IOException {
        Profile p = ProfileLoader.load(InputSource.of(RESOURCES.resolve("jmap-live-jdk17.txt")), Limits.DEFAULT);
        assertEquals("Class histogram (jmap -histo or jcmd GC.class_histogram), JDK 17.0.15", p.comments().get(0));
        assertEquals(1000, rows(p).get("leak.CacheEntry")[0]);
    }

    @Test
    void jdk8LayoutWithoutModuleColumn() {
        Profile p = load("""
                 num     #instances         #bytes  class name
                ----------------------------------------------
                   1:        976429       61598952  [C
                   2:       1014749       32471968  java.lang.String
                   3:        195992       29365832  <constMethodKlass>
                   4:        188663       20477160  [Ljava.util.HashMap$Entry;
                   5:             1             16  sun.reflect.GeneratedSerializationConstructorAccessor1358
                Total       2375834      143913928
                """);
        assertEquals("Class histogram (jmap -histo or jcmd GC.class_histogram), JDK 8 layout (no module column)",
                p.comments().get(0));
        Map<String, long[]> rows = rows(p);
        assertEquals(61598952, rows.get("char[]")[1]);
        assertEquals(188663, rows.get("java.util.HashMap$Entry[]")[0]);
        assertEquals(195992, rows.get("<constMethodKlass>")[0]);
    }

    /** jhsdb's layout, as JDK 17's {@code jhsdb jmap --histo --pid} writes it (rows cut to four). */
    @Test
    void jhsdbLayout() {
        Profile p = load("""
                Attaching to process ID 31423, please wait...
                Debugger attached successfully.
                Server compiler detected.
                JVM version is 17.0.15+6-Debian-1deb12u1
                Object Histogram:

                num 	  #instances	#bytes	Class description
                --------------------------------------------------------------------------
                1:		8843	489400	byte[]
                2:		7996	191904	java.lang.String
                3:		1582	113152	java.lang.Object[]
                4:		2000	112000	leak.Session
                Total : 	20421	906456
                Iterating over heap. This may take a while...
                Heap traversal took 1.647 seconds.
                """);
        assertEquals("Class histogram (jhsdb jmap --histo) of process 31423, JDK 17.0.15+6-Debian-1deb12u1",
                p.comments().get(0));
        Map<String, long[]> rows = rows(p);
        assertEquals(8843, rows.get("byte[]")[0]);
        assertEquals(113152, rows.get("java.lang.Object[]")[1]);
        assertEquals(2000, rows.get("leak.Session")[0]);
        assertEquals(906456, p.totals()[1]);
        assertTrue(ClassHistogram.sniff("Attaching to process ID 31423, please wait...\nDebugger attached successfully.\n"
                .getBytes(StandardCharsets.UTF_8)) == false, "no header yet in these bytes");
    }

    /**
     * A GC log of -Xlog:gc+classhisto*=trace:file=gc.log:utctime,level,tags (rows cut to two): one
     * histogram before and one after each full collection; the last counts, at the log's time.
     */
    @Test
    void gcLogLayoutTakesTheLastHistogramAndItsTime() {
        String before = "[2026-12-06T23:40:01.815+0000][trace][gc,classhisto,start] Class Histogram (before full gc)\n"
                + "[2026-12-06T23:40:01.816+0000][trace][gc,classhisto      ] GC(0)  num     #instances         #bytes"
                + "  class name (module)\n"
                + "[2026-12-06T23:40:01.816+0000][trace][gc,classhisto      ] GC(0) ---------------------------------------\n"
                + "[2026-12-06T23:40:01.816+0000][trace][gc,classhisto      ] GC(0)    1:          8844         489440"
                + "  [B (java.base@17.0.15)\n"
                + "[2026-12-06T23:40:01.816+0000][trace][gc,classhisto      ] GC(0)    2:          2000         112000"
                + "  leak.Session\n"
                + "[2026-12-06T23:40:01.817+0000][trace][gc,classhisto      ] GC(0) Total         10844        601440\n"
                + "[2026-12-06T23:40:01.817+0000][trace][gc,classhisto,start] GC(0) Class Histogram (before full gc) 1.4ms\n"
                + "[2026-12-06T23:40:01.823+0000][trace][gc,classhisto,start] GC(0) Class Histogram (after full gc)\n";
        String after = "[2026-12-06T23:40:01.823+0000][trace][gc,classhisto      ] GC(0)  num     #instances         #bytes"
                + "  class name (module)\n"
                + "[2026-12-06T23:40:01.823+0000][trace][gc,classhisto      ] GC(0) ---------------------------------------\n"
                + "[2026-12-06T23:40:01.823+0000][trace][gc,classhisto      ] GC(0)    1:          7397         348424"
                + "  [B (java.base@17.0.15)\n"
                + "[2026-12-06T23:40:01.823+0000][trace][gc,classhisto      ] GC(0)    2:          2000         112000"
                + "  leak.Session\n"
                + "[2026-12-06T23:40:01.824+0000][trace][gc,classhisto      ] GC(0) Total          9397        460424\n"
                + "[2026-12-06T23:40:01.824+0000][trace][gc,classhisto      ] GC(0) Class Histogram (after full gc) 1.485ms\n";
        assertTrue(ClassHistogram.sniff((before + after).getBytes(StandardCharsets.UTF_8)));
        Profile p = load(before + after);
        assertEquals("Class histogram (GC log, -Xlog:gc+classhisto), JDK 17.0.15", p.comments().get(0));
        assertEquals("Time taken from the text (the GC log's time)", p.comments().get(1));
        assertEquals("The last of 2 class histograms in the GC log", p.comments().get(2));
        assertEquals(7397, rows(p).get("byte[]")[0]);
        assertEquals(460424, p.totals()[1]);
        assertEquals(Instant.parse("2026-12-06T23:40:01.823Z").toEpochMilli() * 1_000_000L, p.timeNanos());
        // another unified log is not a histogram; a broken row names its line
        assertFalse(ClassHistogram.sniff("[0.005s][info][gc] Using G1\n".getBytes(StandardCharsets.UTF_8)));
        assertMessage("h.txt: line 4: malformed class histogram: expected a row \"num: #instances #bytes class-name"
                + " [(module)]\", found \"[2026-12-06T23:40:01.816+0000][trace][gc,classhisto      ] GC(0)    1:          …\"",
                before.replace("8844", "x"));
    }

    @Test
    void aClassOfSeveralLoadersIsOneSample() {
        Profile p = load("""
                1234:
                 num     #instances         #bytes  class name (module)
                -------------------------------------------------------
                   1:            10            240  app.Plugin
                   2:             5            120  app.Plugin
                   3:             1             16  java.lang.Object (java.base@21.0.2)
                Total            16            376
                """);
        assertEquals(2, p.sampleCount());
        assertEquals(15, rows(p).get("app.Plugin")[0]);
        assertEquals(360, rows(p).get("app.Plugin")[1]);
    }

    @Test
    void windowsLineEndingsAndAWarningAboveTheHeader() {
        Profile p = load("WARNING: Ran out of C-heap; undercounted 3 total instances in data below\r\n"
                + " num     #instances         #bytes  class name (module)\r\n"
                + "-------------------------------------------------------\r\n"
                + "   1:             2             48  java.lang.String (java.base@17.0.15)\r\n"
                + "Total             2             48\r\n");
        assertEquals(48, p.totals()[1]);
        assertTrue(p.comments().contains("The JVM warned: WARNING: Ran out of C-heap; undercounted 3 total instances"
                + " in data below"), p.comments().toString());
    }

    @Test
    void withoutTotalLineTheHistogramIsCutShortAndSaysSo() {
        Profile p = load("""
                 num     #instances         #bytes  class name (module)
                -------------------------------------------------------
                   1:             2             48  java.lang.String (java.base@17.0.15)
                """);
        assertEquals(1, p.sampleCount());
        assertTrue(p.comments().stream().anyMatch(c -> c.startsWith("No Total line")), p.comments().toString());
    }

    @Test
    void malformedLineNamesItsNumber() {
        InputException e = assertThrows(InputException.class, () -> load("""
                4711:
                 num     #instances         #bytes  class name (module)
                -------------------------------------------------------
                   1:             2             48  java.lang.String (java.base@17.0.15)
                   2:             x             48  java.lang.Object (java.base@17.0.15)
                Total             4             96
                """));
        assertEquals("h.txt: line 5: malformed class histogram: expected a row \"num: #instances #bytes class-name"
                + " [(module)]\", found \"2:             x             48  java.lang.Object (java.base@17.0.15)\"",
                e.getMessage());
    }

    @Test
    void totalThatDisagreesWithTheRowsIsAnError() {
        InputException e = assertThrows(InputException.class, () -> load("""
                 num     #instances         #bytes  class name (module)
                -------------------------------------------------------
                   1:             2             48  java.lang.String (java.base@17.0.15)
                Total             3             48
                """));
        assertEquals("h.txt: line 4: the Total line says 3 instances and 48 bytes, the rows above it add up to 2 and 48"
                + " (a row is missing or altered)", e.getMessage());
    }

    @Test
    void otherMalformations() {
        String head = " num     #instances         #bytes  class name (module)\n"
                + "-------------------------------------------------------\n";
        assertMessage("h.txt: line 3: a number too large for 64 bits",
                head + "   1:  99999999999999999999  48  java.lang.String\n");
        assertMessage("h.txt: line 3: malformed class histogram: expected a row \"num: #instances #bytes class-name"
                + " [(module)]\", found \"1:  2  48  java.lang.String (java.base\"", head + "   1:  2  48  java.lang.String (java.base\n");
        assertMessage("h.txt: line 3: malformed class histogram: expected a row \"num: #instances #bytes class-name"
                + " [(module)]\", found \"1:  2  48\"", head + "   1:  2  48\n");
        assertMessage("h.txt: line 3: longer than 65536 bytes, not a class histogram row",
                head + "   1:  2  48  A" + "x".repeat(70_000) + "\nTotal 2 48\n");
        assertMessage("h.txt: line 2: malformed class histogram: expected the dashes under the header, found \"1:  2  48  A\"",
                " num     #instances         #bytes  class name\n   1:  2  48  A\n");
        assertMessage("h.txt: the class histogram lists no class", head + "Total 0 0\n");
    }

    @Test
    void sniffsTheHeaderNotTheExtension() {
        assertTrue(ClassHistogram.sniff("12:\n num     #instances         #bytes  class name\n".getBytes(StandardCharsets.UTF_8)));
        assertTrue(ClassHistogram.sniff("num     #instances         #bytes  class name\n".getBytes(StandardCharsets.UTF_8)));
        // jcmd's answer to JFR.dump starts with the process id too
        assertFalse(ClassHistogram.sniff("24712:\nDumped recording \"leak\", 1.2 MB written to:\n".getBytes(StandardCharsets.UTF_8)));
        assertFalse(ClassHistogram.sniff("heap profile: 1: 2 [3: 4] @ heapprofile\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void captureTimeFromNameElseModificationTime(@TempDir Path dir) throws IOException {
        assertEquals(Instant.parse("2026-12-06T20:20:31Z"), instant(CaptureTime.of(InputSource.of(
                dir.resolve("histo-20261206T202031Z.txt"))).nanos()));
        Path f = dir.resolve("histo_1.txt");
        Files.writeString(f, "x");
        Files.setLastModifiedTime(f, FileTime.from(Instant.parse("2026-01-02T03:04:05Z")));
        CaptureTime t = CaptureTime.of(InputSource.of(f));
        assertEquals(Instant.parse("2026-01-02T03:04:05Z"), instant(t.nanos()));
        assertEquals("from the file's modification time", t.how());
        assertEquals(0, CaptureTime.of(InputSource.of("-", dir, new ByteArrayInputStream(new byte[0]))).nanos());
    }

    private static Instant instant(long nanos) {
        return Instant.ofEpochSecond(0, nanos);
    }

    private static void assertMessage(String expected, String text) {
        assertEquals(expected, assertThrows(InputException.class, () -> load(text)).getMessage());
    }

    @TempDir
    static Path texts;

    /** The text as a file named h.txt (a name without a date). */
    private static Profile load(String text) {
        try {
            Path file = Files.writeString(texts.resolve("h.txt"), text);
            return ClassHistogram.load(InputSource.named("h.txt", file), Limits.DEFAULT);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Path first() throws IOException {
        try (var files = Files.list(SERIES)) {
            return files.sorted().findFirst().orElseThrow();
        }
    }

    /** Per class name, instances and bytes. */
    private static Map<String, long[]> rows(Profile p) {
        Map<String, long[]> rows = new HashMap<>();
        for (int s = 0; s < p.sampleCount(); s++) {
            String name = p.functionName(p.lineFunction[p.locLineStart[p.stacks.location(p.stackLeaf(s))]]);
            rows.put(name, new long[] {p.value(s, 0), p.value(s, 1)});
        }
        return rows;
    }
}
