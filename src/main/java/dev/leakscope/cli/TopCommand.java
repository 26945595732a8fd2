package dev.leakscope.cli;

import dev.leakscope.report.ProfileInputs;
import dev.leakscope.report.ReportContext;
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
            "Several FILEs are merged (their sample types must agree). FILE may be - for standard input."})
final class TopCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Profiles (profile.proto, gzipped or raw).")
    List<String> files;

    @Mixin
    ReportOptions report;

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
        var sources = InputOptions.sources(files, root);
        var target = output.target(root.workDir, sources);
        var limits = input.limits();
        var settings = report.settings(ZoneId.systemDefault());
        var rc = ReportContext.of(ProfileInputs.forReport(sources, limits), settings);
        return Output.print(spec, target, w -> TopReport.write(rc, w));
    }
}
