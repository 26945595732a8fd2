package dev.leakscope.util;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Names what kind of file system entry a path is, for messages ("a FIFO", "a character device"). */
public final class FileKinds {
    private FileKinds() {
    }

    /** The kind of the file at path, through symlinks; "no such file" when there is none. */
    public static String of(Path path) {
        try {
            Object mode = Files.getAttribute(path, "unix:mode");
            if (mode instanceof Integer m) {
                return switch (m & 0170000) {
                    case 0010000 -> "a FIFO";
                    case 0020000 -> "a character device";
                    case 0040000 -> "a directory";
                    case 0060000 -> "a block device";
                    case 0100000 -> "a regular file";
                    case 0120000 -> "a symbolic link";
                    case 0140000 -> "a socket";
                    default -> "a special file";
                };
            }
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            // no unix view (not Linux or macOS): fall back on what every file system tells
        } catch (IOException e) {
            return Files.isSymbolicLink(path) ? "a broken symbolic link" : Files.exists(path) ? "unreadable" : "no such file";
        }
        if (Files.isDirectory(path)) {
            return "a directory";
        }
        return Files.isRegularFile(path) ? "a regular file" : "a special file";
    }
}
