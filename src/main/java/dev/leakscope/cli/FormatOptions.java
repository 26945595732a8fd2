package dev.leakscope.cli;

import dev.leakscope.util.UsageException;
import picocli.CommandLine.Option;

/** The output format option of the commands that render reports in several formats. */
final class FormatOptions {
    enum Format { TEXT, MARKDOWN, JSON }

    @Option(names = "--format", paramLabel = "F", defaultValue = "text",
            description = "Output format: text (default), markdown (GitHub-flavoured, for tickets) or json.")
    String format;

    Format format() {
        return switch (format.toLowerCase(java.util.Locale.ROOT)) {
            case "text" -> Format.TEXT;
            case "markdown", "md" -> Format.MARKDOWN;
            case "json" -> Format.JSON;
            default -> throw new UsageException("unknown format '" + format + "' (use text, markdown or json)");
        };
    }
}
