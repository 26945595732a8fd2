package dev.leakscope.input.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakscope.Cli;
import dev.leakscope.LiveService;
import dev.leakscope.cli.Environment;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fetching profiles from live services, through the command line: what a fetch keeps and sends, and
 * every fault a service or the network can show, each a one-line error naming the URL (credentials
 * hidden), exit 2, and no file left behind.
 */
class FetchTest {
    static final Path HEAP = Path.of("testdata/map-cache/heap_5.pb.gz").toAbsolutePath();
    static final Instant NOW = Instant.parse("2026-12-06T17:30:12.345Z");

    @TempDir
    Path dir;

    static Environment env(Map<String, String> vars) {
        return new Environment(vars::get, Clock.fixed(NOW, ZoneOffset.UTC), d -> { });
    }

    private Cli.Result run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(1, List.of("--save", dir.resolve("saved").toString()));
        return Cli.run(dir, env(Map.of("SECRET_TOKEN", "tok-123")), all.toArray(String[]::new));
    }

    private List<Path> saved() throws IOException {
        Path s = dir.resolve("saved");
        if (!Files.isDirectory(s)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(s)) {
            return files.toList();
        }
    }

    /** A failure: exit 2, one line naming the URL and saying what went wrong, nothing kept. */
    private String fails(String fragment, String... args) throws IOException {
        Cli.Result r = run(args);
        assertEquals(2, r.exitCode(), r.err());
        assertEquals("", r.out());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains(fragment), r.err());
        assertEquals(List.of(), saved(), "no file, not even a partial one");
        return r.err();
    }

    @Test
    void topOfAUrlPrintsWhatTopOfTheFilePrintsAndKeepsTheProfile() throws Exception {
        byte[] body = Files.readAllBytes(HEAP);
        AtomicReference<String> query = new AtomicReference<>();
        AtomicReference<String> auth = new AtomicReference<>();
        try (TestServer s = TestServer.http().on("/debug/pprof/heap", x -> {
            query.set(x.getRequestURI().getQuery());
            auth.set(x.getRequestHeaders().getFirst("Authorization"));
            TestServer.answer(200, "application/octet-stream", body).handle(x);
        })) {
            Cli.Result fromUrl = run("top", "--gc", "--token-env", "SECRET_TOKEN", "127.0.0.1:" + s.port());
            Cli.Result fromFile = Cli.run(dir, "top", HEAP.toString());
            assertEquals(0, fromUrl.exitCode(), fromUrl.err());
            assertEquals(fromFile.out(), fromUrl.out());
            assertEquals("gc=1", query.get());
            assertEquals("Bearer tok-123", auth.get());
            Path kept = dir.resolve("saved/127.0.0.1_" + s.port() + ".heap.20261206T173012.345Z.pb.gz");
            assertEquals(List.of(kept), saved());
            assertTrue(java.util.Arrays.equals(body, Files.readAllBytes(kept)));
            assertEquals("leakscope: note: fetched " + s.url("/debug/pprof/heap?gc=1").replace("?gc=1", "")
                    + " at 2026-12-06T17:30:12.345Z (" + body.length + " bytes), kept as " + kept + "\n",
                    fromUrl.err());
        }
    }

    /**
     * The default place for fetched profiles cannot be made (a read-only or missing HOME in a CI
     * container): the run goes on without keeping them, with one warning; a --save DIR is the user's word.
     */
    @Test
    void aDefaultStoreThatCannotBeMadeKeepsNothingAndTheRunGoesOn() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("home"), "a file, not a directory");
        try (TestServer s = TestServer.http().on("/", TestServer.answer(200, "application/octet-stream",
                Files.readAllBytes(HEAP)))) {
            Cli.Result r = Cli.run(dir, env(Map.of("XDG_CACHE_HOME", notADirectory.resolve("cache").toString())), "top",
                    s.url("/debug/pprof/heap"));
            assertEquals(0, r.exitCode(), r.err());
            assertEquals(Cli.run(dir, "top", HEAP.toString()).out().lines().skip(1).toList(),
                    r.out().lines().skip(1).toList());
            assertTrue(r.err().startsWith("leakscope: warning: fetched profiles are not kept: " + notADirectory
                    + "/cache/leakscope/profiles cannot be made or written (give --save DIR to keep them)\n"), r.err());
            Cli.Result saved = Cli.run(dir, env(Map.of()), "top", "--save", notADirectory.resolve("x").toString(),
                    s.url("/debug/pprof/heap"));
            assertEquals(2, saved.exitCode(), saved.err());
        }
    }

    @Test
    void diffNamesTheUrlAsTheCurrentSide() throws Exception {
        try (TestServer s = TestServer.http().on("/", TestServer.answer(200, "application/octet-stream",
                Files.readAllBytes(HEAP)))) {
            Cli.Result r = run("diff", HEAP.toString(), s.url("/debug/pprof/heap"));
            assertEquals(0, r.exitCode(), r.err());
            assertTrue(r.out().contains("Current: " + s.url("/debug/pprof/heap")), r.out());
        }
    }

    @Test
    void userAndPasswordAreSentButNeverShown() throws Exception {
        AtomicReference<String> auth = new AtomicReference<>();
        try (TestServer s = TestServer.http().on("/", x -> {
            auth.set(x.getRequestHeaders().getFirst("Authorization"));
            TestServer.answer(401, "text/html", "<html><body>no</body></html>").handle(x);
        })) {
            String err = fails("HTTP 401 Unauthorized (an HTML page) (pass credentials with",
                    "top", "http://alice:s3cret@127.0.0.1:" + s.port() + "/debug/pprof/heap?token=abc");
            assertFalse(err.contains("alice") || err.contains("s3cret") || err.contains("abc"), err);
            assertTrue(err.startsWith("leakscope: http://***@127.0.0.1:" + s.port() + "/debug/pprof/heap?token=***: "), err);
            assertEquals("Basic YWxpY2U6czNjcmV0", auth.get());
        }
    }

    @Test
    void connectionRefused() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            port = free.getLocalPort();
        }
        fails("http://127.0.0.1:" + port + "/debug/pprof/heap: connection refused", "top", "127.0.0.1:" + port);
    }

    @Test
    void unknownHost() throws Exception {
        fails("http://no-such-host.invalid:6060/debug/pprof/heap: unknown host no-such-host.invalid",
                "top", "http://no-such-host.invalid:6060/debug/pprof/heap");
    }

    @Test
    void aServerThatNeverAnswersMeetsTheDeadline() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            Thread t = new Thread(() -> {
                try (Socket s = silent.accept()) {
                    s.getInputStream().transferTo(OutputStream.nullOutputStream());
                } catch (IOException e) {
                    // closed by the test
                }
            });
            t.setDaemon(true);
            t.start();
            fails("no complete answer within 1s (raise the deadline with --timeout)",
                    "top", "--timeout", "1s", "127.0.0.1:" + silent.getLocalPort());
        }
    }

    @Test
    void aTricklingBodyMeetsTheTotalDeadline() throws Exception {
        try (TestServer s = TestServer.http().on("/", x -> {
            x.sendResponseHeaders(200, 0);
            try (OutputStream out = x.getResponseBody()) {
                for (int i = 0; i < 600; i++) {
                    out.write(0x1f);
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (InterruptedException | IOException e) {
                // the client gave up
            }
        })) {
            fails("no complete answer within 1s", "top", "--timeout", "1s", s.url("/debug/pprof/heap"));
        }
    }

    @Test
    void errorStatusesWithHtmlBodies() throws Exception {
        try (TestServer s = TestServer.http()
                .on("/missing", TestServer.answer(404, "text/html", "<!DOCTYPE html><html>gone</html>"))
                .on("/broken", TestServer.answer(500, "text/html; charset=utf-8", "<html>oops\n<b>x</b></html>"))
                .on("/go", TestServer.answer(404, "text/plain; charset=utf-8", "Unknown profile: hep\n"))) {
            fails(s.url("/missing") + ": HTTP 404 Not Found (an HTML page)", "top", s.url("/missing"));
            fails(s.url("/broken") + ": HTTP 500 Internal Server Error (an HTML page)", "top", s.url("/broken"));
            fails(s.url("/go") + ": HTTP 404 Not Found: Unknown profile: hep", "top", s.url("/go"));
        }
    }

    @Test
    void aLoginPageIsNoProfile() throws Exception {
        try (TestServer s = TestServer.http().on("/", TestServer.answer(200, "text/html",
                "\n  <!doctype html><html><form>Sign in</form></html>"))) {
            fails(": the answer is an HTML page, not a profile (a login page?", "top", s.url("/debug/pprof/heap"));
        }
    }

    /** The index page of net/http/pprof (/debug/pprof/, as Go serves it) names the profiles to fetch instead. */
    @Test
    void pprofsIndexPageIsNoProfileAndNamesThem() throws Exception {
        try (TestServer s = TestServer.http().on("/debug/pprof/", TestServer.answer(200, "text/html; charset=utf-8",
                "<html>\n<head>\n<title>/debug/pprof/</title>\n</head>\n<body>\n/debug/pprof/<br>\n</body></html>"))) {
            String err = fails(s.url("/debug/pprof/") + ": the answer is net/http/pprof's index page, not a profile:"
                    + " name one (" + s.url("/debug/pprof/") + "heap, goroutine?debug=2...)", "top", s.url("/debug/pprof/"));
            assertFalse(err.contains("login"), err);
        }
    }

    /** A service that answers 200 with an error of its own: not kept in the profile cache. */
    @Test
    void anAnswerThatIsNoProfileIsNotKept() throws Exception {
        try (TestServer s = TestServer.http().on("/", TestServer.answer(200, "application/json",
                "{\"error\": \"profiling is disabled\"}"))) {
            fails(s.url("/debug/pprof/heap") + ": not a profile: text starting with \"{\"error\": \"profiling is disabled\"}\" is in no"
                    + " format leakscope knows", "top", s.url("/debug/pprof/heap"));
        }
    }

    @Test
    void aBodyOverTheSizeLimit() throws Exception {
        try (TestServer s = TestServer.http().on("/", TestServer.answer(200, "application/octet-stream",
                new byte[50_000]))) {
            fails(s.url("/debug/pprof/heap") + ": more than 10000 bytes", "top", "--max-bytes", "10000",
                    s.url("/debug/pprof/heap"));
        }
    }

    @Test
    void aGzipBomb() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(b)) {
            gz.write(new byte[20 << 20]);
        }
        try (TestServer s = TestServer.http().on("/", TestServer.answer(200, "application/octet-stream",
                b.toByteArray()))) {
            fails(s.url("/debug/pprof/heap") + ": more than 1048576 bytes after decompression", "top",
                    "--max-bytes", "1MiB", s.url("/debug/pprof/heap"));
        }
    }

    @Test
    void aRedirectLoop() throws Exception {
        try (TestServer s = TestServer.http().on("/a", TestServer.redirect("/b")).on("/b", TestServer.redirect("/a"))) {
            fails(s.url("/a") + ": redirect loop (back to " + s.url("/a") + ")", "top", s.url("/a"));
        }
    }

    @Test
    void credentialsDoNotFollowARedirectToAnotherOrigin() throws Exception {
        AtomicReference<String> auth = new AtomicReference<>("unset");
        try (TestServer other = TestServer.http().on("/", x -> {
            auth.set(x.getRequestHeaders().getFirst("Authorization"));
            TestServer.answer(200, "application/octet-stream", Files.readAllBytes(HEAP)).handle(x);
        }); TestServer s = TestServer.http().on("/", TestServer.redirect(other.url("/heap")))) {
            Cli.Result r = run("top", "--token-env", "SECRET_TOKEN", s.url("/debug/pprof/heap"));
            assertEquals(0, r.exitCode(), r.err());
            assertEquals(null, auth.get());
        }
    }

    @Test
    void headersDoNotFollowARedirectToAnotherOrigin() throws Exception {
        AtomicReference<String> auth = new AtomicReference<>("unset");
        AtomicReference<String> key = new AtomicReference<>("unset");
        AtomicReference<String> sameOrigin = new AtomicReference<>("unset");
        try (TestServer other = TestServer.http().on("/", x -> {
            auth.set(x.getRequestHeaders().getFirst("Authorization"));
            key.set(x.getRequestHeaders().getFirst("X-Api-Key"));
            TestServer.answer(200, "application/octet-stream", Files.readAllBytes(HEAP)).handle(x);
        }); TestServer s = TestServer.http().on("/", TestServer.redirect(other.url("/heap")))
                .on("/local", TestServer.redirect("/same"))
                .on("/same", x -> {
                    sameOrigin.set(x.getRequestHeaders().getFirst("X-Api-Key"));
                    TestServer.answer(200, "application/octet-stream", Files.readAllBytes(HEAP)).handle(x);
                })) {
            Cli.Result r = run("top", "--header", "Authorization: Bearer HDRSECRET", "--header", "X-Api-Key: k1",
                    s.url("/debug/pprof/heap"));
            assertEquals(0, r.exitCode(), r.err());
            assertEquals(null, auth.get());
            assertEquals(null, key.get());
            // A redirect within the origin keeps them.
            Cli.Result same = run("top", "--header", "X-Api-Key: k1", s.url("/local"));
            assertEquals(0, same.exitCode(), same.err());
            assertEquals("k1", sameOrigin.get());
        }
    }

    @Test
    void tlsIsVerifiedByDefault() throws Exception {
        try (TestServer s = TestServer.https().on("/", TestServer.answer(200, "application/octet-stream",
                Files.readAllBytes(HEAP)))) {
            fails(s.url("/debug/pprof/heap") + ": TLS failure: ", "top", s.url("/debug/pprof/heap"));
            Cli.Result trusted = run("top", "--ca-cert", Path.of("testdata/live/tls/localhost.pem").toAbsolutePath()
                    .toString(), s.url("/debug/pprof/heap"));
            assertEquals(0, trusted.exitCode(), trusted.err());
            Cli.Result insecure = run("top", "--insecure", s.url("/debug/pprof/heap"));
            assertEquals(0, insecure.exitCode(), insecure.err());
            assertEquals(trusted.out(), insecure.out());
        }
    }

    /** A fetch Go answers only after seconds says so at once on a terminal (as pprof's "Please wait"), then wipes it. */
    @Test
    void aDeltaProfileSaysOnATerminalThatItWaits() throws Exception {
        try (LiveService service = LiveService.start(false)) {
            String waiting = "\rleakscope: waiting 1s for " + service.heap();
            String wiped = "\r" + " ".repeat(waiting.length() - 1) + "\r";
            Cli.Result tty = Cli.run(dir, env(Map.of("LEAKSCOPE_STDERR_TTY", "1")), "top", "--no-save", "--seconds", "1",
                    service.heap());
            assertEquals(0, tty.exitCode(), tty.err());
            assertTrue(tty.err().startsWith(waiting + wiped + "leakscope: note: fetched " + service.heap()), tty.err());
            Cli.Result pipe = Cli.run(dir, env(Map.of()), "top", "--no-save", "--seconds", "1", service.heap());
            assertFalse(pipe.err().contains("waiting"), pipe.err());
        }
    }

    @Test
    void goAnswersADeltaOrCpuProfileAfterItsSeconds() {
        assertEquals(30, ProfileUrl.parse("127.0.0.1:6060", "/debug/pprof/profile").goAnswersAfterSeconds());
        assertEquals(5, ProfileUrl.parse("http://h:1/debug/pprof/profile?seconds=5", "").goAnswersAfterSeconds());
        assertEquals(3, ProfileUrl.parse("http://h:1/debug/pprof/heap?gc=1&seconds=3", "").goAnswersAfterSeconds());
        assertEquals(0, ProfileUrl.parse("127.0.0.1:6060", "/debug/pprof/heap").goAnswersAfterSeconds());
    }

    /** A path no handler of a Go service serves (its mux's 404, not net/http/pprof's) says where pprof's are. */
    @Test
    void aPathNoGoHandlerServesSaysWherePprofIs() throws Exception {
        try (LiveService service = LiveService.start(false)) {
            fails(service.url() + "/pprof/heap: HTTP 404 Not Found: 404 page not found (no handler serves that path: Go's"
                    + " net/http/pprof serves /debug/pprof/heap, goroutine...", "top", service.url() + "/pprof/heap");
            String unknown = fails(service.url() + "/debug/pprof/heapz: HTTP 404 Not Found: Unknown profile", "top",
                    service.url() + "/debug/pprof/heapz");
            assertFalse(unknown.contains("no handler"), unknown);
        }
    }

    /** http:// to a Go service that speaks TLS: its 400 says so, and so does the error, with the URL to use. */
    @Test
    void plainHttpToAGoServiceThatSpeaksTls() throws Exception {
        try (LiveService tls = LiveService.startTls()) {
            String plain = tls.heap().replaceFirst("^https:", "http:");
            fails(plain + ": HTTP 400 Bad Request: Client sent an HTTP request to an HTTPS server. (the service speaks"
                    + " TLS: use " + tls.heap() + ")", "top", plain);
        }
    }

    /** https:// to a Go service that speaks plain HTTP: no certificate to trust, no check to skip. */
    @Test
    void httpsToAGoServiceThatSpeaksPlainHttp() throws Exception {
        try (LiveService plain = LiveService.start(false)) {
            String tls = plain.heap().replaceFirst("^http:", "https:");
            fails(tls + ": TLS failure: the service answers in plain HTTP (use " + plain.heap() + ")", "top", tls);
        }
    }

    @Test
    void aTokenIsNeverTakenFromTheCommandLine() throws Exception {
        Cli.Result r = run("top", "--token-env", "NOT_SET", "127.0.0.1:1");
        assertEquals(2, r.exitCode());
        assertEquals("leakscope: --token-env NOT_SET: the variable is not set\n", r.err());
    }

    /** A full disk said "cannot fetch: No space left on device", as if the service had failed. */
    @Test
    void aBodyThatCannotBeWrittenIsNotAFailedFetch() {
        OutputStream full = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        BodyFile body = BodyFile.bounded(full, 1000, "http://127.0.0.1:1/heap");
        body.onSubscribe(new java.util.concurrent.Flow.Subscription() {
            @Override
            public void request(long n) {
            }

            @Override
            public void cancel() {
            }
        });
        body.onNext(List.of(java.nio.ByteBuffer.wrap(new byte[10])));
        java.util.concurrent.ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(
                java.util.concurrent.ExecutionException.class, () -> body.getBody().toCompletableFuture().get());
        assertEquals("http://127.0.0.1:1/heap: cannot write the fetched profile: No space left on device",
                Fetcher.failure("http://127.0.0.1:1/heap", e.getCause(), java.time.Duration.ofSeconds(1)).getMessage());
    }

    /** Past the fixed cap on one profile, raising --max-bytes cannot help: the message said it could. */
    @Test
    void aBodyOverTheCapOfOneProfileDoesNotSendTheUserToMaxBytes() {
        assertEquals("u: more than 2147483639 bytes (one profile cannot be larger: protobuf's 2 GiB limit)",
                BodyFile.tooLarge("u", dev.leakscope.input.Limits.MAX_PROFILE_BYTES).getMessage());
        assertEquals("u: more than 100 bytes (raise the limit with --max-bytes)", BodyFile.tooLarge("u", 100).getMessage());
    }
}
