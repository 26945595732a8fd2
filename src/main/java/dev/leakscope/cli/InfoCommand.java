package dev.leakscope.cli;

import dev.leakscope.input.InputSource;
import dev.leakscope.input.Snapshots;
import dev.leakscope.load.Loader;
import dev.leakscope.profile.Snapshot;
import dev.leakscope.report.InfoReport;
import dev.leakscope.report.SeriesInfoReport;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code leakscope info}: what a profile holds. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = {"Describe profiles: sample types, period, time, counts, totals and the likely producer.",
            "A directory or archive gets one line per profile in it (in series order: by time_nanos when every"
                    + " profile has its own, else by name) with its time and totals, and a summary."})
final class InfoCommand extends ProfileCommand {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Profiles, directories or archives to describe.")
    List<String> files;

    @Override
    public Integer call() {
        List<InputSource> sources = input.sources(files, root);
        Loader loader = new Loader(input.limits(), Output.warnings(spec), null); // info shows profiles as stored
        return Output.print(spec, w -> {
            for (int i = 0; i < sources.size(); i++) {
                InputSource s = sources.get(i);
                if (i > 0) {
                    w.println();
                }
                Snapshots series = loader.expand(s);
                if (series.isCollection()) {
                    List<SeriesInfoReport.Line> lines = new ArrayList<>();
                    int skipped = loader.members(series, (m, p) -> lines.add(SeriesInfoReport.Line.of(m, p)));
                    SeriesInfoReport.write(new Snapshot(s.name(), s.storedSize(), 0), series.describe(), skipped,
                            lines, ZoneId.systemDefault(), w);
                } else {
                    InfoReport.write(s.name(), s.storedSize(), loader.raw(s), ZoneId.systemDefault(), w);
                }
            }
        });
    }
}
