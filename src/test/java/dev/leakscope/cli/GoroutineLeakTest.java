package dev.leakscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakscope.Cli;
import dev.leakscope.LiveService;
import dev.leakscope.ManualTime;
import dev.leakscope.SharedCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Goroutine leaks: the goroutines of a fan-out that nobody reads wait in the runtime (runtime.gopark
 * under a channel send); diff and trend name the program's frame they wait in, fanout.queryReplica
 * (the corpus README's ground truth), as the via of row 1. Go's full goroutine dumps (debug=2),
 * written by the real Go service, read as profiles and rank its queryReplica first.
 */
class GoroutineLeakTest {
    @TempDir
    Path dir;

    @Test
    void diffOfTheCorpusGoroutineProfilesNamesQueryReplicaInRowOne() {
        Assumptions.assumeTrue(SharedCorpus.present(), "the shared corpus");
        Path c = SharedCorpus.corpus("go", "goroutine-leak");
        Cli.Result r = Cli.run("diff", c.resolve("goroutine_0.pb.gz").toString(), c.resolve("goroutine_5.pb.gz").toString());
        assertEquals(0, r.exitCode(), r.err());
        String row1 = r.out().lines().filter(l -> l.matches(" +1 .*")).findFirst().orElse(r.out());
        assertTrue(row1.endsWith("runtime.gopark (via example.com/leakdemo/internal/fanout.queryReplica: 100%)"), r.out());
    }

    @Test
    void trendOfTheCorpusGoroutineProfilesNamesQueryReplicaInRowOne() {
        Assumptions.assumeTrue(SharedCorpus.present(), "the shared corpus");
        Path c = SharedCorpus.corpus("go", "goroutine-leak");
        String[] args = new String[7];
        args[0] = "trend";
        for (int i = 0; i <= 5; i++) {
            args[i + 1] = c.resolve("goroutine_" + i + ".pb.gz").toString();
        }
        Cli.Result r = Cli.run(args);
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(rowAfterTotal(r.out()).endsWith(
                "  runtime.gopark (via example.com/leakdemo/internal/fanout.queryReplica)"), r.out());
    }

    @Test
    void goroutineDumpsOfTheRealServiceRankItsQueryReplicaFirst() throws Exception {
        try (LiveService service = LiveService.start(false)) {
            ManualTime time = new ManualTime(Instant.parse("2026-12-06T17:00:00Z"));
            Cli.Result collect = Cli.run(dir, time.environment(d -> service.leakGoroutines(20)), "collect",
                    "--every", "1m", "--count", "4", "--out", "dumps", service.url() + "/debug/pprof/goroutine?debug=2");
            assertEquals(0, collect.exitCode(), collect.err());
            List<Path> dumps;
            try (Stream<Path> s = Files.list(dir.resolve("dumps"))) {
                dumps = s.sorted().toList();
            }
            assertEquals(4, dumps.size(), dumps.toString());
            assertTrue(dumps.get(0).toString().endsWith(".txt"), dumps.toString());
            assertTrue(Files.readString(dumps.get(3)).contains("[chan send"), "a debug=2 dump");

            Cli.Result trend = Cli.run(dir, "trend", "dumps");
            assertEquals(0, trend.exitCode(), trend.err());
            assertTrue(rowAfterTotal(trend.out()).matches("\\*.*  \\+60 .*  main\\.queryReplica"), trend.out());

            Cli.Result diff = Cli.run(dir, "diff", dumps.get(0).toString(), dumps.get(3).toString());
            assertEquals(0, diff.exitCode(), diff.err());
            String row1 = diff.out().lines().filter(l -> l.matches(" +1 .*")).findFirst().orElse(diff.out());
            assertTrue(row1.matches(" +1 +\\+60 .*main\\.queryReplica"), diff.out());

            Cli.Result tags = Cli.run(dir, "top", "--tag-focus", "state=chan send", dumps.get(3).toString());
            assertEquals(0, tags.exitCode(), tags.err());
            assertTrue(tags.out().contains("main.queryReplica"), tags.out());
        }
    }

    /** The row under (total) in trend's table: row 1. */
    private static String rowAfterTotal(String out) {
        List<String> lines = out.lines().toList();
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).endsWith("  (total)")) {
                return lines.get(i + 1);
            }
        }
        return out;
    }
}
