package dev.leakscope;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The real Go service of testdata/live-service (net/http/pprof, leaks on request), built once with
 * {@code go build} and run on 127.0.0.1. Without go the tests that need it are skipped, except on CI
 * (CI=true), where a missing go is a failure.
 */
public final class LiveService implements AutoCloseable {
    private static final Path SOURCE = Path.of("testdata/live-service").toAbsolutePath();
    private static final Path BINARY = Path.of("target/live-service/live-service").toAbsolutePath();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Process process;
    private final String url;

    private LiveService(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    /** Starts the service; with control, it does the same work without leaking. */
    public static LiveService start(boolean control) throws Exception {
        return control ? start("-control") : start();
    }

    /** Starts the service serving HTTPS, with a certificate nobody trusts. */
    public static LiveService startTls() throws Exception {
        return start("-tls");
    }

    private static LiveService start(String... flags) throws Exception {
        List<String> command = new ArrayList<>(List.of(build().toString()));
        command.addAll(List.of(flags));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String first = r.readLine();
        if (first == null || !first.matches("https?://127\\.0\\.0\\.1:\\d+")) {
            p.destroyForcibly();
            throw new IllegalStateException("live-service did not start: " + first);
        }
        return new LiveService(p, first.strip());
    }

    private static synchronized Path build() throws Exception {
        // a binary older than its source (left in target/ by an earlier build) lacks what the tests ask of it
        if (Files.isExecutable(BINARY) && Files.getLastModifiedTime(BINARY).compareTo(
                Files.getLastModifiedTime(SOURCE.resolve("main.go"))) >= 0) {
            return BINARY;
        }
        boolean haveGo = onPath("go");
        if (!haveGo) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("go is not on PATH, and CI=true: .ci/run installs golang-go");
            }
            Assumptions.abort("go is not on PATH: the live-service tests need it");
        }
        Files.createDirectories(BINARY.getParent());
        Process p = new ProcessBuilder("go", "build", "-o", BINARY.toString(), ".").directory(SOURCE.toFile())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "go build: " + log);
        return BINARY;
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    /** The base URL, http://127.0.0.1:PORT (https with TLS). */
    public String url() {
        return url;
    }

    /** The heap endpoint. */
    public String heap() {
        return url + "/debug/pprof/heap";
    }

    /** Has the service keep kb KiB more (or, the control, allocate and drop them). */
    public void leak(int kb) {
        get("/leak?kb=" + kb);
    }

    /** Has the service start n goroutines that never end (none, the control). */
    public void leakGoroutines(int n) {
        get("/goroutines?n=" + n);
    }

    /** What a path answers, as text. */
    public String get(String path) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), path);
            return r.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
