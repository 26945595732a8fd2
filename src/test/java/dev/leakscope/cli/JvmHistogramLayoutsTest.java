package dev.leakscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leakscope.Cli;
import dev.leakscope.JvmLeakProgram;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class histograms of the other JDK tools, taken from testdata/jvm-leak's program running in the
 * test JDK: {@code jhsdb jmap --histo}, a GC log of {@code -Xlog:gc+classhisto*=trace} (two
 * histograms per full collection, the last counts; its time from the log's utctime decoration) and
 * the standard output of {@code -XX:+PrintClassHistogram}. Two steps of 2000 sessions apart, diff
 * finds the 4000 kept sessions.
 */
class JvmHistogramLayoutsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static long sessionDelta(Path dir, String base, String current) throws Exception {
        Cli.Result d = Cli.run(dir, "diff", "--format=json", "--sample-index=instances", "--nodefraction=0", base, current);
        assertEquals(0, d.exitCode(), d.err());
        for (JsonNode row : JSON.readTree(d.out()).get("rows")) {
            if (row.get("name").asText().equals("leak.Session")) {
                return row.get("delta").asLong();
            }
        }
        throw new AssertionError("no leak.Session row: " + d.out());
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void jhsdbHistograms(@TempDir Path dir) throws Exception {
        try (JvmLeakProgram program = JvmLeakProgram.start()) {
            program.step();
            Files.writeString(dir.resolve("jhsdb_0.txt"), program.jhsdbHistogram());
            program.step();
            program.step();
            Files.writeString(dir.resolve("jhsdb_1.txt"), program.jhsdbHistogram());
        }
        assertEquals(4000, sessionDelta(dir, "jhsdb_0.txt", "jhsdb_1.txt"));
        Cli.Result info = Cli.run(dir, "info", "jhsdb_1.txt");
        assertEquals(0, info.exitCode(), info.err());
        assertTrue(info.out().contains("Producer:    Class histogram (jhsdb jmap --histo) of process "), info.out());
    }

    /**
     * The standard output of the program under -XX:+PrintClassHistogram, as it grows: its own lines and,
     * on each kill -3, a thread dump and a class histogram. Each copy is read as its last histogram.
     */
    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void standardOutputOfPrintClassHistogram(@TempDir Path dir) throws Exception {
        StringBuilder stdout = new StringBuilder();
        try (JvmLeakProgram program = JvmLeakProgram.start("-XX:+PrintClassHistogram")) {
            stdout.append(program.step()).append('\n').append(program.quitSignal());
            Files.writeString(dir.resolve("stdout_0.log"), stdout);
            stdout.append(program.step()).append('\n').append(program.step()).append('\n').append(program.quitSignal());
            Files.writeString(dir.resolve("stdout_1.log"), stdout.append(program.step()).append('\n'));
        }
        assertEquals(4000, sessionDelta(dir, "stdout_0.log", "stdout_1.log"));
        Cli.Result info = Cli.run(dir, "info", "stdout_1.log");
        assertTrue(info.out().contains("Producer:    Class histogram (-XX:+PrintClassHistogram or jmap -histo), JDK "),
                info.out());
        assertTrue(info.out().contains(", the last of 2; the other text skipped\n"), info.out());
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void gcLogHistograms(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("gc.log");
        try (JvmLeakProgram program = JvmLeakProgram.start("-Xlog:gc+classhisto*=trace:file=" + log
                + ":utctime,level,tags")) {
            program.step();
            program.fullGc();
            Files.copy(log, dir.resolve("gc_0.log"));
            program.step();
            program.step();
            program.fullGc();
            Files.copy(log, dir.resolve("gc_1.log"));
        }
        assertEquals(4000, sessionDelta(dir, "gc_0.log", "gc_1.log"));
        Cli.Result diff = Cli.run(dir, "diff", "gc_0.log", "gc_1.log");
        assertTrue(diff.out().contains(", time from the text (the GC log's time), the last of 2 class histograms in the GC"
                + " log)\nCurrent: gc_1.log ("), diff.out());
        assertTrue(diff.out().contains(", time from the text (the GC log's time), the last of 4 class histograms in the GC"
                + " log)\nType:"), diff.out());
        Cli.Result info = Cli.run(dir, "info", "gc_1.log");
        assertTrue(info.out().contains("Producer:    Class histogram (GC log, -Xlog:gc+classhisto), JDK "), info.out());
        assertTrue(info.out().contains("Comment:     The last of 4 class histograms in the GC log"), info.out());
    }
}
