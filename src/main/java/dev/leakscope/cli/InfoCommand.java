package dev.leakscope.cli;

import dev.leakscope.input.InputSource;
import dev.leakscope.input.Snapshots;
import dev.leakscope.format.ProfileLoader;
import dev.leakscope.report.InfoReport;
import dev.leakscope.report.SeriesInfoReport;
import dev.leakscope.profile.transform.PrintableNames;
import dev.leakscope.util.Printable;
import java.time.ZoneId;
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
        List<InputSource> sources = InputOptions.sources(files, root);
        return Output.print(spec, w -> {
            for (int i = 0; i < sources.size(); i++) {
                InputSource s = sources.get(i);
                if (i > 0) {
                    w.println();
                }
                Snapshots series = Snapshots.of(s, input.limits());
                if (series.isCollection()) {
                    SeriesInfoReport.write(series, input.limits(), Output.warnings(spec), ZoneId.systemDefault(), w);
                } else {
                    InfoReport.write(Printable.of(s.name()), s.storedSize(),
                            PrintableNames.of(ProfileLoader.load(s, input.limits())),
                            ZoneId.systemDefault(), w);
                }
            }
        });
    }
}
