package dev.leakscope.cli;

import dev.leakscope.report.Format;
import dev.leakscope.report.GateStatus;
import dev.leakscope.report.pprof.ReportSettings;
import dev.leakscope.report.TrendReport;
import dev.leakscope.trend.Projection;
import dev.leakscope.trend.TrendGate;
import dev.leakscope.trend.SeriesBuilder;
import dev.leakscope.trend.SeriesEnds;
import dev.leakscope.trend.Trend;
import dev.leakscope.trend.TrendAnalysis;
import dev.leakscope.trend.TwinSnapshots;
import dev.leakscope.util.Amount;
import dev.leakscope.util.ExitCodes;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code leakscope trend}: leak suspects across a series of snapshots. */
@Command(name = "trend", mixinStandardHelpOptions = true,
        description = {"Leak suspects across a series of snapshots of the same process.",
            "Snapshots are ordered by their timestamps (time_nanos) when every one has its own; text snapshots,"
                    + " which have none, by the date and time in their file names (as collect names them), else by"
                    + " their files' modification times; else they are taken in argument order; a DIR or ARCHIVE (tar, tar.gz, tar.zst, tar.xz, zip) stands for the profiles"
                    + " in it, by name in natural order (heap_2 before heap_10); members that are not profiles are"
                    + " skipped with a warning. Growth rates are per hour in time order, shown when the snapshots span"
                    + " a minute or more (over seconds a rate per hour says nothing: left out, as diff leaves it out;"
                    + " the rows rank the same), and per snapshot in argument order.",
            "A node is a suspect when it grew from the first snapshot to the last by at least 1%% of the final"
                    + " total, at least 80%% of its steps did not go down, no single step made more than half of"
                    + " its growth (two thirds of it in a series of three steps), and a straight line fits it with R² >= 0.8. Rows are ranked suspects first,"
                    + " each group by growth rate x R² x monotonicity. Snapshots near a cap on their samples (JFR"
                    + " keeps 256 old-object samples) stop growing: the fit then ends at the first of them, and a"
                    + " suspect must keep 95%% of its samples after it; when they are JDK 21+ sizes (live_space, the"
                    + " default), the series counts the samples instead (live_objects: the sizes of so few jump with"
                    + " each large object sampled), unless -i, or a --limit or gate in bytes, asks for sizes.",
            "Rows shown: every suspect, then the nodes whose growth (up or down) is at least --nodefraction of"
                    + " the gross change, the sum of every node's |growth| (as diff's cut), at most --nodecount.",
            "--format json gives the schema leakscope.trend/v1; --format html one page with a chart of the series,"
                    + " sparklines and a flame graph of the growth from the first snapshot to the last."})
final class TrendCommand extends ProfileCommand {
    @Parameters(arity = "1..*", paramLabel = "FILE|DIR|ARCHIVE",
            description = "Snapshots (profiles), or directories or archives of them.")
    List<String> files;

    @Mixin
    FormatOptions format;

    @Mixin
    AsciiOption ascii;

    @Option(names = "--limit", paramLabel = "SIZE",
            description = "Project when the total reaches SIZE (e.g. the container's memory limit; on counts a plain"
                    + " number) at its fitted rate (snapshots that span a minute or more).")
    String limit;

    @Mixin
    RateGateOption failOnRate;

    @Mixin
    GrowthGateOption failOnGrowth;

    @Mixin
    ReportOptions report;

    @Override
    public Integer call() {
        Format f = format.format(Format.values());
        ReportSettings settings = report.settings(root.env.zone());
        Amount limitAmount = limit == null ? null : OptionValues.positiveAmount("--limit", limit);
        TrendGate gates = failOnRate.with(failOnGrowth);
        // a limit or gate in bytes compares sizes: the series keeps them even near a cap on samples
        boolean sizesAsked = limitAmount != null && limitAmount.inBytes() || gates.inBytes();
        SeriesBuilder builder = SeriesBuilder.forSampleIndex(settings.granularity(), settings.noInlines(),
                settings.cumSort(), settings.sampleIndex(), !sizesAsked);
        var sources = input.sources(files, root);
        var target = format.target(root.workDir, sources);
        SeriesEnds ends = f == Format.HTML ? new SeriesEnds() : null;
        loader().series(sources, (argument, name, p, file) -> {
            if (ends != null) {
                ends.add(argument, name, p, file);
            }
            return builder.begin(argument, name, p, file);
        });
        var series = builder.build();
        TwinSnapshots.warning(series.snapshots(), "the series").ifPresent(Output.warnings(spec));
        Trend analysed = TrendAnalysis.analyze(series);
        if (limitAmount != null) {
            limitAmount.requireUnit("--limit", series.type(), series.unit(), "a plain number (e.g. 100000)");
        }
        gates.requireUnit(series.type(), series.unit());
        gates.requireRatedSpan(analysed);
        List<TrendGate.Tripped> tripped = gates.checkAll(analysed, false);
        Trend trend = TrendGate.withSuspectsOf(analysed, tripped);
        TrendReport.GateOptions given = failOnRate.given(failOnGrowth);
        Projection projection = limitAmount == null ? null : Projection.of(trend, limitAmount.value());
        boolean asciiLines = ascii.on(root.env);
        var rows = new TrendReport.RowLimit(settings.nodeCount(), settings.nodeFraction());
        var options = new TrendReport.Options(f, asciiLines, rows, projection, settings.zone(), format.maxChars(),
                settings.unit(), false);
        var drawn = ends == null ? null : new TrendReport.Ends(ends, settings.granularity(), settings.noInlines());
        GateStatus gate = TrendReport.gateStatus(tripped, gates.heldWithinNoise(trend), series.unit(), settings.unit(),
                given);
        Output.print(spec, target, w -> TrendReport.render(trend, options, gate, drawn, w));
        if (gate.tripped()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("leakscope: gate " + gate.reason());
            err.flush();
            return ExitCodes.GATE;
        }
        return ExitCodes.OK;
    }
}
