package dev.leakscope.cli;

import dev.leakscope.input.InputSource;
import dev.leakscope.report.Format;
import dev.leakscope.report.RenderOptions;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Mixin;

/** {@code --format}, {@code --output} and {@code --max-chars}: how and where every report command writes its report. */
final class FormatOptions {
    @Mixin
    FormatOption kind;

    @Mixin
    OutputOptions output;

    @Mixin
    MarkdownBudget markdown;

    /**
     * The format asked for, among those the command's report renders. --max-chars is checked whatever
     * the format, as --timeout is without a URL: one set of options may serve several formats, and a
     * typo shows at once.
     */
    Format format(Format... supported) {
        markdown.maxChars();
        return kind.parse(supported);
    }

    /** How to render in format f: with the Markdown budget (checked when f is Markdown), without colour. */
    RenderOptions rendering(Format f) {
        RenderOptions o = RenderOptions.of(f);
        return f == Format.MARKDOWN ? o.withMaxChars(markdown.maxChars()) : o;
    }

    /** The --output file (see {@link OutputOptions#target}), checked before any input is read. */
    Path target(Path workDir, List<InputSource> inputs) {
        return output.target(workDir, inputs);
    }

    /** The Markdown report's size budget. */
    int maxChars() {
        return markdown.maxChars();
    }
}
