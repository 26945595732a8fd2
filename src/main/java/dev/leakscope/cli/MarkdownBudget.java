package dev.leakscope.cli;

import dev.leakscope.report.Markdown;
import dev.leakscope.util.UsageException;
import picocli.CommandLine.Option;

/** {@code --max-chars}: the size budget of a Markdown report, for the ticket system it goes to. */
final class MarkdownBudget {
    @Option(names = "--max-chars", paramLabel = "N", defaultValue = "" + Markdown.DEFAULT_MAX_CHARS,
            description = "Markdown: keep the report within N characters, cutting whole rows from the end, with a"
                    + " note (its header and that note are kept whatever N; default ${DEFAULT-VALUE}; GitHub comments"
                    + " take 65536, Jira fields 32767).")
    int maxChars;

    int maxChars() {
        if (maxChars < 1) {
            throw new UsageException("--max-chars must be 1 or more, not " + maxChars);
        }
        return maxChars;
    }
}
