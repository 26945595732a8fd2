package dev.leakscope.input.remote;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * Posts JSON to a webhook ({@code watch --notify URL}), with the proxies, TLS settings and deadline
 * of fetches. A webhook URL often holds its secret in the path (Slack's, for one), so messages name
 * only its scheme, host and port.
 */
public final class Webhook {
    private final URI uri;
    private final FetchSettings settings;

    private Webhook(URI uri, FetchSettings settings) {
        this.uri = uri;
        this.settings = settings;
    }

    /**
     * @return the webhook, or null when text is not an http(s) URL with a host
     */
    public static Webhook of(String text, FetchSettings settings) {
        try {
            URI u = new URI(text);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
                return null;
            }
            return new Webhook(u, settings);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** Where it posts, without path, query or credentials: {@code https://hooks.example.com}. */
    public String display() {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    /**
     * Posts json.
     *
     * @return null when the webhook took it (a 2xx status), else why not, in one line
     */
    public String post(String json) throws InterruptedException {
        HttpClient client = Fetcher.client(settings);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(settings.timeout())
                .header("Content-Type", "application/json").header("User-Agent", "leakscope")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
        try {
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status / 100 == 2 ? null : display() + ": HTTP " + status;
        } catch (IOException e) {
            return Fetcher.failure(display(), e, settings.timeout()).getMessage();
        }
    }
}
