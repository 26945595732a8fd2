package dev.leakscope.cli;

import dev.leakscope.util.UsageException;
import picocli.CommandLine.Option;

/** The output format option of the commands that render reports in several formats. */
final class FormatOptions {
    enum Format { TEXT, MARKDOWN, JSON, HTML }

    @Option(names = "--format", paramLabel = "F", defaultValue = "text",
            description = "Output format: text (default), markdown (GitHub-flavoured, for tickets), json or html (one"
                    + " self-contained page with a flame graph; use with --output).")
    String format;

    Format format() {
        return switch (format.toLowerCase(java.util.Locale.ROOT)) {
            case "text" -> Format.TEXT;
            case "markdown", "md" -> Format.MARKDOWN;
            case "json" -> Format.JSON;
            case "html" -> Format.HTML;
            default -> throw new UsageException("unknown format '" + format + "' (use text, markdown, json or html)");
        };
    }
}
