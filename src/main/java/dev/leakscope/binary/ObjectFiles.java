package dev.leakscope.binary;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/** The binaries one run opens, each once, named as profiles name them (resolved by the caller). */
public final class ObjectFiles {
    private final Function<String, Path> resolve;
    private final long maxSectionBytes;
    private final Map<Path, Opened> opened = new HashMap<>();
    private final java.util.Set<String> reported = new java.util.HashSet<>();

    /** An opened binary, or why it could not be opened (pprof's wording). */
    public record Opened(ObjectFile file, String error) {
    }

    /**
     * @param resolve         a file name as given (relative names against the working directory)
     * @param maxSectionBytes the most bytes one section of a binary may take once decompressed
     */
    public ObjectFiles(Function<String, Path> resolve, long maxSectionBytes) {
        this.resolve = resolve;
        this.maxSectionBytes = maxSectionBytes;
    }

    public Opened open(String name) {
        Path path = path(name);
        if (path == null) {
            // a name no file can have (a NUL character), as the system call would say
            return new Opened(null, "open " + name + ": invalid argument");
        }
        return opened.computeIfAbsent(path, p -> openFile(name, p));
    }

    /** Whether this is the first time a failure to use this binary is reported (to report it once). */
    public boolean firstFailure(String name) {
        Path path = path(name);
        return reported.add(path == null ? name : path.toString());
    }

    private Path path(String name) {
        try {
            return resolve.apply(name);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private Opened openFile(String name, Path path) {
        try {
            if (Files.isDirectory(path)) {
                // go tool pprof opens it, then finds no object file format in it
                return new Opened(null, "open " + name + ": unrecognized object file");
            }
            if (Files.exists(path) && !Files.isRegularFile(path)) {
                // a device or pipe named by a profile is never read: it could block or never end
                return new Opened(null, "open " + name + ": not a regular file");
            }
            return new Opened(ObjectFile.open(path, maxSectionBytes), null);
        } catch (NoSuchFileException e) {
            return new Opened(null, "open " + name + ": no such file or directory");
        } catch (AccessDeniedException e) {
            return new Opened(null, "open " + name + ": permission denied");
        } catch (BinaryFormatException e) {
            return new Opened(null, "open " + name + ": unrecognized object file (" + e.getMessage() + ")");
        } catch (IOException e) {
            return new Opened(null, "open " + name + ": " + e.getMessage());
        }
    }
}
