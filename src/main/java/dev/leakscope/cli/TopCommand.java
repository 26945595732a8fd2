package dev.leakscope.cli;

import dev.leakscope.report.ProfileInputs;
import dev.leakscope.report.ReportContext;
import dev.leakscope.report.TopJsonReport;
import dev.leakscope.report.TopMarkdownReport;
import dev.leakscope.report.TopReport;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code leakscope top}: the largest nodes of a profile, as {@code go tool pprof -top} prints them. */
@Command(name = "top", mixinStandardHelpOptions = true,
        description = {"Show the nodes with the largest values, as go tool pprof -top does.",
            "Several FILEs are merged (their sample types must agree). FILE may be - for standard input,",
            "a directory or an archive (tar, tar.gz, tar.zst, tar.xz, zip): all the profiles in it are merged.",
            "--format markdown gives a table for a ticket; --format json the schema leakscope.top/v1."})
final class TopCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Profiles, directories or archives of them.")
    List<String> files;

    @Mixin
    ReportOptions report;

    @Mixin
    FilterOptions filters;

    @Mixin
    FormatOptions format;

    @Mixin
    InputOptions input;

    @Mixin
    OutputOptions output;

    @ParentCommand
    LeakscopeCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        FormatOptions.Format fmt = format.format();
        var sources = InputOptions.sources(files, root);
        var target = output.target(root.workDir, sources);
        var profile = ProfileInputs.forReport(sources, input.limits(), Output.warnings(spec));
        var rc = ReportContext.of(profile, report.settings(ZoneId.systemDefault()).withFilters(filters.filters()),
                Output.notices(spec));
        return Output.print(spec, target, w -> {
            switch (fmt) {
                case TEXT -> TopReport.write(rc, w);
                case MARKDOWN -> TopMarkdownReport.write(rc, w);
                case JSON -> TopJsonReport.write(rc, w);
            }
        });
    }
}
