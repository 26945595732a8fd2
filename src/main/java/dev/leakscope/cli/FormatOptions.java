package dev.leakscope.cli;

import dev.leakscope.report.Format;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The output format option of the commands that render reports in several formats. */
final class FormatOptions {
    @Option(names = "--format", paramLabel = "F", defaultValue = "text",
            description = "Output format: text (default), markdown (GitHub-flavoured, for tickets), json or html (one"
                    + " self-contained page with a flame graph; use with --output).")
    String format;

    @Mixin
    MarkdownBudget markdown;

    int maxChars() {
        return markdown.maxChars();
    }

    Format format() {
        return Format.parse(format, Format.values());
    }
}
