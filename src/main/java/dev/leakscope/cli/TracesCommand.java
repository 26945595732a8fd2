package dev.leakscope.cli;

import dev.leakscope.focus.StackDeltas;
import dev.leakscope.graph.Granularity;
import dev.leakscope.graph.GraphOptions;
import dev.leakscope.input.InputSource;
import dev.leakscope.profile.Profile;
import dev.leakscope.report.Format;
import dev.leakscope.report.pprof.ReportContext;
import dev.leakscope.report.pprof.ReportSettings;
import dev.leakscope.report.TraceDeltaReport;
import dev.leakscope.report.TracesReport;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code leakscope traces FILE}: every stack with its value, or with --base its growth. */
@Command(name = "traces", mixinStandardHelpOptions = true,
        description = {"Show every distinct stack with its value, as go tool pprof -traces does.",
            "With --base, show each stack's base, current and delta value, largest growth first."})
final class TracesCommand extends ProfileCommand {
    @Parameters(arity = "1..*", paramLabel = "FILE",
            description = "Profiles (merged); a directory or archive stands for all the profiles in it.")
    List<String> files;

    @Mixin
    BaseOption base;

    @Mixin
    SampleOptions sample;

    @Mixin
    FilterOptions filters;

    @Mixin
    FormatOptions format;

    /** Samples the same once merged are one trace, as in pprof's -traces (a Node profile has many such). */
    @Override
    Profile merged(List<InputSource> sources) {
        return loader().mergedSamples(sources);
    }

    @Override
    public Integer call() {
        Format f = format.format(TracesReport.FORMATS);
        ReportSettings settings = sample.settings(filters, root.env.zone());
        BaseOption.Loaded loaded = base.load(this, files, format, settings);
        Path target = loaded.target();
        ReportContext current = loaded.current();
        ReportContext before = loaded.base();
        if (before == null) {
            return Output.print(spec, target, w -> TracesReport.render(current, format.rendering(f), w));
        }
        if (!loaded.baseNote().isNone()) {
            // the trace delta report has no header for it
            Output.notes(spec).accept("Harmonized: " + loaded.baseNote().describe());
        }
        var stacks = StackDeltas.of(input(before), input(current),
                GraphOptions.of(Granularity.FUNCTIONS, false, current.sampleIndex()).keepingFileNames());
        return Output.print(spec, target, w -> TraceDeltaReport.render(stacks, current.typeName(), current.sampleUnit(),
                format.rendering(f), w));
    }
}
