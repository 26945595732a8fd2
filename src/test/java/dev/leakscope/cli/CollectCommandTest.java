package dev.leakscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakscope.Cli;
import dev.leakscope.LiveService;
import dev.leakscope.ManualTime;
import dev.leakscope.input.remote.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * collect against the real Go service of testdata/live-service: the "time" between snapshots is the
 * service leaking (the injected sleeper asks it to), so nothing waits for the wall clock.
 */
class CollectCommandTest {
    @TempDir
    Path dir;

    @Test
    void collectedSnapshotsOfALeakingServiceNameTheLeakFirstInTrend() throws Exception {
        try (LiveService service = LiveService.start(false)) {
            AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-06T17:00:00Z"));
            Clock clock = new Clock() {
                @Override
                public ZoneOffset getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now.get();
                }
            };
            Environment env = new Environment(Map.<String, String>of()::get, clock, d -> {
                service.leak(512);
                now.set(now.get().plus(d));
            });
            Cli.Result r = Cli.run(dir, env, "collect", "--every", "1m", "--count", "5", "--gc", "--out", "snaps",
                    service.url().substring("http://".length()));
            assertEquals(0, r.exitCode(), r.err());
            try (Stream<Path> files = Files.list(dir.resolve("snaps"))) {
                assertEquals(5, files.filter(p -> p.getFileName().toString().endsWith(".pb.gz")).count());
            }
            assertTrue(r.err().contains("heap.20261206T170400.000Z.pb.gz"), r.err());
            Cli.Result trend = Cli.run(dir, "trend", "snaps");
            assertEquals(0, trend.exitCode(), trend.err());
            List<String> lines = trend.out().lines().toList();
            int total = lines.indexOf(lines.stream().filter(l -> l.endsWith("  (total)")).findFirst().orElseThrow());
            String row1 = lines.get(total + 1);
            // Row 1, whether or not a suspect: the profiles' own time_nanos are the service's wall clock,
            // so how steady the rate looks depends on the machine's speed; the ranking does not.
            assertTrue(row1.endsWith("  main.rememberSession"), trend.out());
        }
    }

    @Test
    void onATerminalALineCountsDownToTheNextSnapshot() throws Exception {
        try (LiveService service = LiveService.start(false)) {
            List<java.time.Duration> waits = new java.util.ArrayList<>();
            Environment env = new Environment(Map.<String, String>of()::get,
                    Clock.fixed(Instant.parse("2026-12-06T17:00:00Z"), ZoneOffset.UTC), waits::add).withTerminal(true);
            Cli.Result r = Cli.run(dir, env, "collect", "--every", "2.5s", "--count", "2", "--out", "snaps",
                    service.heap());
            assertEquals(0, r.exitCode(), r.err());
            assertEquals(List.of(java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(1),
                    java.time.Duration.ofMillis(500)), waits);
            String line = "leakscope: snapshot 2 of 2 (1 file in snaps so far) in ";
            assertTrue(r.err().contains("\r" + line + "3s\r" + line + "2s\r" + line + "1s\r"
                    + " ".repeat(line.length() + 2) + "\rleakscope: 2/2: "), r.err());
        }
    }

    /** A fetch that fails as often as --max-failures allows ends the run: one line, its count in the right number. */
    @Test
    void aServiceThatIsNotThereEndsTheRunAfterMaxFailures() throws Exception {
        int port;
        try (java.net.ServerSocket closed = new java.net.ServerSocket(0)) {
            port = closed.getLocalPort();
        }
        Cli.Result r = Cli.run(dir, "collect", "--count", "1", "--max-failures", "1", "--out", "snaps",
                "127.0.0.1:" + port);
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().endsWith(" (1 failure in a row, giving up; see --max-failures)\n"), r.err());
    }

    @Test
    void ctrlCWhileWaitingSaysHowFarTheSeriesGotAndThatTheFilesAreWhole() throws Exception {
        try (LiveService service = LiveService.start(false)) {
            Environment env = new Environment(k -> null, new ManualTime(Instant.parse("2026-12-06T17:00:00Z")), d -> {
                throw new InterruptedException(); // what Ctrl-C does to the waiting thread
            });
            Cli.Result r = Cli.run(dir, env, "collect", "--count", "3", "--every", "1m", "--out", "snaps", service.heap());
            assertEquals(2, r.exitCode(), r.err());
            assertTrue(r.err().endsWith("leakscope: collect: stopped by Ctrl-C after 1 of 3 snapshots; the files in snaps"
                    + " are whole (the same command adds 3 snapshots more to the series)\n"), r.err());
            try (Stream<Path> files = Files.list(dir.resolve("snaps"))) {
                assertEquals(1, files.filter(f -> !f.getFileName().toString().startsWith(".")).count());
            }
        }
    }

    @Test
    void saveOptionsAreRefusedForTheSnapshotsGoToOut() {
        Cli.Result r = Cli.run(dir, "collect", "--count", "1", "--out", "snaps", "--no-save", "127.0.0.1:1");
        assertEquals(2, r.exitCode(), r.err());
        assertEquals("leakscope: --no-save: collect keeps every snapshot in --out DIR\n", r.err());
        r = Cli.run(dir, "collect", "--count", "1", "--out", "snaps", "--save", "elsewhere", "127.0.0.1:1");
        assertEquals("leakscope: --save: collect keeps every snapshot in --out DIR\n", r.err());
    }

    @Test
    void anOutThatIsAFileIsAUsageError() throws Exception {
        Files.writeString(dir.resolve("afile"), "x");
        Cli.Result r = Cli.run(dir, "collect", "--count", "1", "--out", "afile", "127.0.0.1:1");
        assertEquals(2, r.exitCode(), r.err());
        assertEquals("leakscope: --out afile: not a directory (name a directory, made if it is missing)\n", r.err());
        assertEquals("x", Files.readString(dir.resolve("afile")));
    }

    /** An answer that is no profile (a JSON error with status 200) is a failed fetch, not a snapshot. */
    @Test
    void anAnswerThatIsNoProfileIsAFailureAndNeverSaved() throws Exception {
        try (TestServer s = TestServer.http().on("/", TestServer.answer(200, "application/json", "{\"error\": \"busy\"}"))) {
            Cli.Result r = Cli.run(dir, "collect", "--count", "1", "--max-failures", "1", "--out", "snaps",
                    s.url("/debug/pprof/heap"));
            assertEquals(2, r.exitCode(), r.err());
            assertTrue(r.err().contains(": not a profile: text starting with \"{\"error\": \"busy\"}\" is in no format"
                    + " leakscope knows"), r.err());
            assertTrue(r.err().endsWith(" (1 failure in a row, giving up; see --max-failures)\n"), r.err());
            try (Stream<Path> files = Files.walk(dir.resolve("snaps"))) {
                assertEquals(List.of(), files.filter(Files::isRegularFile).toList());
            }
        }
    }
}
