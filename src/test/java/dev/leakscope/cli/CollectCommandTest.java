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
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
                    + " ".repeat(line.length() + 2) + "\rleakscope: note: 2/2: "), r.err());
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

    /**
     * Snapshots start one every --every from the first, however long a fetch takes (here 0.3 s of manual
     * time); one that overruns (2.5 s) starts the next right away, and the series goes on from there
     * without a burst to catch up.
     */
    @Test
    void snapshotsStartAtAFixedRateAndAnOverrunDelaysOnlyTheNext() throws Exception {
        byte[] profile = Files.readAllBytes(Path.of("testdata/map-cache/heap_5.pb.gz"));
        ManualTime time = new ManualTime(Instant.parse("2026-12-06T17:00:00Z"));
        AtomicInteger requests = new AtomicInteger();
        try (TestServer s = TestServer.http().on("/", x -> {
            time.advance(Duration.ofMillis(requests.incrementAndGet() == 2 ? 2500 : 300));
            TestServer.answer(200, "application/octet-stream", profile).handle(x);
        })) {
            List<Duration> waits = new ArrayList<>();
            Cli.Result r = Cli.run(dir, time.environment(waits::add), "collect", "--every", "1s", "--count", "4",
                    "--out", "snaps", s.url("/debug/pprof/heap"));
            assertEquals(0, r.exitCode(), r.err());
            assertEquals(List.of("170000.000Z", "170001.000Z", "170003.500Z", "170004.500Z"), r.err().lines()
                    .map(l -> l.replaceAll(".*\\.20261206T(\\d+\\.\\d+Z)\\.pb\\.gz.*", "$1")).toList(), r.err());
            assertEquals(List.of(Duration.ofMillis(700), Duration.ofMillis(700)), waits);
            // each line says when the next one comes: after the overrun, at once
            assertEquals(List.of(" (next in 700ms)", " (next at once: this fetch took longer than --every)",
                    " (next in 700ms)", ""), r.err().lines().map(l -> l.replaceAll(".*\\.pb\\.gz", "")).toList());
        }
    }

    /**
     * Defect of several URLs: a replica that is down is retried on its own schedule while the other is fetched
     * on time, every file is reported, and when the replica gives up the run ends (as watch does) saying what
     * each URL has kept, and where.
     */
    @Test
    void aReplicaThatIsDownNeitherDelaysTheOtherNorHidesItsFiles() throws Exception {
        int down;
        try (java.net.ServerSocket closed = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            down = closed.getLocalPort();
        }
        try (LiveService service = LiveService.start(false)) {
            ManualTime time = new ManualTime(Instant.parse("2026-12-06T17:00:00Z"));
            String up = service.url().substring("http://".length());
            // retries after 1, 2, 4, 8 and 10 s: the 6th failure, at 25 s, comes after the 3rd snapshot of up, at 20 s
            Cli.Result r = Cli.run(dir, time.environment(d -> { }), "collect", "--every", "10s", "--count", "3",
                    "--max-failures", "6", "--out", "cc7", up, "127.0.0.1:" + down);
            assertEquals(2, r.exitCode(), r.err());
            String upDir = "127.0.0.1_" + up.substring(up.indexOf(':') + 1) + ".heap";
            for (int n = 1; n <= 3; n++) {
                String line = "leakscope: note: " + n + "/3: " + dir.resolve("cc7").resolve(upDir) + "/";
                assertTrue(r.err().lines().anyMatch(l -> l.startsWith(line)), line + " in " + r.err());
            }
            try (Stream<Path> files = Files.list(dir.resolve("cc7").resolve(upDir))) {
                assertEquals(3, files.count());
            }
            for (String backoff : List.of("1s", "2s", "4s", "8s", "10s")) {
                assertEquals(1, r.err().lines().filter(l -> l.startsWith("leakscope: warning: http://127.0.0.1:" + down
                        + "/debug/pprof/heap: connection refused") && l.endsWith("; retrying in " + backoff + ")")).count(),
                        r.err());
            }
            List<String> lines = r.err().lines().toList();
            List<String> end = lines.subList(lines.size() - 3, lines.size());
            assertEquals("leakscope: note: collect: http://" + up + "/debug/pprof/heap: 3 of 3 snapshots in cc7/" + upDir,
                    end.get(0));
            assertEquals("leakscope: note: collect: http://127.0.0.1:" + down + "/debug/pprof/heap: 0 of 3 snapshots",
                    end.get(1));
            assertTrue(end.get(2).endsWith(" (6 failures in a row, giving up; see --max-failures); collect stopped;"
                    + " the files in cc7 are whole (the same command adds 3 snapshots more to each series)"), end.get(2));
        }
    }

    /**
     * A replica that does not answer holds up no other: it answers only once the other has been fetched three
     * times (real time, --every 100ms; what is asserted is that the run gets there, not how fast).
     */
    @Test
    void aReplicaThatDoesNotAnswerHoldsUpNoOther() throws Exception {
        byte[] profile = Files.readAllBytes(Path.of("testdata/map-cache/heap_5.pb.gz"));
        CountDownLatch thirdOfTheOther = new CountDownLatch(3);
        try (TestServer quick = TestServer.http().on("/", x -> {
                thirdOfTheOther.countDown();
                TestServer.answer(200, "application/octet-stream", profile).handle(x);
            });
             TestServer stuck = TestServer.http().on("/", x -> {
                 try {
                     thirdOfTheOther.await(60, TimeUnit.SECONDS);
                 } catch (InterruptedException e) {
                     Thread.currentThread().interrupt();
                 }
                 TestServer.answer(200, "application/octet-stream", profile).handle(x);
             })) {
            Environment real = new Environment(k -> null, Clock.systemUTC(), dev.leakscope.util.Sleeper.REAL);
            Cli.Result r = Cli.run(dir, real, "collect", "--every", "100ms", "--count", "3", "--timeout", "20s",
                    "--max-failures", "1", "--out", "snaps", quick.url("/debug/pprof/heap"),
                    stuck.url("/debug/pprof/heap"));
            assertEquals(0, r.exitCode(), r.err());
            for (TestServer s : List.of(quick, stuck)) {
                try (Stream<Path> files = Files.list(dir.resolve("snaps").resolve("127.0.0.1_" + s.port() + ".heap"))) {
                    assertEquals(3, files.count(), r.err());
                }
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
