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
 * @param trust    the certificates an https fetch trusts
 * @param query    what to ask Go's endpoints for ({@code ?seconds=N}, {@code ?gc=1})
 * @param maxBytes the most bytes the body may hold, and hold after decompression
 * @param env      the environment, for the proxy variables
 */
public record FetchSettings(Duration timeout, List<String> headers, String token, Trust trust, GoQuery query,
                            long maxBytes, Function<String, String> env) {
    /**
     * The certificates an https fetch trusts: the system's, those of a PEM file, or (explicitly asked
     * for) any, with no host name check.
     *
     * @param caCert PEM certificates to trust instead of the system's, or null
     * @param any    accept any certificate and host name
     */
    public record Trust(Path caCert, boolean any) {
        public static final Trust SYSTEM = new Trust(null, false);
        public static final Trust ANY = new Trust(null, true);

        public Trust {
            if (caCert != null && any) {
                throw new IllegalArgumentException("a PEM file's certificates or any, not both");
            }
        }

        public static Trust certificatesOf(Path pem) {
            return new Trust(pem, false);
        }
    }

    /**
     * The parameters Go's pprof endpoints take.
     *
     * @param seconds Go's delta profile over this many seconds ({@code ?seconds=N}), or 0
     * @param gc      ask the Go runtime to collect garbage first ({@code ?gc=1}), so in-use is current
     */
    public record GoQuery(int seconds, boolean gc) {
        /** The URL to request for an endpoint: with the seconds and gc parameters when asked for. */
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
}
