package dev.leakscope.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Consumer;
import picocli.CommandLine.Model.CommandSpec;

/** Renders a report into memory first, so a failing command prints nothing half-done on stdout. */
final class Output {
    private Output() {
    }

    static int print(CommandSpec spec, Consumer<PrintWriter> report) {
        StringWriter buffer = new StringWriter();
        try (PrintWriter w = new PrintWriter(buffer)) {
            report.accept(w);
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
        return line -> notices.accept("leakscope: " + line);
    }
}
