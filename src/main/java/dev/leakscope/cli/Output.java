package dev.leakscope.cli;

import dev.leakscope.util.Printable;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.function.Consumer;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Renders a report into memory first, so a failing command prints nothing half-done; then prints it,
 * or writes it to a file whole or not at all ({@link OutputFile}).
 */
final class Output {
    private static final String WARNING = "warning: ";

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
            OutputFile.write(target, buffer.toString());
            return 0;
        }
        clearProgress(spec);
        PrintWriter out = spec.commandLine().getOut();
        out.print(buffer);
        out.flush();
        return 0;
    }

    /** Wipes the progress line of input reading, if one is shown, so that what follows starts a line. */
    static void clearProgress(CommandSpec spec) {
        if (spec.root().userObject() instanceof LeakscopeCommand root) {
            root.clearProgress();
        }
    }

    /**
     * A sink for pprof's notices ({@code leakscope pprof}: "Focus expression matched no samples"), which go
     * to the command's stderr as they come. They are pprof's lines, byte for byte, but on a terminal, where
     * control characters quoted from a profile (a mapping's file name) would act on it: there they are escaped.
     */
    static Consumer<String> notices(CommandSpec spec) {
        PrintWriter err = spec.commandLine().getErr();
        boolean terminal = spec.root().userObject() instanceof LeakscopeCommand root && root.stderrTerminal();
        return line -> {
            clearProgress(spec);
            err.println(terminal ? Printable.of(line) : line);
            err.flush();
        };
    }

    /**
     * A sink for warnings, what may make the report wrong or incomplete (a skipped archive member, a
     * filter that matched nothing, a binary that cannot be read): {@link #warning} lines on stderr, the
     * first few of a run only ({@link WarningCap}).
     */
    static Consumer<String> warnings(CommandSpec spec) {
        WarningCap cap = ((LeakscopeCommand) spec.root().userObject()).warnings;
        return line -> {
            clearProgress(spec);
            cap.accept(warning(line));
        };
    }

    /** A sink for notes, what the run does (a profile fetched, a snapshot kept): {@link #note} lines on stderr. */
    static Consumer<String> notes(CommandSpec spec) {
        PrintWriter err = spec.commandLine().getErr();
        return line -> {
            clearProgress(spec);
            err.println(note(line));
            err.flush();
        };
    }

    /**
     * A warning's line: {@code leakscope: warning: } and line, printable, so that a search of a log finds
     * every warning, apart from the notes and the one error line ({@code leakscope: } and what is wrong). A
     * line that says "warning: " itself (those the reports' notes share) is not tagged twice.
     */
    static String warning(String line) {
        String printable = Printable.of(line);
        return "leakscope: " + (printable.startsWith(WARNING) ? printable : WARNING + printable);
    }

    /** A note's line: {@code leakscope: note: } and line, printable. */
    static String note(String line) {
        return "leakscope: note: " + Printable.of(line);
    }
}
