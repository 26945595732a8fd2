package dev.leakscope.input.remote;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * How profiles are fetched.
 *
 * @param timeout  the deadline for the whole fetch: connecting, redirects, and every byte of the body
 * @param headers  extra request headers, each "Name: value"
 * @param token    a bearer token (from an environment variable or a file, never the command line), or null
 * @param caCert   PEM certificates to trust instead of the system's, or null
 * @param insecure accept any certificate and host name (explicitly asked for)
 * @param seconds  Go's delta profile over this many seconds ({@code ?seconds=N}), or 0
 * @param gc       ask the Go runtime to collect garbage first ({@code ?gc=1}), so in-use is current
 * @param maxBytes the most bytes the body may hold, and hold after decompression
 * @param env      the environment, for the proxy variables
 */
public record FetchSettings(Duration timeout, List<String> headers, String token, Path caCert, boolean insecure,
                            int seconds, boolean gc, long maxBytes, Function<String, String> env) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    /** Defaults: a 60 s deadline, no extra header, the system's certificate authorities. */
    public static FetchSettings defaults(long maxBytes, Function<String, String> env) {
        return new FetchSettings(DEFAULT_TIMEOUT, List.of(), null, null, false, 0, false, maxBytes, env);
    }

    /** The URL to request for an endpoint: with Go's seconds and gc parameters when asked for. */
    ProfileUrl request(ProfileUrl url) {
        ProfileUrl u = url;
        if (seconds > 0) {
            u = u.withParameter("seconds", Integer.toString(seconds));
        }
        if (gc) {
            u = u.withParameter("gc", "1");
        }
        return u;
    }
}
