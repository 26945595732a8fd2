package dev.leakscope.cli;

import dev.leakscope.input.InputSource;
import dev.leakscope.input.Snapshots;
import dev.leakscope.load.Loader;
import dev.leakscope.profile.Snapshot;
import dev.leakscope.report.Format;
import dev.leakscope.report.InfoReport;
import dev.leakscope.report.SeriesInfoReport;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code leakscope info}: what a profile holds. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = {"Describe profiles: sample types, period, time, counts, totals and the likely producer.",
            "A directory or archive gets one line per profile in it (in series order: by time_nanos when every"
                    + " profile has its own, else by name) with its time and totals, and a summary."})
final class InfoCommand extends ProfileCommand {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Profiles, directories or archives to describe.")
    List<String> files;

    @Mixin
    FormatOptions format;

    @Override
    public Integer call() {
        Format f = format.format(InfoReport.FORMATS);
        List<InputSource> sources = input.sources(files, root);
        var target = format.target(root.workDir, sources);
        Loader loader = new Loader(input.limits(), Output.warnings(spec), null); // info shows profiles as stored
        // Each input is reduced to what its report shows as it is read: one profile in memory at a time.
        List<InfoReport.Input> inputs = new ArrayList<>();
        for (InputSource s : sources) {
            Snapshots series = loader.expand(s);
            if (series.isCollection()) {
                List<SeriesInfoReport.Line> lines = new ArrayList<>();
                int skipped = loader.members(series, (m, p, file) -> lines.add(SeriesInfoReport.Line.of(m, p, file)));
                inputs.add(new SeriesInfoReport.Collection(new Snapshot(s.name(), s.storedSize(), 0, null, null, null),
                        series.describe(), skipped, lines));
            } else {
                inputs.add(InfoReport.Single.of(s.name(), s.storedSize(), loader.raw(s)));
            }
        }
        return Output.print(spec, target, w -> InfoReport.render(inputs, root.env.zone(), format.rendering(f), w));
    }
}
