package dev.leakscope.cli;

import dev.leakscope.report.Format;
import dev.leakscope.report.TopReports;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code leakscope top}: the largest nodes of a profile, as {@code go tool pprof -top} prints them. */
@Command(name = "top", mixinStandardHelpOptions = true,
        description = {"Show the nodes with the largest values, as go tool pprof -top does.",
            "Several FILEs are merged (sample types that differ in form first brought onto one set). ",
            "FILE may be - for standard input, a directory, or an archive (zip; tar, plain or compressed): all the"
                    + " profiles in it are merged.",
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

    @Override
    public Integer call() {
        Format fmt = format.format(TopReports.FORMATS);
        var sources = input.sources(files, root);
        var target = format.target(root.workDir, sources);
        var rc = context(sources, report.settings(root.env.zone()).withFilters(filters.filters()));
        return Output.print(spec, target, w -> TopReports.render(rc, format.rendering(fmt), w));
    }
}
