package dev.leakscope.cli;

import dev.leakscope.report.Format;
import picocli.CommandLine.Option;

/** {@code --format}: the one parser of report formats; each command says which formats its report renders. */
final class FormatOption {
    @Option(names = "--format", paramLabel = "F", defaultValue = "text",
            description = "Output format: text (default), markdown (GitHub-flavoured, for tickets), json (schema"
                    + " leakscope.${COMMAND-NAME}/v1) or, for top, diff, trend and focus, html (one self-contained"
                    + " page with a flame graph; use with --output). watch: text or json (one object per line).")
    String format;

    /** The format asked for, among those the command's report renders. */
    Format parse(Format... supported) {
        return Format.parse(format, supported);
    }
}
