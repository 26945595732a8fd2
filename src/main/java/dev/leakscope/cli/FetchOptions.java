package dev.leakscope.cli;

import dev.leakscope.format.ProfileLoader;
import dev.leakscope.input.InputSource;
import dev.leakscope.input.Limits;
import dev.leakscope.input.remote.FetchSettings;
import dev.leakscope.input.remote.FetchSettings.GoQuery;
import dev.leakscope.input.remote.FetchSettings.Trust;
import dev.leakscope.input.remote.Fetcher;
import dev.leakscope.input.remote.ProfileStore;
import dev.leakscope.util.InputException;
import dev.leakscope.util.UsageException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/** Options of fetching profiles from live services (URL arguments). */
final class FetchOptions {
    @Option(names = "--seconds", paramLabel = "N",
            description = "Any profile argument may be a URL: http://..., https://..., or pprof's host:port"
                    + " shorthand, which means http://host:port/debug/pprof/heap (for leakscope pprof, as for"
                    + " go tool pprof, /debug/pprof/profile). For a URL, --seconds asks for Go's delta"
                    + " profile over N seconds (adds ?seconds=N).")
    int seconds;

    @Option(names = "--gc", description = "For a URL: have the Go runtime collect garbage first (adds ?gc=1),"
            + " so in-use values are current.")
    boolean gc;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "60s",
            description = "For a URL: the deadline for the whole fetch, body included (default: ${DEFAULT-VALUE};"
                    + " e.g. 30s, 2m; --seconds is added to it).")
    String timeout;

    @Option(names = "--header", paramLabel = "'NAME: VALUE'",
            description = "For a URL: an extra request header (repeatable); sent only to the URL's own origin,"
                    + " never across a redirect to another one (it may be a credential).")
    List<String> headers = new ArrayList<>();

    @Option(names = "--token-env", paramLabel = "VAR",
            description = "For a URL: send the bearer token held by environment variable VAR.")
    String tokenEnv;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "For a URL: send the bearer token held by FILE (its first line).")
    String tokenFile;

    @Option(names = "--ca-cert", paramLabel = "FILE",
            description = "For an https URL: trust the certificates of this PEM file instead of the system's.")
    String caCert;

    @Option(names = "--insecure", description = "For an https URL: do not check the certificate or the host name.")
    boolean insecure;

    @Option(names = "--save", paramLabel = "DIR",
            description = "Keep fetched profiles in DIR (default: $LEAKSCOPE_PROFILES, else"
                    + " $XDG_CACHE_HOME/leakscope/profiles, else ~/.cache/leakscope/profiles).")
    String save;

    @Option(names = "--no-save", description = "Do not keep fetched profiles.")
    boolean noSave;

    FetchSettings settings(LeakscopeCommand root, long maxBytes) {
        check();
        Duration t = parseDuration(timeout, "--timeout").plusSeconds(seconds);
        if (insecure && caCert != null) {
            throw new UsageException("--insecure and --ca-cert exclude each other");
        }
        Trust trust = insecure ? Trust.ANY
                : caCert == null ? Trust.SYSTEM : Trust.certificatesOf(root.workDir.resolve(caCert));
        return new FetchSettings(t, List.copyOf(headers), token(root), trust, new GoQuery(seconds, gc), maxBytes,
                root.env.variables());
    }

    /** A fetcher with these options that keeps only what decodes as a profile within limits. */
    Fetcher fetcher(LeakscopeCommand root, Limits limits) {
        return fetcher(settings(root, limits.maxProfileBytes()), limits);
    }

    static Fetcher fetcher(FetchSettings settings, Limits limits) {
        return new Fetcher(settings, (name, file) -> ProfileLoader.load(InputSource.named(name, file), limits));
    }

    /** Refuses --save and --no-save where the snapshots go to --out (collect). */
    void refuseSave() {
        if (save != null || noSave) {
            throw new UsageException((save != null ? "--save" : "--no-save") + ": collect keeps every snapshot in --out DIR");
        }
    }

    /**
     * Where fetched profiles go. The default directory is a convenience: when it cannot be made (a
     * read-only or missing HOME in a CI container) the profiles are not kept, with one warning, rather
     * than failing the run; a --save DIR that cannot be made is an error, when the first profile is kept.
     */
    ProfileStore store(LeakscopeCommand root) {
        if (noSave) {
            if (save != null) {
                throw new UsageException("--save and --no-save exclude each other");
            }
            return ProfileStore.temporary();
        }
        if (save != null) {
            return ProfileStore.in(root.workDir.resolve(save));
        }
        Path dir = ProfileStore.defaultDir(root.env.variables());
        try {
            Files.createDirectories(dir);
            if (Files.isWritable(dir)) {
                return ProfileStore.in(dir);
            }
        } catch (IOException | RuntimeException e) {
            // said below
        }
        Output.warnings(root.spec).accept("warning: fetched profiles are not kept: " + dir
                + " cannot be made or written (give --save DIR to keep them)");
        return ProfileStore.temporary();
    }

    private String token(LeakscopeCommand root) {
        if (tokenEnv != null && tokenFile != null) {
            throw new UsageException("--token-env and --token-file exclude each other");
        }
        if (tokenEnv != null) {
            String v = root.env.variables().apply(tokenEnv);
            if (v == null || v.isBlank()) {
                throw new UsageException("--token-env " + tokenEnv + ": the variable is not set");
            }
            return v.strip();
        }
        if (tokenFile != null) {
            try {
                String v = Files.readString(root.workDir.resolve(tokenFile), StandardCharsets.UTF_8).strip();
                int nl = v.indexOf('\n');
                v = nl < 0 ? v : v.substring(0, nl).strip();
                if (v.isEmpty()) {
                    throw new InputException("--token-file " + tokenFile + ": empty");
                }
                return v;
            } catch (IOException e) {
                throw new InputException("--token-file " + tokenFile + ": cannot read", e);
            }
        }
        return null;
    }

    /** The longest duration taken: a year (a longer --every or --timeout is a typo, not a plan). */
    private static final Duration MAX_DURATION = Duration.ofDays(365);
    private static final Pattern DURATION = Pattern.compile("([0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(ms|s|m|h)?");

    /** Checks the numbers given, whether or not a URL is fetched, so a typo shows at once. */
    void check() {
        if (seconds < 0) {
            throw new UsageException("--seconds must be 0 or more");
        }
        if (seconds > MAX_DURATION.toSeconds()) {
            throw new UsageException("--seconds must be at most a year (" + MAX_DURATION.toSeconds() + "), got " + seconds);
        }
        parseDuration(timeout, "--timeout");
    }

    /** A duration such as 30s, 5m, 1h, 250ms, 1.5s, or a number of seconds: more than 0, at most a year. */
    static Duration parseDuration(String text, String option) {
        Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new UsageException(option + ": invalid duration '" + text + "' (e.g. 30s, 5m, 1h)");
        }
        long unitMillis = switch (m.group(2) == null ? "s" : m.group(2)) {
            case "ms" -> 1;
            case "m" -> 60_000;
            case "h" -> 3_600_000;
            default -> 1000;
        };
        BigDecimal millis = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unitMillis));
        if (millis.compareTo(BigDecimal.valueOf(MAX_DURATION.toMillis())) > 0) {
            throw new UsageException(option + " must be at most a year (8760h), got '" + text + "'");
        }
        Duration d = Duration.ofMillis(millis.setScale(0, RoundingMode.HALF_UP).longValueExact());
        if (d.isZero()) {
            throw new UsageException(option + " must be more than 0, got '" + text + "'");
        }
        return d;
    }
}
