package dev.leakscope.input;

import dev.leakscope.util.InputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A profile given on the command line: a file path, or {@code -} for standard input; or a member of
 * an archive, held in memory. It can be opened more than once (format detection may need a second
 * look); what standard input, a FIFO or a device gives is kept as it is read, for that reason
 * ({@link ReplayableStream}). Inputs are only ever read.
 */
public final class InputSource {
    private final String name;
    private final Path path;
    private final InputStream stdin;
    /** An archive member's bytes. */
    private byte[] memory;
    /** Standard input or a file that is not a regular one, once opened. */
    private ReplayableStream once;
    /** Told how far a regular file has been read, or null. */
    private ReadProgress progress;

    private InputSource(String name, Path path, InputStream stdin) {
        this.name = name;
        this.path = path;
        this.stdin = stdin;
    }

    private InputSource(String name, byte[] bytes) {
        this(name, null, null);
        this.memory = bytes;
    }

    /**
     * The source named by a command-line argument; {@code -} is {@code stdin}. A relative path is
     * taken relative to workDir (the process's working directory, or another one for in-process use).
     */
    public static InputSource of(String arg, Path workDir, InputStream stdin) {
        if (arg.equals("-")) {
            return new InputSource("-", null, stdin);
        }
        return new InputSource(arg, workDir.resolve(arg), null);
    }

    public static InputSource of(Path path) {
        return new InputSource(path.toString(), path, null);
    }

    /**
     * A file named as the user knows it: a file of a directory (the directory argument, a slash, the
     * file name), or a fetched profile (its URL).
     */
    public static InputSource named(String name, Path path) {
        return new InputSource(name, path, null);
    }

    /** A member of an archive, read into memory (as stored in the archive, possibly compressed). */
    static InputSource inMemory(String name, byte[] bytes) {
        return new InputSource(name, bytes);
    }

    /** Has the reading of this source, when it is a regular file, reported to progress; returns this. */
    public InputSource watched(ReadProgress p) {
        this.progress = p;
        return this;
    }

    /** What this source reports its reading to, or null. */
    ReadProgress progress() {
        return progress;
    }

    /** The name as given by the user, for messages and report headers. */
    public String name() {
        return name;
    }

    /** The file, or null for standard input and archive members. */
    public Path path() {
        return path;
    }

    /** Size in bytes as stored (compressed), or -1 when unknown (standard input, a FIFO, a device). */
    public long storedSize() {
        if (memory != null) {
            return memory.length;
        }
        if (path == null || !Files.isRegularFile(path)) {
            return -1;
        }
        try {
            return Files.size(path);
        } catch (IOException e) {
            return -1;
        }
    }

    /** Opens the raw (still compressed) bytes. */
    public InputStream openRaw() {
        if (once != null) {
            return once.open();
        }
        if (memory != null) {
            return new ByteArrayInputStream(memory);
        }
        if (path == null) {
            once = new ReplayableStream(stdin);
            return once.open();
        }
        try {
            if (Files.isDirectory(path)) {
                throw new InputException(name + ": is a directory, not a profile");
            }
            if (!Files.isRegularFile(path) && Files.exists(path)) {
                // A FIFO or device can be read once only.
                once = new ReplayableStream(Files.newInputStream(path));
                return once.open();
            }
            InputStream in = Files.newInputStream(path);
            return progress == null ? in : new ProgressInputStream(in, name, Files.size(path), progress);
        } catch (NoSuchFileException e) {
            throw new InputException(name + ": no such file");
        } catch (AccessDeniedException e) {
            throw new InputException(name + ": permission denied");
        } catch (IOException e) {
            throw new InputException(name + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Opens the bytes after decompression (detected by content), bounded by the limits: an archive. */
    InputStream open(Limits limits) {
        return Decompression.open(name, openRaw(), limits.maxBytes(), limits.maxRatio());
    }

    /**
     * Opens the bytes of one profile after decompression: bounded by the limits and by what one
     * profile can be ({@link Limits#maxProfileBytes()}).
     */
    public InputStream openProfile(Limits limits) {
        return Decompression.open(name, openRaw(), limits.maxProfileBytes(), limits.maxRatio());
    }
}
