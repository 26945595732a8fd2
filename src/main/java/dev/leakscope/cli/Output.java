package dev.leakscope.cli;

import dev.leakscope.util.Printable;
import dev.leakscope.util.UsageException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Consumer;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Renders a report into memory first, so a failing command prints nothing half-done; then prints it,
 * or writes it to a file through a temporary file in the same directory, renamed over the target only
 * once complete.
 */
final class Output {
    private Output() {
    }

    static int print(CommandSpec spec, Consumer<PrintWriter> report) {
        return print(spec, null, report);
    }

    /** Prints the report on standard output, or writes it to target when target is not null. */
    static int print(CommandSpec spec, Path target, Consumer<PrintWriter> report) {
        StringWriter buffer = new StringWriter();
        try (PrintWriter w = new PrintWriter(buffer)) {
            report.accept(w);
        }
        if (target != null) {
            writeAtomically(target, buffer.toString());
            return 0;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(buffer);
        out.flush();
        return 0;
    }

    /** A sink for notices that go to the command's stderr as they come (filter warnings). */
    static Consumer<String> notices(CommandSpec spec) {
        PrintWriter err = spec.commandLine().getErr();
        return line -> {
            err.println(line);
            err.flush();
        };
    }

    /** A sink for warnings (a skipped archive member…): {@code leakscope: } and the line, on stderr. */
    static Consumer<String> warnings(CommandSpec spec) {
        Consumer<String> notices = notices(spec);
        return line -> notices.accept("leakscope: " + Printable.of(line));
    }

    private static void writeAtomically(Path target, String text) {
        if (Files.isDirectory(target)) {
            throw new UsageException("cannot write " + target + ": is a directory");
        }
        Path dir = target.getParent();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: keep the default permissions
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
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

    private static String describe(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such directory";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
