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
import java.util.Locale;

/**
 * Writes a finished report to a file whole or not at all: into a new file in the same directory,
 * synced, then renamed over the target. A symlink is written through (its target is replaced, the
 * link stays), an existing file keeps its permissions (and its owner where the process may set it),
 * and anything that is not a regular file (directory, device, FIFO, socket) is refused: a rename
 * would replace a device node with a regular file, and a direct write could not be whole or nothing.
 * Every refusal names its cause: the file, its directory (which must take a new file, also to replace
 * one), or the file system.
 */
final class OutputFile {
    /** The most symlinks followed, as the kernel's ELOOP limit. */
    private static final int MAX_LINKS = 40;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Why a directory that takes no new file stops the replacing of a file that may itself be writable. */
    private static final String BY_RENAME = " (the report replaces the file by renaming a new file over it)";

    private OutputFile() {
    }

    /** Refuses a target that is not a regular file, or that may not be written (see {@link #write}). */
    static void checkFile(Path target) {
        checkedExisting(target, throughLinks(target));
    }

    /** Refuses a target whose directory is missing or takes no new file, which {@link #write} needs. */
    static void checkDirectory(Path target) {
        String problem = directoryProblem(throughLinks(target));
        if (problem != null) {
            throw cannotWrite(target, problem);
        }
    }

    /** Writes text (UTF-8) to target; any failure is a one-line usage error and leaves target as it was. */
    static void write(Path target, String text) {
        Path file = throughLinks(target);
        PosixFileAttributes existing = checkedExisting(target, file);
        Path tmp = temporary(file);
        FileChannel ch;
        try {
            // No permissions given: a new file gets 0666 less the umask, as the shell's > would give.
            ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw cannotWrite(target, notCreated(e, file));
        }
        try {
            try (ch) {
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
            throw cannotWrite(target, reason(e));
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
                throw cannotWrite(target, "too many levels of symbolic links");
            }
            try {
                p = p.resolveSibling(Files.readSymbolicLink(p)).normalize();
            } catch (IOException e) {
                throw cannotWrite(target, reason(e));
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
            throw cannotWrite(target, "is a directory");
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw notRegular(target, FileKinds.of(file));
        }
        if (!Files.isWritable(file)) {
            // opened to write, not truncated, to learn why: its permissions, or a read-only file system
            try (FileChannel ignored = FileChannel.open(file, StandardOpenOption.WRITE)) {
                // writable after all
            } catch (AccessDeniedException e) {
                throw cannotWrite(target, "permission denied: the file is not writable");
            } catch (IOException e) {
                throw cannotWrite(target, reason(e));
            }
        }
        try {
            return Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException | IOException e) {
            return null; // not a POSIX file system: the new file keeps the defaults
        }
    }

    /** Why no new file can be made beside file, or null when one can be, as far as is told without making one. */
    private static String directoryProblem(Path file) {
        if (!Files.isDirectory(file.getParent())) {
            return missingDirectory(file.getParent());
        }
        if (Files.isWritable(file.getParent())) {
            return null;
        }
        // the system says no: trying tells why (permissions, a read-only file system)
        Path probe = temporary(file);
        try {
            Files.createFile(probe);
            Files.delete(probe);
            return null;
        } catch (IOException e) {
            return notCreated(e, file);
        }
    }

    /** Why the new file beside file could not be made, e the failure of making it. */
    private static String notCreated(IOException e, Path file) {
        Path dir = file.getParent();
        if (!Files.isDirectory(dir)) {
            return missingDirectory(dir);
        }
        if (e instanceof AccessDeniedException && !Files.isWritable(dir)) {
            return "permission denied: cannot create files in " + dir + replacing(file);
        }
        if (e instanceof AccessDeniedException || e instanceof NoSuchFileException) {
            // a directory that should take a file and takes none: /proc, /sys
            return "cannot create files in " + dir + " (file system type " + fileSystemType(dir) + ")" + replacing(file);
        }
        return reason(e);
    }

    /** What is wrong with the path to dir, which is no directory: a part missing, a file, or no access. */
    private static String missingDirectory(Path dir) {
        Path p = dir;
        while (p.getParent() != null && !Files.exists(p)) {
            p = p.getParent();
        }
        if (!Files.isDirectory(p)) {
            return p + " is not a directory";
        }
        Path below = p.resolve(dir.getName(p.getNameCount()));
        return Files.notExists(below) ? "no such directory " + dir : "permission denied: cannot look into " + p;
    }

    private static Path temporary(Path file) {
        return file.resolveSibling("." + file.getFileName() + "." + HexFormat.of().toHexDigits(RANDOM.nextInt()) + ".tmp");
    }

    private static String replacing(Path file) {
        return Files.exists(file, LinkOption.NOFOLLOW_LINKS) ? BY_RENAME : "";
    }

    private static String fileSystemType(Path dir) {
        try {
            return Files.getFileStore(dir).type();
        } catch (IOException e) {
            return "unknown";
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

    private static UsageException cannotWrite(Path target, String why) {
        return new UsageException("cannot write " + target + ": " + why);
    }

    private static UsageException notRegular(Path target, String kind) {
        return cannotWrite(target, kind + ", not a regular file (leave out --output and redirect standard output to"
                + " write there)");
    }

    /** The system's reason, as the other messages say theirs: "no space left on device". */
    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        String r = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
        if (r == null) {
            return e.getClass().getSimpleName();
        }
        return r.isEmpty() ? r : r.substring(0, 1).toLowerCase(Locale.ROOT) + r.substring(1);
    }
}
