package dev.leakscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpHandler;
import dev.leakscope.LiveService;
import dev.leakscope.input.remote.TestServer;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real SIGINT (what Ctrl-C sends) to leakscope in its own JVM, once it has taken its first snapshot
 * of the real Go service: collect stops with exit 2 and leaves only whole files; watch prints its
 * summary and exits 0. The child starts with SIGINT at its default disposition (a shell runs
 * background jobs with it ignored, which a JVM keeps), through python3.
 */
class CtrlCTest {
    private static final long PATIENCE_SECONDS = 120; // a loaded machine, not a speed requirement

    @TempDir
    Path dir;

    @Test
    void collectStopsWithOnlyWholeFiles() throws Exception {
        try (LiveService service = LiveService.start(false)) {
            Path out = dir.resolve("snaps");
            Process p = leakscope("collect", "--every", "1h", "--count", "3", "--out", out.toString(), service.heap());
            List<String> err = new ArrayList<>();
            CompletableFuture<Void> first = untilLine(p.getErrorStream(), err, "1/3: ");
            first.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
            interrupt(p);
            assertTrue(p.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS));
            String all = String.join("\n", err) + new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(2, p.exitValue(), all);
            assertTrue(all.contains("leakscope: collect: stopped by Ctrl-C after 1 of 3 snapshots; the files in "),
                    all);
            try (Stream<Path> files = Files.list(out)) {
                List<String> names = files.map(f -> f.getFileName().toString()).toList();
                assertEquals(1, names.size(), names.toString());
                assertTrue(names.get(0).endsWith(".pb.gz"), names.toString());
            }
        }
    }

    @Test
    void collectInterruptedDuringAFetchLeavesOnlyWholeFiles() throws Exception {
        byte[] profile = Files.readAllBytes(Path.of("testdata/map-cache/heap_5.pb.gz"));
        AtomicInteger requests = new AtomicInteger();
        CountDownLatch midBody = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // the first snapshot whole; the second stops halfway through its body until the test ends
        HttpHandler heap = x -> {
            if (requests.incrementAndGet() == 1) {
                TestServer.answer(200, "application/octet-stream", profile).handle(x);
                return;
            }
            x.sendResponseHeaders(200, profile.length);
            OutputStream body = x.getResponseBody();
            body.write(profile, 0, profile.length / 2);
            body.flush();
            midBody.countDown();
            try {
                release.await(PATIENCE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            x.close();
        };
        try (TestServer server = TestServer.http().on("/debug/pprof/heap", heap)) {
            Path out = dir.resolve("snaps");
            Process p = leakscope("collect", "--every", "1s", "--count", "3", "--timeout", "10m", "--out",
                    out.toString(), server.url("/debug/pprof/heap"));
            List<String> err = new ArrayList<>();
            untilLine(p.getErrorStream(), err, "1/3: ").get(PATIENCE_SECONDS, TimeUnit.SECONDS);
            assertTrue(midBody.await(PATIENCE_SECONDS, TimeUnit.SECONDS), "the second fetch is under way");
            interrupt(p);
            assertTrue(p.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS));
            release.countDown();
            String all = String.join("\n", err) + new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(2, p.exitValue(), all);
            assertTrue(all.contains("leakscope: collect: stopped by Ctrl-C after 1 of 3 snapshots; the files in "),
                    all);
            // the first snapshot, whole; nothing of the second, not even a hidden temporary file
            try (Stream<Path> files = Files.list(out)) {
                List<Path> left = files.toList();
                assertEquals(1, left.size(), left.toString());
                assertTrue(left.get(0).getFileName().toString().endsWith(".pb.gz"), left.toString());
                assertTrue(java.util.Arrays.equals(profile, Files.readAllBytes(left.get(0))), "the first file is whole");
            }
        }
    }

    @Test
    void watchPrintsItsSummaryAndExitsZero() throws Exception {
        try (LiveService service = LiveService.start(false)) {
            Process p = leakscope("watch", "--every", "1h", "--no-save", service.heap());
            List<String> out = new ArrayList<>();
            untilLine(p.getInputStream(), out, "  #1  inuse_space ").get(PATIENCE_SECONDS, TimeUnit.SECONDS);
            interrupt(p);
            assertTrue(p.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS));
            String rest = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.exitValue(), out + rest + err);
            assertTrue(rest.startsWith("Watched " + service.heap() + ": 1 snapshot from "), rest);
            assertTrue(rest.contains(", stopped by Ctrl-C"), rest);
            assertEquals("", err);
        }
    }

    /**
     * A Ctrl-C while watch is still starting, before it fetched anything (its --token-file a FIFO, which
     * holds it there until the test writes the token, after the Ctrl-C): the same summary and exit code as
     * a Ctrl-C later, not the JVM's exit 130 with nothing said.
     */
    @Test
    void watchInterruptedWhileStartingStillPrintsItsSummary() throws Exception {
        Assumptions.assumeTrue(onPath("mkfifo"), "mkfifo makes the FIFO that holds watch at its start");
        Path token = dir.resolve("token");
        assertEquals(0, new ProcessBuilder("mkfifo", token.toString()).start().waitFor());
        try (LiveService service = LiveService.start(false)) {
            Process p = leakscope("watch", "--every", "1h", "--no-save", "--token-file", token.toString(),
                    service.heap());
            try (OutputStream w = Files.newOutputStream(token)) { // opens once watch opened it to read the token
                interrupt(p);
                w.write("not-a-secret\n".getBytes(StandardCharsets.UTF_8));
            }
            assertTrue(p.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS));
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.exitValue(), out + err);
            assertEquals("Watched " + service.heap() + ": 0 snapshots, stopped by Ctrl-C\n", out);
            assertEquals("", err);
        }
    }

    private static Process leakscope(String... args) throws Exception {
        Assumptions.assumeTrue(onPath("python3"), "python3 starts the child with SIGINT at its default");
        List<String> cmd = new ArrayList<>(List.of("python3", "-c",
                "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
                "-cp", Path.of("target/classes").toAbsolutePath() + File.pathSeparator
                        + System.getProperty("java.class.path"),
                Main.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).start();
    }

    /** Reads lines into seen until one contains text (completes then), on a thread of its own. */
    private static CompletableFuture<Void> untilLine(InputStream in, List<String> seen, String text) {
        return CompletableFuture.runAsync(() -> {
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            try {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    synchronized (seen) {
                        seen.add(line);
                    }
                    if (line.contains(text)) {
                        return;
                    }
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            throw new IllegalStateException("no line with '" + text + "' in " + seen);
        });
    }

    private static void interrupt(Process p) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor());
    }

    private static boolean onPath(String command) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, command))) {
                return true;
            }
        }
        return false;
    }
}
