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
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
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
 * same work and keeps nothing. A webhook receiver on 127.0.0.1 records what --notify posts.
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

    private Cli.Result watch(LiveService service, String... options) {
        ManualTime time = new ManualTime(Instant.parse("2026-12-06T17:00:00Z"));
        String[] args = new String[options.length + 4];
        args[0] = "watch";
        args[1] = "--gc";
        args[2] = "--no-save";
        System.arraycopy(options, 0, args, 3, options.length);
        args[args.length - 1] = service.url().substring("http://".length());
        return Cli.run(dir, time.environment(d -> service.leak(512)), args);
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
            assertTrue(r.out().contains("Watched 127.0.0.1:") || r.out().contains("Watched http://127.0.0.1:"), r.out());
            assertTrue(r.out().contains("the gate tripped at #4"), r.out());
            assertTrue(r.err().contains("leakscope: gate: "), r.err());
            assertTrue(r.err().contains("--notify http://127.0.0.1:" + receiver.getAddress().getPort() + ": posted"),
                    r.err());
            assertEquals(1, posted.size());
            JsonSchemas.assertValid(posted.get(0));
            JsonNode payload = JSON.readTree(posted.get(0));
            JsonSchemas.assertValid(payload.get("report").toString());
            assertEquals("leakscope.watch/v1", payload.get("schema").asText());
            assertTrue(payload.get("text").asText().contains("main.rememberSession"), posted.get(0));
            assertEquals("main.rememberSession", payload.get("report").get("rows").get(0).get("name").asText());
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
            assertEquals(1, posted.size());
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
            assertTrue(r.err().contains("leakscope: --notify http://127.0.0.1:" + receiver.getAddress().getPort()
                    + ": HTTP 500 (not posted)"), r.err());
            assertFalse(r.err().contains("secret-token"), r.err());
        }
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertEquals("leakscope: --window must be 4 or more (a steady trend needs at least 3 steps)\n",
                Cli.run(dir, "watch", "--window", "3", "127.0.0.1:1").err());
        Cli.Result r = Cli.run(dir, "watch", "--notify", "ftp://example.com/x", "127.0.0.1:1");
        assertEquals(2, r.exitCode());
        assertEquals("leakscope: --notify: not an http:// or https:// URL\n", r.err());
    }
}
