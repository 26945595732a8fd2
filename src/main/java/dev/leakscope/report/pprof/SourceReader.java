package dev.leakscope.report.pprof;

import dev.leakscope.util.GoPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Source files found as pprof finds them (pprof's sourceReader/openSourceFile): the profile's path
 * is trimmed, then an absolute result is opened as is and a relative one is looked up in each
 * search directory and its parents. Relative directories are taken from workDir, never from the
 * JVM's working directory. Files are read once.
 */
public final class SourceReader {
    private final String searchPath;
    private final String trimPath;
    private final Path workDir;
    private final Map<String, List<String>> files = new HashMap<>();
    private final Map<String, String> errors = new HashMap<>();

    /** searchPath: directories separated by ':'; trimPath: prefixes to strip, separated by ':'. */
    public SourceReader(String searchPath, String trimPath, Path workDir) {
        this.searchPath = searchPath;
        this.trimPath = trimPath;
        this.workDir = workDir;
    }

    /** Line number n (from 1) of the file named path in the profile, or null past its end. */
    public String line(String path, long n) {
        List<String> lines = files.computeIfAbsent(path, this::read);
        return n <= 0 || n > lines.size() ? null : lines.get((int) n - 1);
    }

    /** Why the file could not be opened, or null. */
    public String error(String path) {
        return errors.get(path);
    }

    private List<String> read(String path) {
        Path file = find(path);
        if (file == null) {
            return List.of();
        }
        try {
            if (Files.isDirectory(file)) {
                return List.of(); // Go opens a directory fine and reads nothing from it
            }
            return splitLines(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | java.io.UncheckedIOException e) {
            errors.put(path, "open " + path + ": " + reason(e));
            return List.of();
        }
    }

    private Path find(String path) {
        String p = GoPaths.trimPath(path, trimPath, searchPath);
        if (p.startsWith("/")) {
            Path abs = Path.of(p);
            if (!Files.exists(abs)) {
                errors.put(path, "open " + p + ": no such file or directory");
                return null;
            }
            return abs;
        }
        for (String dir : GoPaths.splitList(searchPath)) {
            while (true) {
                Path candidate = workDir.resolve(GoPaths.clean(dir + "/" + p));
                if (Files.exists(candidate)) {
                    return candidate;
                }
                String parent = dir(dir);
                if (parent.equals(dir)) {
                    break;
                }
                dir = parent;
            }
        }
        errors.put(path, "could not find file " + p + " on path " + searchPath);
        return null;
    }

    /** Go's filepath.Dir. */
    private static String dir(String path) {
        int slash = path.lastIndexOf('/');
        return GoPaths.clean(slash < 0 ? "" : path.substring(0, slash + 1));
    }

    /** Lines as Go's bufio.Scanner splits them: on '\n', a trailing '\r' dropped, no empty last line. */
    private static List<String> splitLines(String text) {
        List<String> lines = new ArrayList<>();
        int from = 0;
        while (from < text.length()) {
            int nl = text.indexOf('\n', from);
            int end = nl < 0 ? text.length() : nl;
            String line = text.substring(from, end);
            lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
            from = end + 1;
        }
        return lines;
    }

    private static String reason(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return String.valueOf(e.getMessage());
    }
}
