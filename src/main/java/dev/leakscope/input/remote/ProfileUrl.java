package dev.leakscope.input.remote;

import dev.leakscope.util.UsageException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A profile endpoint named on the command line: an {@code http://} or {@code https://} URL, or pprof's
 * {@code host:port} shorthand, which means that host's {@code /debug/pprof/heap} for leakscope's own
 * commands (pprof's CPU {@code /debug/pprof/profile} for {@code leakscope pprof}). Credentials in the
 * URL ({@code user:password@}) are sent as basic authentication and never shown: {@link #display()}
 * is the URL as every message and report names it.
 */
public final class ProfileUrl {
    /** What Go's /debug/pprof/profile profiles without ?seconds. */
    private static final int GO_CPU_PROFILE_SECONDS = 30;
    /** host:port, optionally with a path: pprof's shorthand. */
    private static final Pattern SHORTHAND = Pattern.compile("[A-Za-z0-9.\\-]+:[0-9]{1,5}(/.*)?|\\[[0-9A-Fa-f:.]+]:[0-9]{1,5}(/.*)?");
    /** Query parameters whose values are secrets. */
    private static final Pattern SECRET_PARAM = Pattern.compile(
            "(?i)(token|access_token|key|apikey|api_key|password|passwd|secret|signature|sig|auth)");

    private final URI uri;
    private final String userInfo;

    private ProfileUrl(URI uri, String userInfo) {
        this.uri = uri;
        this.userInfo = userInfo;
    }

    /** Whether a command-line argument names an endpoint rather than a file. */
    public static boolean isUrl(String arg) {
        String l = arg.toLowerCase(Locale.ROOT);
        return l.startsWith("http://") || l.startsWith("https://") || SHORTHAND.matcher(arg).matches();
    }

    /**
     * The endpoint an argument names.
     *
     * @param defaultPath the path the host:port shorthand stands for, e.g. /debug/pprof/heap
     */
    public static ProfileUrl parse(String arg, String defaultPath) {
        String text = arg;
        String l = arg.toLowerCase(Locale.ROOT);
        if (!l.startsWith("http://") && !l.startsWith("https://")) {
            text = "http://" + arg;
        }
        URI u;
        try {
            u = new URI(text);
        } catch (URISyntaxException e) {
            throw new UsageException(redactText(arg) + ": not a valid URL (" + e.getReason() + ")");
        }
        if (u.getHost() == null || u.getHost().isEmpty()) {
            throw new UsageException(redactText(arg) + ": not a valid URL (no host)");
        }
        String path = u.getRawPath();
        if (path == null || path.isEmpty() || path.equals("/")) {
            path = defaultPath;
        }
        try {
            URI clean = new URI(u.getScheme().toLowerCase(Locale.ROOT), null, u.getHost(), u.getPort(), null, null, null);
            String rebuilt = clean + path + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
            return new ProfileUrl(new URI(rebuilt), u.getRawUserInfo());
        } catch (URISyntaxException e) {
            throw new UsageException(redactText(arg) + ": not a valid URL (" + e.getReason() + ")");
        }
    }

    /** The URL to request, without credentials. */
    public URI uri() {
        return uri;
    }

    /** The user:password of the URL, percent-encoded, or null. */
    String userInfo() {
        return userInfo;
    }

    /** This URL with a query parameter set (replacing one of the same name). */
    public ProfileUrl withParameter(String name, String value) {
        String q = uri.getRawQuery();
        StringBuilder b = new StringBuilder();
        if (q != null) {
            for (String part : q.split("&")) {
                if (!part.isEmpty() && !part.equals(name) && !part.startsWith(name + "=")) {
                    b.append(b.length() == 0 ? "" : "&").append(part);
                }
            }
        }
        b.append(b.length() == 0 ? "" : "&").append(name).append('=').append(value);
        String s = uri.toString();
        int cut = s.indexOf('?');
        return new ProfileUrl(URI.create((cut < 0 ? s : s.substring(0, cut)) + "?" + b), userInfo);
    }

    /** The URL for messages and reports: credentials and secret query parameters replaced by ***. */
    public String display() {
        String s = uri.toString();
        if (userInfo != null) {
            int at = s.indexOf("://") + 3;
            s = s.substring(0, at) + "***@" + s.substring(at);
        }
        return redactQuery(s);
    }

    /**
     * How many seconds Go's endpoint takes to answer by design: a delta over its {@code ?seconds=N}, or
     * /debug/pprof/profile's CPU profile over 30 seconds by default; 0 for one that answers at once.
     */
    public int goAnswersAfterSeconds() {
        for (String part : uri.getRawQuery() == null ? new String[0] : uri.getRawQuery().split("&")) {
            if (part.matches("seconds=[0-9]{1,9}")) {
                return Integer.parseInt(part.substring("seconds=".length()));
            }
        }
        return uri.getPath().endsWith("/debug/pprof/profile") ? GO_CPU_PROFILE_SECONDS : 0;
    }

    /** A directory name for this endpoint's snapshots: {@code localhost_6060.heap}. */
    public String directoryName() {
        return hostPort() + "." + endpointName();
    }

    /** The endpoint's host and port, for file names: {@code localhost_6060}. */
    String hostPort() {
        return uri.getHost().replaceAll("[^A-Za-z0-9.\\-]", "_") + (uri.getPort() < 0 ? "" : "_" + uri.getPort());
    }

    /** The last segment of the path, for file names: {@code heap} for /debug/pprof/heap. */
    String endpointName() {
        String p = uri.getPath();
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        String last = p.substring(p.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9.\\-]", "_");
        return last.isEmpty() ? "profile" : last;
    }

    /** A URL as typed, made safe to show when it cannot even be parsed: user info and secrets hidden. */
    public static String redactText(String arg) {
        String s = arg;
        int scheme = s.indexOf("://");
        int start = scheme < 0 ? 0 : scheme + 3;
        int slash = s.indexOf('/', start);
        int at = s.lastIndexOf('@', slash < 0 ? s.length() - 1 : slash);
        if (at >= start) {
            s = s.substring(0, start) + "***@" + s.substring(at + 1);
        }
        return redactQuery(s);
    }

    private static String redactQuery(String s) {
        int q = s.indexOf('?');
        if (q < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.substring(0, q + 1));
        String[] parts = s.substring(q + 1).split("&", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            int eq = part.indexOf('=');
            if (eq > 0 && SECRET_PARAM.matcher(part.substring(0, eq)).matches()) {
                part = part.substring(0, eq) + "=***";
            }
            b.append(i == 0 ? "" : "&").append(part);
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return display();
    }
}
