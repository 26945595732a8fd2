package dev.leakscope.input.remote;

import dev.leakscope.util.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Where fetched profiles are kept: each written under a hidden temporary name in the directory, then
 * renamed, so the directory only ever holds whole files. Names say where and when a profile comes
 * from, {@code localhost_6060.heap.20261206T173012.123Z.pb.gz}, and sort by fetch time.
 */
public final class ProfileStore {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** Files being written: removed if the process is stopped (Ctrl-C) before they are whole. */
    private static final Set<Path> IN_PROGRESS = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (Path p : IN_PROGRESS) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // Stopping anyway: a hidden .part file may stay.
                }
            }
        }, "leakscope-partial-files"));
    }

    private final Path dir;
    private final boolean keep;

    private ProfileStore(Path dir, boolean keep) {
        this.dir = dir;
        this.keep = keep;
    }

    /** Keeps fetched profiles in dir (created when missing). */
    public static ProfileStore in(Path dir) {
        return new ProfileStore(dir, true);
    }

    /** Keeps nothing: profiles go to temporary files removed when the JVM exits. */
    public static ProfileStore temporary() {
        return new ProfileStore(null, false);
    }

    /**
     * The default directory: $LEAKSCOPE_PROFILES, else $XDG_CACHE_HOME/leakscope/profiles, else
     * ~/.cache/leakscope/profiles.
     */
    public static Path defaultDir(Function<String, String> env) {
        String own = env.apply("LEAKSCOPE_PROFILES");
        if (own != null && !own.isEmpty()) {
            return Path.of(own);
        }
        String cache = env.apply("XDG_CACHE_HOME");
        if (cache == null || cache.isEmpty()) {
            String home = env.apply("HOME");
            cache = (home == null || home.isEmpty() ? System.getProperty("user.home") : home) + "/.cache";
        }
        return Path.of(cache, "leakscope", "profiles");
    }

    /** The directory profiles are kept in, or null when they are not kept. */
    public Path dir() {
        return dir;
    }

    /** Fetches url and keeps it; nothing is left behind when the fetch fails. */
    public FetchedProfile fetch(Fetcher fetcher, ProfileUrl url, Instant now) {
        Path into = directory();
        String base = url.hostPort() + "." + url.endpointName() + "." + STAMP.format(now);
        Path part;
        try {
            part = keep ? into.resolve("." + base + ".part") : Files.createTempFile("leakscope-", ".part");
        } catch (IOException e) {
            throw new InputException("cannot create a temporary file: " + e.getMessage(), e);
        }
        if (!keep) {
            part.toFile().deleteOnExit();
        }
        IN_PROGRESS.add(part);
        try {
            long bytes = fetcher.fetch(url, part);
            if (!keep) {
                return new FetchedProfile(url.display(), now, part, bytes, false);
            }
            return new FetchedProfile(url.display(), now, keep(part, into, base), bytes, true);
        } finally {
            IN_PROGRESS.remove(part);
        }
    }

    /** Renames a whole part file to its final name, the extension saying what it holds. */
    private static Path keep(Path part, Path into, String base) {
        Path target = into.resolve(base + ".pb.gz");
        try {
            target = into.resolve(base + extension(part));
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target);
            }
            return target;
        } catch (IOException e) {
            try {
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // The hidden part file is all that may stay.
            }
            throw new InputException(target + ": cannot write: " + e.getMessage(), e);
        }
    }

    private Path directory() {
        if (!keep) {
            return null;
        }
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new InputException(dir + ": cannot create the directory for fetched profiles: " + e.getMessage()
                    + " (choose another with --save DIR, or --no-save)", e);
        }
    }

    /** The file extension for what was received: gzip (Go's profiles), a text dump, or raw protobuf. */
    private static String extension(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(16);
        }
        if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return ".pb.gz";
        }
        String text = new String(head, StandardCharsets.ISO_8859_1);
        if (text.startsWith("goroutine ") || text.startsWith("heap profile") || text.startsWith("--- ")) {
            return ".txt";
        }
        return ".pb";
    }
}
