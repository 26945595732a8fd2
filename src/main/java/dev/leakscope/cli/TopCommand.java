package dev.leakscope.cli;

import dev.leakscope.report.Format;
import dev.leakscope.report.ReportContext;
import dev.leakscope.report.TopJsonReport;
import dev.leakscope.report.html.TopHtmlReport;
import dev.leakscope.report.TopMarkdownReport;
import dev.leakscope.report.TopReport;
import java.time.ZoneId;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code leakscope top}: the largest nodes of a profile, as {@code go tool pprof -top} prints them. */
@Command(name = "top", mixinStandardHelpOptions = true,
        description = {"Show the nodes with the largest values, as go tool pprof -top does.",
            "Several FILEs are merged (sample types that differ in form first brought onto one set). FILE may be - for standard input,",
            "a directory or an archive (tar, tar.gz, tar.zst, tar.xz, zip): all the profiles in it are merged.",
            "--format markdown gives a table for a ticket; --format json the schema leakscope.top/v1."})
final class TopCommand extends ProfileCommand {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Profiles, directories or archives of them.")
    List<String> files;

    @Mixin
    ReportOptions report;

    @Mixin
    FilterOptions filters;

    @Mixin
    FormatOptions format;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        Format fmt = format.format();
        var sources = input.sources(files, root);
        var target = output.target(root.workDir, sources);
        var profile = loader().merged(sources);
        var rc = ReportContext.of(profile, report.settings(ZoneId.systemDefault()).withFilters(filters.filters()),
                Output.notices(spec));
        return Output.print(spec, target, w -> {
            switch (fmt) {
                case TEXT -> TopReport.write(rc, w);
                case MARKDOWN -> TopMarkdownReport.write(rc, format.maxChars(), w);
                case JSON -> TopJsonReport.write(rc, w);
                case HTML -> TopHtmlReport.write(rc, w);
            }
        });
    }
}
