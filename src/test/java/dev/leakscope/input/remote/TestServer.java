package dev.leakscope.input.remote;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** A stand-in HTTP(S) server on 127.0.0.1 for the faults of live services. */
public final class TestServer implements AutoCloseable {
    private final HttpServer server;

    private TestServer(HttpServer server) {
        this.server = server;
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "test-server");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    public static TestServer http() throws IOException {
        return new TestServer(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
    }

    /** HTTPS with the self-signed certificate of testdata/live/tls. */
    public static TestServer https() throws Exception {
        HttpsServer s = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of("testdata/live/tls/localhost.p12"))) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        s.setHttpsConfigurator(new HttpsConfigurator(ctx));
        return new TestServer(s);
    }

    public TestServer on(String path, HttpHandler h) {
        server.createContext(path, h);
        return this;
    }

    public String url(String path) {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return scheme + "://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Answers with a status, a content type and a body. */
    public static HttpHandler answer(int status, String type, byte[] body) {
        return x -> {
            x.getResponseHeaders().set("Content-Type", type);
            x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (var out = x.getResponseBody()) {
                out.write(body);
            }
        };
    }

    public static HttpHandler answer(int status, String type, String body) {
        return answer(status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    public static HttpHandler redirect(String location) {
        return x -> {
            x.getResponseHeaders().set("Location", location);
            x.sendResponseHeaders(302, -1);
            x.close();
        };
    }

    static void drain(HttpExchange x) throws IOException {
        x.getRequestBody().readAllBytes();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
