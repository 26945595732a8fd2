package dev.leakscope.input.remote;

import dev.leakscope.input.InputSource;
import dev.leakscope.input.LimitException;
import dev.leakscope.input.Limits;
import dev.leakscope.util.InputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Fetches one profile over HTTP(S) into a file, whole or not at all: one deadline for the whole
 * exchange (connection, redirects, every byte of the body), the body bounded as a file's content is,
 * an error page, a redirect loop or an HTML page reported in one line naming the URL (credentials
 * hidden). Redirects are followed here, not by the client, so that credentials never go to another
 * origin.
 */
public final class Fetcher {
    private static final int MAX_REDIRECTS = 10;
    /** What a Go server answers, with status 400 and no Content-Type, to plain HTTP on its TLS port. */
    private static final String GO_PLAIN_TO_TLS = "Client sent an HTTP request to an HTTPS server";
    /** What Go's http.ServeMux answers for a path no handler serves (net/http/pprof's own 404 is "Unknown profile"). */
    private static final String GO_NOT_FOUND = "404 page not found";
    private static final String NO_PPROF_HANDLER = " (no handler serves that path: Go's net/http/pprof serves"
            + " /debug/pprof/heap, goroutine... where the service imports it and serves http.DefaultServeMux, or"
            + " registers its handlers on its own mux)";
    /** What the JDK says when the server answers a TLS handshake in plain HTTP. */
    private static final String JDK_TLS_TO_PLAIN = "plaintext connection?";
    /** How much of an error page is read, to show its first line. */
    private static final int ERROR_HEAD = 4096;

    private final FetchSettings settings;
    private final BodyCheck profile;
    private final HttpClient client;

    /** @param profile checks that a body (not an HTML page, within the limits) is a profile */
    public Fetcher(FetchSettings settings, BodyCheck profile) {
        this.settings = settings;
        this.profile = profile;
        this.client = client(settings);
    }

    /** An HTTP client with these settings' proxies, TLS and connect timeout; redirects are followed by hand. */
    static HttpClient client(FetchSettings settings) {
        return HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(new EnvProxySelector(settings.env()))
                .sslContext(TlsContexts.of(settings.trust()))
                .connectTimeout(settings.timeout())
                .build();
    }

    /**
     * Fetches url into target (which must not exist yet); on any failure target is removed.
     *
     * @return the bytes received
     */
    public long fetch(ProfileUrl url, Path target) {
        String name = url.display();
        try {
            long n = receive(settings.query().request(url), target, name);
            check(name, target);
            return n;
        } catch (RuntimeException e) {
            deleteQuietly(target);
            throw e;
        }
    }

    private long receive(ProfileUrl url, Path target, String name) {
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        URI current = url.uri();
        URI origin = url.uri();
        Set<URI> seen = new HashSet<>();
        for (int hop = 0; ; hop++) {
            if (!seen.add(current)) {
                throw new InputException(name + ": redirect loop (back to " + ProfileUrl.redactText(current.toString())
                        + ")");
            }
            if (hop > MAX_REDIRECTS) {
                throw new InputException(name + ": more than " + MAX_REDIRECTS + " redirects");
            }
            HttpRequest request = request(current, sameOrigin(current, origin) ? url : null, remaining(deadline, name));
            ByteArrayOutputStream errorHead = new ByteArrayOutputStream();
            try (OutputStream file = Files.newOutputStream(target)) {
                CompletableFuture<HttpResponse<Long>> f = client.sendAsync(request, info ->
                        info.statusCode() / 100 == 2
                                ? BodyFile.bounded(file, settings.maxBytes(), name)
                                : BodyFile.head(errorHead, ERROR_HEAD));
                HttpResponse<Long> r = await(f, deadline, name);
                int status = r.statusCode();
                if (status / 100 == 2) {
                    return r.body();
                }
                if (status / 100 == 3 && r.headers().firstValue("Location").isPresent()) {
                    current = current.resolve(r.headers().firstValue("Location").get());
                    if (!current.getScheme().equalsIgnoreCase("http") && !current.getScheme().equalsIgnoreCase("https")) {
                        throw new InputException(name + ": redirected to a " + current.getScheme() + " URL");
                    }
                    continue;
                }
                String detail = errorDetail(r, errorHead.toByteArray());
                throw new InputException(name + ": " + statusLine(status) + detail + (status == 401 || status == 403
                        ? " (pass credentials with --token-env, --token-file or --header)"
                        : status == 400 && detail.contains(GO_PLAIN_TO_TLS)
                        ? " (the service speaks TLS: use " + withScheme(name, "https") + ")"
                        : status == 404 && detail.equals(": " + GO_NOT_FOUND) ? NO_PPROF_HANDLER : ""));
            } catch (IOException e) {
                throw new InputException(name + ": cannot write the fetched profile: " + e.getMessage(), e);
            }
        }
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && Objects.equals(a.getHost(), b.getHost())
                && a.getPort() == b.getPort();
    }

    /**
     * The request; credentials only for the origin named on the command line (auth != null). Every
     * {@code --header} counts as one: a header is as likely a credential as not (X-Api-Key, Cookie...),
     * so none of them goes to another origin.
     */
    private HttpRequest request(URI uri, ProfileUrl auth, Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET().timeout(timeout)
                .header("User-Agent", "leakscope");
        for (String h : auth == null ? java.util.List.<String>of() : settings.headers()) {
            int colon = h.indexOf(':');
            if (colon <= 0) {
                throw new InputException("--header must be 'Name: value', got a header without a colon");
            }
            try {
                b.header(h.substring(0, colon).strip(), h.substring(colon + 1).strip());
            } catch (IllegalArgumentException e) {
                throw new InputException("--header " + h.substring(0, colon).strip() + ": not allowed ("
                        + e.getMessage() + ")");
            }
        }
        if (auth != null && auth.userInfo() != null) {
            String plain = URLDecoder.decode(auth.userInfo(), StandardCharsets.UTF_8);
            b.setHeader("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8)));
        } else if (auth != null && settings.token() != null) {
            b.setHeader("Authorization", "Bearer " + settings.token());
        }
        return b.build();
    }

    private Duration remaining(long deadline, String name) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw timeout(name, settings.timeout());
        }
        return Duration.ofNanos(left);
    }

    private HttpResponse<Long> await(CompletableFuture<HttpResponse<Long>> f, long deadline, String name) {
        try {
            return f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw timeout(name, settings.timeout());
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new InputException(name + ": interrupted", e);
        } catch (ExecutionException e) {
            throw failure(name, e.getCause(), settings.timeout());
        }
    }

    private static InputException timeout(String name, Duration timeout) {
        return new InputException(name + ": no complete answer within " + seconds(timeout)
                + " (raise the deadline with --timeout)");
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    /** The one-line message for a failed exchange (of that deadline): its root cause, in the user's words. */
    static InputException failure(String name, Throwable cause, Duration timeout) {
        // The client reports an unknown host as a failed connection caused by it: look for it first.
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return new InputException(name + ": unknown host " + hostOf(name), cause);
            }
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof LimitException l) {
                return l;
            }
            if (t instanceof BodyFile.WriteFailure w) {
                return new InputException(name + ": cannot write the fetched profile: " + brief(w.getMessage()), cause);
            }
            if (t instanceof InputException i) {
                return i;
            }
            if (t instanceof HttpConnectTimeoutException || t instanceof HttpTimeoutException) {
                return timeout(name, timeout);
            }
            if (t instanceof ConnectException) {
                return new InputException(name + ": connection refused (is the service running and listening there?)", cause);
            }
            if (t instanceof SSLException && String.valueOf(t.getMessage()).contains(JDK_TLS_TO_PLAIN)) {
                return new InputException(name + ": TLS failure: the service answers in plain HTTP (use "
                        + withScheme(name, "http") + ")", cause);
            }
            if (t instanceof SSLException) {
                return new InputException(name + ": TLS failure: " + brief(t.getMessage())
                        + " (trust the server's CA with --ca-cert FILE, or skip the checks with --insecure)", cause);
            }
        }
        return new InputException(name + ": cannot fetch: " + brief(String.valueOf(cause.getMessage() == null
                ? cause.getClass().getSimpleName() : cause.getMessage())), cause);
    }

    /** The URL (as displayed) with the other scheme: http and https differ only in it. */
    private static String withScheme(String display, String scheme) {
        return scheme + display.substring(display.indexOf(':'));
    }

    private static String hostOf(String display) {
        URI u = URI.create(display.replace("***@", ""));
        return u.getHost();
    }

    /** The first line of a message from the network stack, short. */
    private static String brief(String m) {
        if (m == null) {
            return "unknown error";
        }
        int nl = m.indexOf('\n');
        String s = nl < 0 ? m : m.substring(0, nl);
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    /** Checks a received body: not an HTML page, within the limits after decompression, a profile. */
    private void check(String name, Path file) {
        InputSource source = InputSource.named(name, file);
        try (InputStream in = source.openProfile(new Limits(settings.maxBytes()))) {
            byte[] head = in.readNBytes(512);
            if (head.length == 0) {
                throw new InputException(name + ": empty answer, not a profile");
            }
            if (looksLikeHtml(head)) {
                throw new InputException(name + (isPprofIndex(head)
                        ? ": the answer is net/http/pprof's index page, not a profile: name one (" + pprofPage(name)
                                + "heap, goroutine?debug=2...)"
                        : ": the answer is an HTML page, not a profile (a login page? check the URL and the credentials)"));
            }
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new InputException(name + ": cannot read the fetched profile: " + e.getMessage(), e);
        }
        profile.check(name, file);
    }

    /** Whether an HTML page is the list of profiles that Go's net/http/pprof serves at /debug/pprof/. */
    private static boolean isPprofIndex(byte[] head) {
        return new String(head, StandardCharsets.ISO_8859_1).contains("<title>/debug/pprof/</title>");
    }

    /** The URL of the index's directory, ending in a slash, that a profile's name follows. */
    private static String pprofPage(String name) {
        int q = name.indexOf('?');
        String path = q < 0 ? name : name.substring(0, q);
        return path.endsWith("/") ? path : path + "/";
    }

    static boolean looksLikeHtml(byte[] head) {
        String s = new String(head, StandardCharsets.ISO_8859_1).stripLeading().toLowerCase(Locale.ROOT);
        return s.startsWith("<!doctype html") || s.startsWith("<html") || s.startsWith("<head")
                || s.startsWith("<body") || s.startsWith("<!--") || s.startsWith("<?xml");
    }

    /** What an error page says: its first line if it is plain or untyped text (Go's pprof handlers), else its type. */
    private static String errorDetail(HttpResponse<?> r, byte[] head) {
        String type = r.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (head.length == 0) {
            return "";
        }
        if (type.startsWith("text/html") || looksLikeHtml(head)) {
            return " (an HTML page)";
        }
        if (!type.isEmpty() && !type.startsWith("text/plain")) {
            return ""; // untyped text is shown: Go's answer to plain HTTP on a TLS port has no Content-Type
        }
        String s = new String(head, StandardCharsets.UTF_8).strip();
        int nl = s.indexOf('\n');
        s = nl < 0 ? s : s.substring(0, nl).strip();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < 160; i++) {
            char c = s.charAt(i);
            b.append(Character.isISOControl(c) ? '?' : c);
        }
        return b.length() == 0 ? "" : ": " + b;
    }

    private static String statusLine(int status) {
        String reason = switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 407 -> "Proxy Authentication Required";
            case 408 -> "Request Timeout";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "";
        };
        return "HTTP " + status + (reason.isEmpty() ? "" : " " + reason);
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // Nothing more to do: the file is hidden (a dot file) and the next run replaces it.
        }
    }
}
