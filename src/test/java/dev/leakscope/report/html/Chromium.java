package dev.leakscope.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Headless Chromium (Debian's {@code chromium}) driven over the DevTools protocol with the JDK's own
 * WebSocket client: one page, its events recorded (console, exceptions, log entries, requests).
 * The generous timeouts only keep a broken browser from hanging the build; nothing measures speed.
 */
final class Chromium implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_SECONDS = 120;
    private final Process process;
    private final Path profileDir;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new ArrayList<>();

    private Chromium(Process process, Path profileDir, WebSocket socket) {
        this.process = process;
        this.profileDir = profileDir;
        this.socket = socket;
    }

    static String binary() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            for (String name : new String[] {"chromium", "chromium-browser"}) {
                if (Files.isExecutable(Path.of(dir, name))) {
                    return Path.of(dir, name).toString();
                }
            }
        }
        throw new IllegalStateException("chromium is not installed (.ci/run installs Debian's chromium)");
    }

    static Chromium start() throws Exception {
        Path dir = Files.createTempDirectory("leakscope-chromium");
        Process p = new ProcessBuilder(binary(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check", "--hide-scrollbars",
                "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "--user-data-dir=" + dir,
                "about:blank").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        CompletableFuture<String> endpoint = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            Pattern ws = Pattern.compile("DevTools listening on (ws://\\S+)");
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    Matcher m = ws.matcher(line);
                    if (m.find()) {
                        endpoint.complete(m.group(1));
                    }
                }
            } catch (IOException e) {
                endpoint.completeExceptionally(e);
            }
            endpoint.completeExceptionally(new IOException("chromium exited without a DevTools endpoint"));
        }, "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        URI browser = URI.create(endpoint.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        HttpClient http = HttpClient.newHttpClient();
        String list = http.send(HttpRequest.newBuilder(URI.create("http://" + browser.getAuthority() + "/json/list"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        String page = null;
        for (JsonNode t : JSON.readTree(list)) {
            if (t.path("type").asText().equals("page")) {
                page = t.path("webSocketDebuggerUrl").asText();
            }
        }
        if (page == null) {
            throw new IOException("chromium has no page target: " + list);
        }
        Chromium[] self = new Chromium[1];
        WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(page), new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket s, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    String text = partial.toString();
                    partial.setLength(0);
                    self[0].receive(text);
                }
                s.request(1);
                return null;
            }
        }).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Chromium c = new Chromium(p, dir, socket);
        self[0] = c;
        for (String domain : new String[] {"Runtime", "Log", "Network", "Page"}) {
            c.call(domain + ".enable", JSON.createObjectNode());
        }
        return c;
    }

    private void receive(String text) {
        try {
            JsonNode m = JSON.readTree(text);
            if (m.has("id")) {
                CompletableFuture<JsonNode> f = pending.remove(m.get("id").asInt());
                if (f != null) {
                    f.complete(m);
                }
            } else {
                synchronized (events) {
                    events.add(m);
                    events.notifyAll();
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    JsonNode call(String method, ObjectNode params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, f);
        ObjectNode msg = JSON.createObjectNode().put("id", id).put("method", method);
        msg.set("params", params);
        socket.sendText(JSON.writeValueAsString(msg), true).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        JsonNode r = f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (r.has("error")) {
            throw new IllegalStateException(method + ": " + r.get("error"));
        }
        return r.path("result");
    }

    /** Opens url at a fixed window size and waits for its load event; the events recorded start afresh. */
    void open(String url) throws Exception {
        synchronized (events) {
            events.clear();
        }
        call("Emulation.setDeviceMetricsOverride", JSON.createObjectNode().put("width", 1400).put("height", 900)
                .put("deviceScaleFactor", 1).put("mobile", false));
        call("Page.navigate", JSON.createObjectNode().put("url", url));
        awaitEvent(e -> e.path("method").asText().equals("Page.loadEventFired"));
    }

    /** Emulates the reader's colour scheme preference ({@code prefers-color-scheme}: light or dark). */
    void colourScheme(String scheme) throws Exception {
        ObjectNode feature = JSON.createObjectNode().put("name", "prefers-color-scheme").put("value", scheme);
        ObjectNode params = JSON.createObjectNode();
        params.putArray("features").add(feature);
        call("Emulation.setEmulatedMedia", params);
    }

    /**
     * Opens a report from its file and checks it loaded as a reader's browser would: no console error
     * or exception, and no request but the document itself.
     */
    void openOffline(Path html) throws Exception {
        String url = html.toUri().toString();
        open(url);
        org.junit.jupiter.api.Assertions.assertEquals(List.of(), problems(), "console errors or exceptions");
        org.junit.jupiter.api.Assertions.assertEquals(List.of(url), requests(), "requests besides the document");
    }

    /** The flame frames drawn of that name (labelled or too narrow for a label): their background colours. */
    JsonNode frameColours(String name) throws Exception {
        return eval("[...document.querySelectorAll('#flame .fr')].filter(f => leakscopeFlame.name(+f.dataset.i) === "
                + JSON.writeValueAsString(name) + ").map(f => getComputedStyle(f).backgroundColor)");
    }

    /** Types text into the search box; returns what the page says it found. */
    String search(String text) throws Exception {
        return eval("(() => { const s = document.getElementById('search'); s.value = " + JSON.writeValueAsString(text)
                + "; s.dispatchEvent(new Event('input')); return document.getElementById('found').textContent; })()")
                .asText();
    }

    private void awaitEvent(Predicate<JsonNode> which) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        synchronized (events) {
            while (events.stream().noneMatch(which)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("no such event from chromium: " + events);
                }
                events.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    /** The value of a JavaScript expression in the page (awaited when it is a promise). */
    JsonNode eval(String expression) throws Exception {
        JsonNode r = call("Runtime.evaluate", JSON.createObjectNode().put("expression", expression)
                .put("returnByValue", true).put("awaitPromise", true));
        if (r.has("exceptionDetails")) {
            throw new IllegalStateException(expression + ": " + r.get("exceptionDetails"));
        }
        return r.path("result").path("value");
    }

    /** Everything the page reported as a problem: exceptions, console errors and warnings, error log entries. */
    List<String> problems() {
        List<String> out = new ArrayList<>();
        synchronized (events) {
            for (JsonNode e : events) {
                String m = e.path("method").asText();
                JsonNode p = e.path("params");
                if (m.equals("Runtime.exceptionThrown")
                        || m.equals("Runtime.consoleAPICalled") && p.path("type").asText().matches("error|warning|assert")
                        || m.equals("Log.entryAdded") && p.path("entry").path("level").asText().matches("error|warning")) {
                    out.add(e.toString());
                }
            }
        }
        return out;
    }

    /** The URLs of every request the page made (the document's own included). */
    List<String> requests() {
        List<String> out = new ArrayList<>();
        synchronized (events) {
            for (JsonNode e : events) {
                if (e.path("method").asText().equals("Network.requestWillBeSent")) {
                    out.add(e.path("params").path("request").path("url").asText());
                }
            }
        }
        return out;
    }

    void screenshot(Path png) throws Exception {
        JsonNode r = call("Page.captureScreenshot", JSON.createObjectNode().put("format", "png"));
        Files.write(png, Base64.getDecoder().decode(r.path("data").asText()));
    }

    @Override
    public void close() throws Exception {
        socket.abort();
        // Chromium's helper processes (zygote, renderer, GPU) outlive the browser's own for a moment and go
        // on writing in its profile directory, so a walk over it saw files vanish: end them all first.
        List<ProcessHandle> helpers = process.descendants().toList();
        process.destroy();
        helpers.forEach(ProcessHandle::destroy);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        for (ProcessHandle h : helpers) {
            try {
                h.onExit().get(30, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                h.destroyForcibly();
            }
        }
        Files.walkFileTree(profileDir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // gone already
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
