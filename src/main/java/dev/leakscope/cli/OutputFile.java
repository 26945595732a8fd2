package dev.leakscope.cli;

import dev.leakscope.util.FileKinds;
import dev.leakscope.util.UsageException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Writes a finished report to a file whole or not at all: into a new file in the same directory,
 * synced, then renamed over the target. A symlink is written through (its target is replaced, the
 * link stays), an existing file keeps its permissions (and its owner where the process may set it),
 * and anything that is not a regular file (directory, device, FIFO, socket) is refused: a rename
 * would replace a device node with a regular file, and a direct write could not be whole or nothing.
 */
final class OutputFile {
    /** The most symlinks followed, as the kernel's ELOOP limit. */
    private static final int MAX_LINKS = 40;
    private static final SecureRandom RANDOM = new SecureRandom();

    private OutputFile() {
    }

    /** Refuses a target that cannot be written whole or not at all (see {@link #write}). */
    static void check(Path target) {
        checkedExisting(target, throughLinks(target));
    }

    /** Writes text (UTF-8) to target; any failure is a one-line usage error and leaves target as it was. */
    static void write(Path target, String text) {
        Path file = throughLinks(target);
        PosixFileAttributes existing = checkedExisting(target, file);
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = dir.resolve("." + file.getFileName() + "." + HexFormat.of().toHexDigits(RANDOM.nextInt()) + ".tmp");
        try {
            // No permissions given: a new file gets 0666 less the umask, as the shell's > would give.
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    ch.write(bytes);
                }
                ch.force(true);
            }
            if (existing != null) {
                keepAttributes(tmp, existing);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            tmp = null;
        } catch (IOException e) {
            throw new UsageException("cannot write " + target + ": " + describe(e));
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the half-written file is hidden and named .tmp
                }
            }
        }
    }

    /** The file a chain of symlinks ends at (which may not exist yet); target itself when it is no link. */
    static Path throughLinks(Path target) {
        Path p = target.toAbsolutePath();
        for (int i = 0; Files.isSymbolicLink(p); i++) {
            if (i == MAX_LINKS) {
                throw new UsageException("cannot write " + target + ": too many levels of symbolic links");
            }
            try {
                p = p.resolveSibling(Files.readSymbolicLink(p)).normalize();
            } catch (IOException e) {
                throw new UsageException("cannot write " + target + ": " + describe(e));
            }
        }
        return p;
    }

    /** The attributes of the existing regular file, or null when there is none; refuses anything else. */
    private static PosixFileAttributes checkedExisting(Path target, Path file) {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            if (Files.exists(target)) {
                // a link only the kernel follows: /dev/stdout into a pipe is /proc/self/fd/1 -> pipe:[...]
                throw notRegular(target, FileKinds.of(target));
            }
            return null;
        }
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new UsageException("cannot write " + target + ": is a directory");
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw notRegular(target, FileKinds.of(file));
        }
        if (!Files.isWritable(file)) {
            throw new UsageException("cannot write " + target + ": permission denied");
        }
        try {
            return Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException | IOException e) {
            return null; // not a POSIX file system: the new file keeps the defaults
        }
    }

    private static void keepAttributes(Path tmp, PosixFileAttributes existing) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
        view.setPermissions(existing.permissions());
        try {
            view.setGroup(existing.group());
            view.setOwner(existing.owner());
        } catch (FileSystemException e) {
            // only root (or the owner, for a group it is in) may: the file then belongs to whoever wrote it
        }
    }

    private static UsageException notRegular(Path target, String kind) {
        return new UsageException("cannot write " + target + ": " + kind
                + ", not a regular file (leave out --output and redirect standard output to write there)");
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
