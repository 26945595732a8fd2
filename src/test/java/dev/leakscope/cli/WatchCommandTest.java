package dev.leakscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.leakscope.Cli;
import dev.leakscope.JsonSchemas;
import dev.leakscope.LiveService;
import dev.leakscope.ManualTime;
import dev.leakscope.input.remote.TestServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * watch against the real Go service of testdata/live-service, on manual time: each "minute" between
 * snapshots, the service handles a request that keeps 512 KiB (30 MiB/h), or with -control does the
 * same work and keeps nothing. The service's debug=1 heap text has no time of its own, so the rates are
 * per hour of the (manual) fetch times; its proto profiles carry time_nanos, which watch prefers. A
 * webhook receiver on 127.0.0.1 records what --notify posts.
 */
class WatchCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private HttpServer receiver;
    private final List<String> posted = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            posted.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private String hook() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    /** The watch of the service's debug=1 heap text (and of more URLs at the end of options, if any). */
    private Cli.Result watch(LiveService service, String... options) {
        ManualTime time = new ManualTime(Instant.parse("2026-12-06T17:00:00Z"));
        List<String> args = new ArrayList<>(List.of("watch", "--gc", "--no-save"));
        args.addAll(List.of(options));
        args.add(text(service));
        return Cli.run(dir, time.environment(d -> service.leak(512)), args.toArray(new String[0]));
    }

    private static String text(LiveService service) {
        return service.url() + "/debug/pprof/heap?debug=1";
    }

    /** A replica failing --max-failures times in a row ends the watch: every replica's summary first, then why. */
    @Test
    void aReplicaThatGivesUpEndsTheWatchAfterTheSummaries() throws Exception {
        byte[] profile = Files.readAllBytes(Path.of("testdata/map-cache/heap_5.pb.gz"));
        AtomicInteger asked = new AtomicInteger();
        try (LiveService service = LiveService.start(false);
             TestServer flaky = TestServer.http().on("/", x -> {
                 if (asked.incrementAndGet() <= 2) {
                     TestServer.answer(200, "application/octet-stream", profile).handle(x);
                 } else {
                     TestServer.answer(503, "text/plain", "going down\n").handle(x);
                 }
             })) {
            Cli.Result r = watch(service, "--every", "1m", "--count", "5", "--max-failures", "1",
                    flaky.url("/debug/pprof/heap"));
            assertEquals(2, r.exitCode(), r.out() + r.err());
            assertEquals(2, r.out().lines().filter(l -> l.startsWith("Watched ")).count(), r.out());
            assertTrue(r.out().contains(": 2 snapshots from "), r.out());
            assertTrue(r.err().endsWith(": HTTP 503 Service Unavailable: going down (1 failure in a row, giving up;"
                    + " see --max-failures)\n"), r.err());
        }
    }

    /** watch keeps collect's fixed rate: a fetch taking 20 s of a 1m period does not push the next ones back. */
    @Test
    void snapshotsStartAtAFixedRate() throws Exception {
        byte[] profile = Files.readAllBytes(Path.of("testdata/map-cache/heap_5.pb.gz"));
        ManualTime time = new ManualTime(Instant.parse("2026-12-06T17:00:00Z"));
        try (TestServer slow = TestServer.http().on("/", x -> {
            time.advance(java.time.Duration.ofSeconds(20));
            TestServer.answer(200, "application/octet-stream", profile).handle(x);
        })) {
            Cli.Result r = Cli.run(dir, time.environment(d -> { }), "watch", "--no-save", "--every", "1m", "--count",
                    "3", "--format", "json", slow.url("/debug/pprof/heap"));
            assertEquals(0, r.exitCode(), r.out() + r.err());
            List<String> times = new ArrayList<>();
            for (String line : r.out().lines().limit(3).toList()) {
                times.add(JSON.readTree(line).get("time").asText());
            }
            assertEquals(List.of("2026-12-06T17:00:00Z", "2026-12-06T17:01:00Z", "2026-12-06T17:02:00Z"), times);
        }
    }

    @Test
    void aLeakTripsTheGateWithinTheWindowNamesItAndPostsTheWebhookOnce() throws Exception {
        try (LiveService service = LiveService.start(false)) {
            Cli.Result r = watch(service, "--every", "1m", "--window", "5", "--count", "10",
                    "--fail-on-rate", "10MB/h", "--notify", hook());
            assertEquals(1, r.exitCode(), r.out() + r.err());
            List<String> status = r.out().lines().filter(l -> l.startsWith("2026-12-06 ")).toList();
            // 3 steps are the fewest where none makes more than half of the growth: #4 trips
            assertEquals(4, status.size(), r.out());
            assertTrue(status.get(0).startsWith("2026-12-06 17:00:00 UTC  #1  inuse_space "), status.get(0));
            assertTrue(status.get(3).startsWith("2026-12-06 17:03:00 UTC  #4  "), status.get(3));
            assertTrue(status.get(3).contains("top: main.rememberSession +"), status.get(3));
            assertTrue(status.get(3).contains("GATE: "), status.get(3));
            String firstRow = r.out().lines().filter(l -> l.startsWith("*") && !l.endsWith("(total)"))
                    .findFirst().orElse("");
            assertTrue(firstRow.endsWith("  main.rememberSession"), r.out());
            String reason = status.get(3).substring(status.get(3).indexOf("GATE: ") + 6);
            assertTrue(r.out().contains("\nGate: " + reason + "\n"), "the full report says it too: " + r.out());
            assertTrue(r.out().contains("\nType: inuse_space (bytes)\n"), "the full report names the unit: " + r.out());
            assertTrue(r.out().contains("Watched 127.0.0.1:") || r.out().contains("Watched http://127.0.0.1:"), r.out());
            assertTrue(r.out().contains("the gate tripped at #4"), r.out());
            assertTrue(r.err().contains("leakscope: gate " + reason + "\n"), r.err());
            assertTrue(r.err().contains("--notify http://127.0.0.1:" + receiver.getAddress().getPort() + ": posted"),
                    r.err());
            assertEquals(1, posted.size());
            JsonSchemas.assertValid(posted.get(0));
            JsonNode payload = JSON.readTree(posted.get(0));
            JsonSchemas.assertValid(payload.get("report").toString());
            assertEquals("leakscope.watch/v1", payload.get("schema").asText());
            assertTrue(payload.get("text").asText().contains("main.rememberSession"), posted.get(0));
            assertEquals("main.rememberSession", payload.get("report").get("rows").get(0).get("name").asText());
            assertEquals(payload.get("gate").get("text").asText(), payload.get("report").get("gate").get("reason").asText());
            assertEquals("main.rememberSession", payload.get("suspects").get(0).get("name").asText());
            double slope = payload.get("suspects").get(0).get("slope").asDouble();
            assertTrue(Math.abs(slope - 512 * 1024 * 60) < 0.05 * 512 * 1024 * 60, "about 30 MiB/h: " + slope);
        }
    }

    @Test
    void theControlStaysQuietForTheWholeRun() throws Exception {
        try (LiveService service = LiveService.start(true)) {
            Cli.Result r = watch(service, "--every", "1m", "--window", "5", "--count", "12",
                    "--fail-on-rate", "10MB/h", "--notify", hook());
            assertEquals(0, r.exitCode(), r.out() + r.err());
            assertEquals(12, r.out().lines().filter(l -> l.startsWith("2026-12-06 ")).count(), r.out());
            assertFalse(r.out().contains("GATE"), r.out());
            assertFalse(r.out().contains("main.handleSession"), r.out());
            assertTrue(r.out().contains("the gate (--fail-on-rate 10MB/h) held"), r.out());
            assertEquals(List.of(), posted);
        }
    }

    @Test
    void jsonLinesOneObjectPerSnapshotThenASummaryKeepGoingNotifiesOnce() throws Exception {
        try (LiveService service = LiveService.start(false)) {
            Cli.Result r = watch(service, "--every", "1m", "--window", "4", "--count", "6", "--format", "json",
                    "--fail-on-rate", "10MB/h", "--keep-going", "--notify", hook());
            assertEquals(1, r.exitCode(), r.out() + r.err());
            List<String> lines = r.out().lines().toList();
            assertEquals(7, lines.size(), r.out());
            int reports = 0;
            for (int i = 0; i < 6; i++) {
                JsonNode o = JSON.readTree(lines.get(i));
                assertEquals("leakscope.watch/v1", o.get("schema").asText());
                assertEquals("snapshot", o.get("event").asText());
                assertEquals(i + 1, o.get("snapshot").asInt());
                assertEquals(Math.min(i + 1, 4), o.get("window").asInt());
                assertEquals("2026-12-06T17:0" + i + ":00Z", o.get("time").asText());
                assertEquals(i >= 3, !o.get("gate").isNull(), lines.get(i));
                reports += o.has("report") ? 1 : 0;
            }
            assertEquals(1, reports);
            JsonNode summary = JSON.readTree(lines.get(6));
            assertEquals("summary", summary.get("event").asText());
            assertEquals(4, summary.get("trippedAt").asInt());
            assertEquals(3, summary.get("trippedSnapshots").asInt());
            assertEquals(1, posted.size());
        }
    }

    @Test
    void keepGoingSaysTheGateWhenItTripsThenThatItStillTripsAndOnceThatItHoldsAgain() throws Exception {
        try (LiveService service = LiveService.start(false)) {
            ManualTime time = new ManualTime(Instant.parse("2026-12-06T17:00:00Z"));
            AtomicInteger minutes = new AtomicInteger();
            // the service leaks before snapshots #2 to #6, then stops
            Cli.Result r = Cli.run(dir, time.environment(d -> {
                if (minutes.incrementAndGet() <= 5) {
                    service.leak(512);
                }
            }), "watch", "--gc", "--no-save", "--every", "1m", "--window", "4", "--count", "12", "--fail-on-rate",
                    "10MB/h", "--keep-going", text(service));
            assertEquals(1, r.exitCode(), r.out() + r.err());
            List<String> status = r.out().lines().filter(l -> l.startsWith("2026-12-06 ")).toList();
            assertEquals(12, status.size(), r.out());
            assertTrue(status.get(3).contains("  GATE: "), status.get(3));
            for (int i = 4; i < 6; i++) {
                assertTrue(status.get(i).endsWith("  gate still tripped (since #4)"), status.get(i));
            }
            // #4 to #7: the leak's last two steps and a flat one, still steady growth (2/3 of it in one step
            // of three is allowed): the total's (the same gate) or only the leaking node's (another row: news)
            assertTrue(status.get(6).endsWith("  gate still tripped (since #4)")
                    || status.get(6).contains("  GATE: --fail-on-rate 10MB/h tripped: main.rememberSession grows at "),
                    status.get(6));
            assertEquals(status.get(6).contains("GATE") ? 2 : 1, status.stream().filter(l -> l.contains("GATE")).count(),
                    r.out());
            List<String> again = status.stream().filter(l -> l.endsWith("  gate holds again")).toList();
            assertEquals(1, again.size(), r.out());
            int holds = status.indexOf(again.get(0));
            for (String l : status.subList(holds + 1, 12)) {
                assertFalse(l.contains("gate"), l);
            }
            assertTrue(r.out().contains("; the gate tripped at #4, at " + (holds - 3) + " of 12 snapshots in all"),
                    r.out());
            assertEquals(1, r.err().lines().filter(l -> l.startsWith("leakscope: gate ")).count(), r.err());
        }
    }

    @Test
    void ctrlCEndsTheWatchWithASummary() throws Exception {
        try (LiveService service = LiveService.start(false)) {
            ManualTime time = new ManualTime(Instant.parse("2026-12-06T17:00:00Z"));
            AtomicInteger waits = new AtomicInteger();
            Environment env = new Environment(k -> null, time, d -> {
                if (waits.incrementAndGet() == 3) {
                    throw new InterruptedException(); // what Ctrl-C does to the waiting thread
                }
            });
            Cli.Result r = Cli.run(dir, env, "watch", "--no-save", service.heap());
            assertEquals(0, r.exitCode(), r.out() + r.err());
            assertTrue(r.out().contains(": 3 snapshots from 2026-12-06 17:00:00 UTC to 2026-12-06 17:00:00 UTC,"
                    + " stopped by Ctrl-C"), r.out());
            assertFalse(Thread.currentThread().isInterrupted());
        }
    }

    @Test
    void aWebhookThatFailsIsReportedAndTheGateStillExitsOne() throws Exception {
        receiver.removeContext("/hook");
        receiver.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        try (LiveService service = LiveService.start(false)) {
            Cli.Result r = watch(service, "--every", "1m", "--window", "4", "--count", "8",
                    "--fail-on-rate", "10MB/h", "--notify", hook() + "/secret-token");
            assertEquals(1, r.exitCode(), r.out() + r.err());
            assertTrue(r.err().contains("leakscope: warning: --notify http://127.0.0.1:" + receiver.getAddress().getPort()
                    + ": HTTP 500 (not posted)"), r.err());
            assertFalse(r.err().contains("secret-token"), r.err());
        }
    }

    @Test
    void ratesArePerHourOfTheProfilesOwnTimesWhenTheyHaveThem() throws Exception {
        try (LiveService service = LiveService.start(false)) {
            ManualTime time = new ManualTime(Instant.parse("2026-12-06T17:00:00Z"));
            Cli.Result proto = Cli.run(dir, time.environment(d -> service.leak(512)), "watch", "--no-save",
                    "--count", "2", service.heap());
            assertEquals(0, proto.exitCode(), proto.err());
            assertTrue(proto.out().contains("  #1  inuse_space ") && proto.out().contains(
                    "  (rates from the 2nd snapshot, by the profiles' time_nanos)\n"), proto.out());
            assertTrue(proto.out().contains(" (times: the profiles' time_nanos)"), proto.out());
            Cli.Result text = watch(service, "--count", "2", "--format", "json");
            assertEquals(0, text.exitCode(), text.err());
            for (String line : text.out().lines().limit(2).toList()) {
                assertEquals("fetch", JSON.readTree(line).get("timeSource").asText(), line);
            }
            Cli.Result json = Cli.run(dir, time.environment(d -> service.leak(512)), "watch", "--no-save",
                    "--count", "1", "--format", "json", service.heap());
            assertEquals("time_nanos", JSON.readTree(json.out().lines().findFirst().orElseThrow())
                    .get("timeSource").asText());
        }
    }

    /** Both gates trip at once: the report and stderr name both, as trend's do (a stand-in serving a series). */
    @Test
    void everyGateTrippingIsNamed() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        try (TestServer series = TestServer.http().on("/", x -> TestServer.answer(200, "application/octet-stream",
                Files.readAllBytes(Path.of("testdata/map-cache/heap_" + Math.min(asked.getAndIncrement(), 5) + ".pb.gz")))
                .handle(x))) {
            ManualTime time = new ManualTime(Instant.parse("2026-12-06T17:00:00Z"));
            Cli.Result r = Cli.run(dir, time.environment(d -> { }), "watch", "--no-save", "--every", "1m", "--window", "6",
                    "--count", "6", "--fail-on-rate", "1MB/h", "--fail-on-growth", "10%", series.url("/heap"));
            assertEquals(1, r.exitCode(), r.out() + r.err());
            String gate = r.err().lines().filter(l -> l.startsWith("leakscope: gate ")).findFirst().orElse("");
            assertTrue(gate.contains("--fail-on-rate 1MB/h tripped: ") && gate.contains("; --fail-on-growth 10% tripped: "),
                    r.err());
            assertTrue(r.out().contains("\nGate: --fail-on-rate 1MB/h tripped: "), r.out());
        }
    }

    /**
     * A Node control's heap grows by 9% over its series, within sampling noise: --fail-on-growth 5% holds, and
     * the summary says why, as trend's report does. (A stand-in serving the corpus control's series.)
     */
    @Test
    void aGrowthGateThatNoiseHeldSaysSoInTheSummary() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        Path control = dev.leakscope.TestData.corpus("node", "control");
        try (TestServer series = TestServer.http().on("/", x -> TestServer.answer(200, "application/octet-stream",
                Files.readAllBytes(control.resolve("heap_" + Math.min(asked.getAndIncrement(), 5) + ".pb.gz")))
                .handle(x))) {
            ManualTime time = new ManualTime(Instant.parse("2026-12-06T17:00:00Z"));
            Cli.Result r = Cli.run(dir, time.environment(d -> { }), "watch", "--no-save", "--every", "1m", "--window",
                    "6", "--count", "6", "--fail-on-growth", "5%", series.url("/heap"));
            assertEquals(0, r.exitCode(), r.out() + r.err());
            assertFalse(r.out().contains("GATE"), r.out());
            assertTrue(r.out().contains("; the gate (--fail-on-growth 5%) held; last window: --fail-on-growth 5% held:"
                    + " total grew by +484.82kB (5.12MB -> 5.60MB, +9.2%), within sampling noise (3 standard"
                    + " deviations: 2.46MB)\n"), r.out());
        }
    }

    /**
     * A cache in front of the service answers with the same profile (its time_nanos repeats): the watch
     * goes by its fetch times, gates and all, and says so. (A stand-in: a real service cannot be made stale.)
     */
    @Test
    void aRepeatedTimeNanosIsWatchedByFetchTimes() throws Exception {
        byte[] profile = Files.readAllBytes(Path.of("testdata/map-cache/heap_5.pb.gz"));
        try (TestServer stale = TestServer.http().on("/", x ->
                TestServer.answer(200, "application/octet-stream", profile).handle(x))) {
            ManualTime time = new ManualTime(Instant.parse("2026-12-06T17:00:00Z"));
            Cli.Result r = Cli.run(dir, time.environment(d -> { }), "watch", "--no-save", "--every", "1m", "--count",
                    "3", "--fail-on-rate", "10MB/h", stale.url("/heap"));
            assertEquals(0, r.exitCode(), r.out() + r.err());
            assertTrue(r.out().contains("(times: fetch times; the profiles' time_nanos are missing or repeat); the gate"
                    + " (--fail-on-rate 10MB/h) held"), r.out());
            assertTrue(r.out().contains("  #3  inuse_space 40MB  0/h  window 3"), r.out());
        }
    }

    /**
     * A window of a big heap's leak grows by less than 1% of it (the suspect rule's floor): the gate still
     * trips on it, and the status lines name it.
     */
    @Test
    void aLeakOfABigHeapTripsTheRateGateAndItsStatusLinesNameIt() throws Exception {
        try (LiveService service = LiveService.start(false)) {
            service.leak(40_000);
            // 64 KiB a minute on 40 MB, 3.75 MiB/h: a window of four snapshots grows by 0.5% of the heap
            Cli.Result quiet = bigHeapWatch(service, "--count", "6", "--fail-on-rate", "100MB/h");
            assertEquals(0, quiet.exitCode(), quiet.out() + quiet.err());
            List<String> status = quiet.out().lines().filter(l -> l.startsWith("2026-12-06 ")).toList();
            assertEquals(6, status.size(), quiet.out());
            for (String line : status.subList(3, 6)) {
                assertTrue(line.contains("  suspects 0 (steady, under 1% of the total: main.rememberSession +"), line);
            }
            Cli.Result r = bigHeapWatch(service, "--count", "6", "--fail-on-rate", "1MB/h");
            assertEquals(1, r.exitCode(), r.out() + r.err());
            String gate = r.out().lines().filter(l -> l.contains("  GATE: ")).findFirst().orElse(r.out());
            assertTrue(gate.contains("--fail-on-rate 1MB/h tripped: "), gate);
            assertTrue(gate.contains("main.rememberSession +3.7") || gate.contains("main.rememberSession grows at +3.7"),
                    gate);
        }
    }

    /**
     * The report printed when that gate trips agrees with it: the row it tripped on is a suspect (starred,
     * counted, and a note says why), never "Leak suspects: 0" beside a tripped gate; so are the status line,
     * the summary and the webhook's report.
     */
    @Test
    void theReportOfAGateTrippedUnderTheFloorNamesItsRowAsASuspect() throws Exception {
        try (LiveService service = LiveService.start(false)) {
            service.leak(40_000);
            Cli.Result r = bigHeapWatch(service, "--count", "6", "--fail-on-rate", "1MB/h", "--notify", hook());
            assertEquals(1, r.exitCode(), r.out() + r.err());
            String report = r.out().substring(r.out().indexOf("\nType: "), r.out().indexOf("\nWatched "));
            assertTrue(report.contains("\nGate: --fail-on-rate 1MB/h tripped: main.rememberSession grows at +"), report);
            assertFalse(report.contains("Leak suspects: 0"), report);
            assertTrue(report.contains("\nLeak suspects: 1 of "), report);
            assertTrue(report.contains("\nNote: main.rememberSession is a suspect because the gate tripped: growing"
                    + " steadily, by less than the rule's floor of 1% of the total, which the gate's threshold"
                    + " replaces\n"), report);
            String row = report.lines().filter(l -> l.endsWith("  main.rememberSession")).findFirst().orElse(report);
            assertTrue(row.startsWith("*"), row);
            String status = r.out().lines().filter(l -> l.contains("  GATE: ")).findFirst().orElse(r.out());
            assertTrue(status.contains("  suspects 1, top: main.rememberSession +"), status);
            assertTrue(r.out().contains(", 1 suspect (times: "), r.out());
            JsonNode posted = JSON.readTree(this.posted.get(0));
            assertEquals("main.rememberSession", posted.get("suspects").get(0).get("name").asText());
            JsonNode row0 = posted.get("report").get("rows").get(0);
            assertEquals("main.rememberSession", row0.get("name").asText());
            assertTrue(row0.get("suspect").asBoolean(), row0.toString());
        }
    }

    private Cli.Result bigHeapWatch(LiveService service, String... options) {
        ManualTime time = new ManualTime(Instant.parse("2026-12-06T17:00:00Z"));
        List<String> args = new ArrayList<>(List.of("watch", "--gc", "--no-save", "--every", "1m", "--window", "4"));
        args.addAll(List.of(options));
        args.add(text(service));
        return Cli.run(dir, time.environment(d -> service.leak(64)), args.toArray(new String[0]));
    }

    @Test
    void failOnGrowthTripsOnTheWindowsSteadyGrowthAsTrendsDoes() throws Exception {
        try (LiveService service = LiveService.start(false)) {
            Cli.Result r = watch(service, "--every", "1m", "--window", "5", "--count", "10",
                    "--fail-on-growth", "1MB");
            assertEquals(1, r.exitCode(), r.out() + r.err());
            // 512 KiB a snapshot: #4 is 1.5 MiB above #1, in three steady steps
            List<String> status = r.out().lines().filter(l -> l.startsWith("2026-12-06 ")).toList();
            assertEquals(4, status.size(), r.out());
            assertTrue(r.err().startsWith("leakscope: gate --fail-on-growth 1MB tripped: total grew by +1."), r.err());
        }
        try (LiveService service = LiveService.start(false)) {
            Cli.Result r = watch(service, "--every", "1m", "--window", "5", "--count", "10", "--unit", "kB",
                    "--fail-on-growth", "1MB");
            assertEquals(1, r.exitCode(), r.out() + r.err());
            String kb = "--fail-on-growth 1MB tripped: total grew by \\+\\d+(\\.\\d+)?kB \\(\\d+(\\.\\d+)?kB -> \\d+(\\.\\d+)?kB, .*";
            assertTrue(r.err().matches("(?s)leakscope: gate " + kb), "the reason follows --unit: " + r.err());
            assertTrue(r.out().lines().anyMatch(l -> l.matches(".*  GATE: " + kb)), r.out());
        }
        try (LiveService control = LiveService.start(true)) {
            Cli.Result r = watch(control, "--every", "1m", "--window", "5", "--count", "8",
                    "--fail-on-growth", "1MB", "--fail-on-rate", "10MB/h");
            assertEquals(0, r.exitCode(), r.out() + r.err());
            assertTrue(r.out().contains("the gate (--fail-on-rate 10MB/h and --fail-on-growth 1MB) held"), r.out());
        }
    }

    @Test
    void replicasEachHaveTheirWindowAndDirectoryAndOneTripsTheGate() throws Exception {
        try (LiveService leaking = LiveService.start(false); LiveService control = LiveService.start(true)) {
            ManualTime time = new ManualTime(Instant.parse("2026-12-06T17:00:00Z"));
            Path saved = dir.resolve("saved");
            Cli.Result r = Cli.run(dir, time.environment(d -> leaking.leak(512)), "watch", "--gc", "--save",
                    saved.toString(), "--every", "1m", "--window", "4", "--count", "6", "--fail-on-rate", "10MB/h",
                    "--keep-going", text(control), text(leaking));
            assertEquals(1, r.exitCode(), r.out() + r.err());
            List<String> status = r.out().lines().filter(l -> l.startsWith("2026-12-06 ")).toList();
            assertEquals(12, status.size(), r.out());
            // each replica on its own schedule: its lines in order, whichever of the two answers first
            for (LiveService s : List.of(control, leaking)) {
                String label = "  127.0.0.1:" + port(s) + "  ";
                List<String> own = status.stream().filter(l -> l.contains(label)).toList();
                assertEquals(6, own.size(), r.out());
                for (int n = 1; n <= 6; n++) {
                    assertTrue(own.get(n - 1).startsWith("2026-12-06 17:0" + (n - 1) + ":00 UTC  #" + n + label),
                            own.get(n - 1));
                    if (s == control || n <= 4) {
                        assertEquals(s == leaking && n == 4, own.get(n - 1).contains("GATE: "), own.get(n - 1));
                    }
                }
            }
            // the replica after "leakscope: gate", so that a CI log's grep for it finds every replica's
            assertTrue(r.err().contains("leakscope: gate on 127.0.0.1:" + port(leaking) + ": --fail-on-rate 10MB/h tripped: "),
                    r.err());
            assertEquals(1, r.err().lines().filter(l -> l.startsWith("leakscope: gate ")).count(), r.err());
            assertTrue(r.out().contains("Watched " + text(control) + ": 6 snapshots"), r.out());
            assertTrue(r.out().contains("; the gate (--fail-on-rate 10MB/h) held"), r.out());
            assertTrue(r.out().contains("Watched " + text(leaking) + ": 6 snapshots"), r.out());
            assertTrue(r.out().contains("; the gate tripped at #4"), r.out());
            for (LiveService s : List.of(control, leaking)) {
                try (var files = java.nio.file.Files.list(saved.resolve("127.0.0.1_" + port(s) + ".heap"))) {
                    assertEquals(6, files.count());
                }
            }
        }
    }

    private static int port(LiveService s) {
        return java.net.URI.create(s.url()).getPort();
    }

    /** On counts (goroutines) a rate is a plain number per hour; a size per hour is refused in one line. */
    @Test
    void aRateGateOnCountsIsAPlainNumberPerHour() throws Exception {
        try (LiveService service = LiveService.start(false)) {
            ManualTime time = new ManualTime(Instant.parse("2026-12-06T17:00:00Z"));
            String goroutines = service.url() + "/debug/pprof/goroutine";
            Cli.Result r = Cli.run(dir, time.environment(d -> service.leakGoroutines(20)), "watch", "--no-save",
                    "--every", "1m", "--window", "4", "--count", "6", "--fail-on-rate", "100/h", goroutines);
            assertEquals(1, r.exitCode(), r.out() + r.err());
            assertTrue(r.err().matches("(?s)leakscope: gate --fail-on-rate 100/h tripped: \\S+ grows at \\+[0-9]+/h.*"),
                    r.err());

            Cli.Result size = Cli.run(dir, time.environment(d -> { }), "watch", "--no-save", "--count", "1",
                    "--fail-on-rate", "1MB/h", goroutines);
            assertEquals(2, size.exitCode(), size.out() + size.err());
            assertEquals("leakscope: --fail-on-rate 1MB/h is an amount of bytes, but the values compared are goroutine"
                    + " (count): give a plain number per hour (e.g. 100/h)\n", size.err());
        }
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertEquals("leakscope: --window must be 4 or more (a steady trend needs at least 3 steps)\n",
                Cli.run(dir, "watch", "--window", "3", "127.0.0.1:1").err());
        Cli.Result r = Cli.run(dir, "watch", "--notify", "ftp://example.com/x", "127.0.0.1:1");
        assertEquals(2, r.exitCode());
        assertEquals("leakscope: --notify: not an http:// or https:// URL\n", r.err());
        Cli.Result delta = Cli.run(dir, "watch", "--gc", "--seconds", "2", "127.0.0.1:1");
        assertEquals(2, delta.exitCode());
        assertEquals("leakscope: watch follows the levels of a service's profiles; --seconds would make each snapshot"
                + " a delta (what changed in N seconds), whose series stays flat while a leak grows: leave it out (use"
                + " --gc for current in-use values)\n", delta.err());
    }
}
