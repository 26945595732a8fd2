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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Class histograms within other text, found by content wherever they stand: the JVM's standard output
 * with {@code -XX:+PrintClassHistogram} (a thread dump and the program's lines around it; a real one in
 * testdata/jvm-leak/stdout), jcmd's answers to two commands in one file, JDK 8's GC log
 * (testdata/jvm-leak/gc-jdk8, hand-made, see testdata/README.md), a unified GC log whose first
 * histogram is far from its start. The last complete histogram counts; a text without one is no profile.
 */
class HistogramInTextTest {
    private static final String HEADER = " num     #instances         #bytes  class name (module)\n"
            + "-------------------------------------------------------\n";
    private static final String THREAD_DUMP = "2026-12-07 03:41:33\n"
            + "Full thread dump OpenJDK 64-Bit Server VM (17.0.15+6-Debian-1deb12u1 mixed mode, sharing):\n"
            + "\n"
            + "\"main\" #1 prio=5 os_prio=0 cpu=52.02ms elapsed=0.31s tid=0x00007ff8bc017f60 nid=0x14cb runnable\n"
            + "   java.lang.Thread.State: RUNNABLE\n"
            + "\tat java.io.FileInputStream.readBytes(java.base@17.0.15/Native Method)\n"
            + "\n"
            + "JNI global refs: 4, weak refs: 0\n"
            + "\n"
            + "Heap\n"
            + " garbage-first heap   total 262144K, used 2217K [0x00000000f0000000, 0x0000000100000000)\n"
            + "\n";

    @TempDir
    Path dir;

    /** The program's lines, a thread dump, the histogram, more lines: the histogram counts, the rest is said skipped. */
    @Test
    void histogramInTheJvmsStandardOutput() {
        String text = "ready 5320\nstep 1 sessions 2000 cached 1000\n" + THREAD_DUMP + HEADER
                + "   1:          7397         348464  [B (java.base@17.0.15)\n"
                + "   2:          2000         112000  leak.Session\n"
                + "Total          9397         460464\n"
                + "step 2 sessions 4000 cached 1000\n";
        Profile p = load(text);
        assertEquals(List.of("Class histogram (-XX:+PrintClassHistogram or jmap -histo), JDK 17.0.15",
                "Time taken from the text (the thread dump's local time, read as UTC)",
                "The class histogram of lines 15-19 of 20; the other text skipped"), p.comments());
        assertEquals(460464, p.totals()[1]);
        assertEquals(2, p.sampleCount());
        assertEquals(Instant.parse("2026-12-07T03:41:33Z").getEpochSecond() * 1_000_000_000L, p.timeNanos());
    }

    /**
     * A thread dump's time is the JVM's local time, without zone: a date in the file name comes first,
     * and a dump before an earlier histogram gives the later one no time.
     */
    @Test
    void threadDumpTimeAfterTheFileName() throws IOException {
        String histogram = HEADER + "   1:             2             48  java.lang.String (java.base@17.0.15)\n"
                + "Total             2             48\n";
        Path named = Files.writeString(dir.resolve("stdout-20261207T050000Z.log"), THREAD_DUMP + histogram);
        Profile p = ProfileLoader.load(InputSource.of(named), Limits.DEFAULT);
        assertEquals("Time taken from the file name", p.comments().get(1));
        assertEquals(Instant.parse("2026-12-07T05:00:00Z").getEpochSecond() * 1_000_000_000L, p.timeNanos());
        assertEquals("Time taken from the file's modification time",
                load(THREAD_DUMP + histogram + "log line\n" + histogram).comments().get(1));
        assertEquals("Time taken from the file's modification time",
                load("2026-13-07 03:41:33\nFull thread dump OpenJDK\n" + histogram).comments().get(1));
    }

    /** {@code jcmd PID Thread.print} and {@code jcmd PID GC.class_histogram} into one file, either order. */
    @Test
    void jcmdAnswersInOneFile() {
        String histogram = "4711:\n" + HEADER + "   1:             2             48  java.lang.String (java.base@17.0.15)\n"
                + "Total             2             48\n";
        for (String text : List.of("4711:\n" + THREAD_DUMP + histogram, histogram + "4711:\n" + THREAD_DUMP)) {
            Profile p = load(text);
            assertEquals("Class histogram (jcmd GC.class_histogram) of process 4711, JDK 17.0.15", p.comments().get(0));
            assertTrue(p.comments().get(2).endsWith("; the other text skipped"), p.comments().toString());
            assertEquals(48, p.totals()[1]);
        }
    }

    /**
     * Several histograms: the last complete one counts. One that breaks off (a line that is no row)
     * or is cut short at the end does not, and is said.
     */
    @Test
    void theLastCompleteHistogramCounts() {
        String first = HEADER + "   1:             2             48  java.lang.String (java.base@17.0.15)\n"
                + "Total             2             48\n";
        String second = HEADER + "   1:             3             72  java.lang.String (java.base@17.0.15)\n"
                + "Total             3             72\n";
        String broken = HEADER + "   1:             4             96  java.lang.String (java.base@17.0.15)\n"
                + "an application's line\n";
        String cut = HEADER + "   1:             5            120  java.lang.String (java.base@17.0.15)\n";
        Profile p = load(first + "log line\n" + second + broken + cut);
        assertEquals(72, p.totals()[1]);
        assertTrue(p.comments().contains("The class histogram of lines 6-9 of 16, the last of 2; the other text skipped"),
                p.comments().toString());
        assertTrue(p.comments().contains("Skipped the class histogram of line 14: it breaks off or is cut short,"
                + " the last complete one counts"), p.comments().toString());
        // histograms one after the other, nothing else: said too
        assertTrue(load(first + second).comments().contains("The class histogram of lines 5-8 of 8, the last of 2"));
        // without a complete one, the one cut short at the end is read, and said
        Profile c = load("log line\n" + cut);
        assertEquals(120, c.totals()[1]);
        assertTrue(c.comments().stream().anyMatch(s -> s.startsWith("No Total line")), c.comments().toString());
    }

    /** A text holding a histogram that breaks off, and no other: the error names where. */
    @Test
    void aHistogramThatBreaksOffIsAnErrorAtItsLine() {
        InputException e = assertThrows(InputException.class, () -> load(THREAD_DUMP + HEADER
                + "   1:             x             48  java.lang.String (java.base@17.0.15)\nTotal 1 48\n"));
        assertEquals("h.txt: line 15: malformed class histogram: expected a row \"num: #instances #bytes class-name"
                + " [(module)]\", found \"1:             x             48  java.lang.String (java.base@17.0.15)\"",
                e.getMessage());
    }

    /** A thread dump without histogram, long lines, escapes: no profile, with the usual one-line error. */
    @Test
    void textWithoutHistogramIsNoProfile() {
        ProfileLoader.NotAProfileException e = assertThrows(ProfileLoader.NotAProfileException.class,
                () -> load(THREAD_DUMP + "x".repeat(100_000) + "\n\u001b[31mred\u001b[0m\n"));
        assertTrue(e.getMessage().startsWith("h.txt: not a profile: text starting with \"2026-12-07 03:41:33\" is in no"
                + " format leakscope knows"), e.getMessage());
    }

    /** A line longer than a histogram's ever is, around the histogram: skipped like any other. */
    @Test
    void longLinesAroundAHistogramAreSkipped() {
        Profile p = load("{\"log\":\"" + "x".repeat(100_000) + "\"}\n" + HEADER
                + "   1:             2             48  java.lang.String (java.base@17.0.15)\nTotal 2 48\n");
        assertEquals(48, p.totals()[1]);
    }

    /** JDK 8's standard output on kill -3: the thread dump, the heap, a blank line, the histogram. */
    @Test
    void jdk8StandardOutput() {
        Profile p = load("2026-12-07 03:41:33\nFull thread dump Java HotSpot(TM) 64-Bit Server VM (25.392-b08 mixed mode):\n\n"
                + "Heap\n PSYoungGen      total 9216K, used 2188K [0x00000000ff600000, 0x0000000100000000)\n\n"
                + " num     #instances         #bytes  class name\n"
                + "----------------------------------------------\n"
                + "   1:          4466         398912  [C\n"
                + "   2:          2000          48000  leak.Session\n"
                + "Total          6466         446912\n");
        assertEquals("Class histogram (-XX:+PrintClassHistogram or jmap -histo), JDK 8 layout (no module column)",
                p.comments().get(0));
        assertEquals(398912, rows(p, "char[]"));
    }

    /**
     * testdata/jvm-leak/gc-jdk8/gc.log: -XX:+PrintClassHistogramBeforeFullGC and AfterFullGC with
     * -XX:+PrintGCDetails -XX:+PrintGCDateStamps -XX:+PrintHeapAtGC; the last of its four histograms
     * counts, at the date stamp of the line above it.
     */
    @Test
    void jdk8GcLog() {
        Profile p = ProfileLoader.load(InputSource.of(Path.of("testdata/jvm-leak/gc-jdk8/gc.log")), Limits.DEFAULT);
        assertEquals(List.of("Class histogram (GC log, -XX:+PrintClassHistogramBeforeFullGC or AfterFullGC),"
                + " JDK 8 layout (no module column)", "Time taken from the text (the GC log's time)",
                "The last of 4 class histograms in the GC log"), p.comments());
        assertEquals(Instant.parse("2026-12-06T20:20:38.340Z").toEpochMilli() * 1_000_000L, p.timeNanos());
        assertEquals(6000, p.value(sample(p, "leak.Session"), 0));
        assertEquals(16, p.sampleCount());
    }

    /** A unified GC log of -Xlog:gc*,gc+classhisto*=trace: its first histogram far beyond its first bytes. */
    @Test
    void unifiedGcLogWithOtherTagsFirst() {
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            log.append("[2026-12-06T23:40:00.").append(100 + i).append("+0000][info][gc,heap] GC(0) Eden regions: 1->0(9)\n");
        }
        String d = "[2026-12-06T23:40:01.823+0000][trace][gc,classhisto      ] GC(1) ";
        log.append(d).append(" num     #instances         #bytes  class name (module)\n")
                .append(d).append("---------------------------------------\n")
                .append(d).append("   1:          2000         112000  leak.Session\n")
                .append(d).append("Total          2000         112000\n");
        assertFalse(ClassHistogram.sniff(log.substring(0, 4096).getBytes(StandardCharsets.UTF_8)));
        Profile p = load(log.toString());
        assertEquals("Class histogram (GC log, -Xlog:gc+classhisto), JDK 9 or later", p.comments().get(0));
        assertEquals(Instant.parse("2026-12-06T23:40:01.823Z").toEpochMilli() * 1_000_000L, p.timeNanos());
    }

    /** A time decoration that names no time (month 13): the time comes from the file instead. */
    @Test
    void gcLogDecorationThatIsNoTime() {
        String d = "[2026-13-06T23:40:01.823+0000][trace][gc,classhisto] GC(1) ";
        Profile p = load(d + " num     #instances         #bytes  class name (module)\n" + d + "-----\n"
                + d + "   1:          2000         112000  leak.Session\n" + d + "Total          2000         112000\n");
        assertEquals("Time taken from the file's modification time", p.comments().get(1));
    }

    /**
     * Windows PowerShell 5 redirects a command's output ({@code jcmd PID GC.class_histogram > histo.txt})
     * as UTF-16 behind a byte-order mark, with {@code \r\n} line ends: read as the same text.
     */
    @Test
    void utf16OfWindowsPowerShell() throws IOException {
        Path jcmd = Path.of("testdata/jvm-leak/histograms/histo-20261206T202031Z.txt");
        Profile expected = ProfileLoader.load(InputSource.of(jcmd), Limits.DEFAULT);
        String text = Files.readString(jcmd).replace("\n", "\r\n");
        for (java.nio.charset.Charset utf16 : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            byte[] bom = utf16 == StandardCharsets.UTF_16LE ? new byte[] {(byte) 0xff, (byte) 0xfe}
                    : new byte[] {(byte) 0xfe, (byte) 0xff};
            for (String t : List.of(text, "PS C:\\> java -XX:+PrintClassHistogram -jar service.jar\r\n" + text)) {
                byte[] body = t.getBytes(utf16);
                byte[] all = new byte[bom.length + body.length];
                System.arraycopy(bom, 0, all, 0, bom.length);
                System.arraycopy(body, 0, all, bom.length, body.length);
                Profile p = load(all);
                assertEquals(expected.sampleCount(), p.sampleCount());
                assertEquals(expected.totals()[1], p.totals()[1]);
                assertEquals(expected.comments().get(0), p.comments().get(0));
            }
        }
    }

    /** Characters beyond 16 bits, a pair of UTF-16 units split between two chunks, come through whole. */
    @Test
    void utf16CharactersOfTwoUnits() throws IOException {
        String text = "x".repeat(8191) + "\uD83D\uDE00 \u00e9\n".repeat(3000);
        byte[] utf16 = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16BE);
        try (java.io.InputStream in = Utf16Text.utf8(new java.io.ByteArrayInputStream(utf16))) {
            assertEquals(text, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        byte[] plain = "plain".getBytes(StandardCharsets.UTF_8);
        try (java.io.InputStream in = Utf16Text.utf8(new java.io.ByteArrayInputStream(plain))) {
            assertEquals("plain", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private Profile load(byte[] content) {
        try {
            Path file = Files.write(dir.resolve("h.txt"), content);
            return ProfileLoader.load(InputSource.named("h.txt", file), Limits.DEFAULT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text as a file named h.txt (a name without a date), read as any input is. */
    private Profile load(String text) {
        return load(text.getBytes(StandardCharsets.UTF_8));
    }

    private static int sample(Profile p, String name) {
        for (int s = 0; s < p.sampleCount(); s++) {
            if (p.functionName(p.lineFunction[p.locLineStart[p.stacks.location(p.stackLeaf(s))]]).equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no sample of " + name);
    }

    private static long rows(Profile p, String name) {
        return p.value(sample(p, name), 1);
    }
}
