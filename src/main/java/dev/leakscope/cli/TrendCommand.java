package dev.leakscope.cli;

import dev.leakscope.profile.ValueType;
import dev.leakscope.report.Format;
import dev.leakscope.report.ReportSettings;
import dev.leakscope.report.TrendReport;
import dev.leakscope.report.ValueFormat;
import dev.leakscope.report.html.TrendHtmlReport;
import dev.leakscope.trend.Projection;
import dev.leakscope.trend.RateGate;
import dev.leakscope.trend.SeriesBuilder;
import dev.leakscope.trend.SeriesEnds;
import dev.leakscope.trend.Trend;
import dev.leakscope.trend.TrendAnalysis;
import dev.leakscope.util.ExitCodes;
import dev.leakscope.util.Sizes;
import dev.leakscope.util.UsageException;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code leakscope trend}: leak suspects across a series of snapshots. */
@Command(name = "trend", mixinStandardHelpOptions = true,
        description = {"Leak suspects across a series of snapshots of the same process.",
            "Snapshots are ordered by their timestamps (time_nanos) when every one has its own, else taken in"
                    + " argument order; a DIR or ARCHIVE (tar, tar.gz, tar.zst, tar.xz, zip) stands for the profiles"
                    + " in it, by name in natural order (heap_2 before heap_10); members that are not profiles are"
                    + " skipped with a warning.",
            "A node is a suspect when it grew from the first snapshot to the last by at least 1%% of the final"
                    + " total, at least 80%% of its steps did not go down, no single step made more than half of"
                    + " its growth, and a straight line fits it with R² >= 0.8. Rows are ranked suspects first,"
                    + " each group by growth rate x R² x monotonicity.",
            "--format json gives the schema leakscope.trend/v1; --format html one page with a chart of the series,"
                    + " sparklines and a flame graph of the growth from the first snapshot to the last."})
final class TrendCommand extends ProfileCommand {
    @Parameters(arity = "1..*", paramLabel = "FILE|DIR|ARCHIVE",
            description = "Snapshots (profiles), or directories or archives of them.")
    List<String> files;

    @Option(names = "--ascii", description = "Draw sparklines in ASCII (the default when the locale is not UTF-8).")
    boolean ascii;

    @Option(names = "--limit", paramLabel = "SIZE",
            description = "Project when the total reaches SIZE (e.g. the container's memory limit) at its fitted rate.")
    String limit;

    @Option(names = "--fail-on-rate", paramLabel = "SIZE/h",
            description = "Exit 1 when the total or any suspect grows at least this fast per hour (e.g. 10MB/h).")
    String failOnRate;

    @Mixin
    ReportOptions report;

    @Mixin
    OutputOptions output;

    @Mixin
    FormatOptions format;

    @Override
    public Integer call() {
        Format f = format.format();
        ReportSettings settings = report.settings(ZoneId.systemDefault());
        long limitBytes = limit == null ? -1 : OptionValues.parse("--limit", () -> Sizes.parse(limit));
        long rate = failOnRate == null ? -1 : OptionValues.parse("--fail-on-rate", () -> parseRate(failOnRate));
        SeriesBuilder builder = SeriesBuilder.forSampleIndex(settings.granularity(), settings.noInlines(),
                settings.cumSort(), settings.sampleIndex());
        var sources = input.sources(files, root);
        var target = output.target(root.workDir, sources);
        SeriesEnds ends = f == Format.HTML ? new SeriesEnds() : null;
        loader().series(sources, (argument, name, p) -> {
            builder.add(argument, name, p);
            if (ends != null) {
                ends.add(argument, name, p);
            }
        });
        var series = builder.build();
        Trend trend = TrendAnalysis.analyze(series);
        if ((limitBytes >= 0 || rate >= 0) && !series.unit().equals("bytes")) {
            throw new UsageException("--limit and --fail-on-rate need a sample type in bytes, not "
                    + series.type() + " (" + series.unit() + ")");
        }
        RateGate.Tripped tripped = rate < 0 ? null : RateGate.check(trend, rate);
        Projection projection = limitBytes < 0 ? null : Projection.of(trend, limitBytes);
        boolean asciiLines = ascii || !utf8Locale();
        var options = new TrendReport.Options(f, asciiLines, settings.nodeCount(), settings.nodeFraction(),
                projection, settings.zone(), format.maxChars());
        Output.print(spec, target, w -> {
            if (ends == null) {
                TrendReport.write(trend, options, w);
            } else {
                ValueType type = new ValueType(series.type(), series.unit());
                TrendHtmlReport.write(trend, options, ends.tree(settings.granularity(), settings.noInlines(), type),
                        ends.noise(type)::margin, w);
            }
        });
        if (tripped != null) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("leakscope: gate: " + tripped.name() + " grows at "
                    + ValueFormat.autoLabel(Math.round(tripped.stats().slope()), series.unit())
                    + "/h, at or above --fail-on-rate " + failOnRate);
            err.flush();
            return ExitCodes.GATE;
        }
        return ExitCodes.OK;
    }

    /** A rate such as {@code 10MB/h} (the {@code /h} may be left out), in bytes per hour. */
    static long parseRate(String text) {
        String t = text.strip();
        if (t.endsWith("/h")) {
            t = t.substring(0, t.length() - 2);
        } else if (t.contains("/")) {
            throw new UsageException("invalid rate '" + text + "' (expected a size per hour, e.g. 10MB/h)");
        }
        return Sizes.parse(t);
    }

    /** Whether the locale's character set is UTF-8 (LC_ALL, else LC_CTYPE, else LANG). */
    private static boolean utf8Locale() {
        for (String name : new String[] {"LC_ALL", "LC_CTYPE", "LANG"}) {
            String v = System.getenv(name);
            if (v != null && !v.isEmpty()) {
                String l = v.toLowerCase(Locale.ROOT);
                return l.contains("utf-8") || l.contains("utf8");
            }
        }
        return false;
    }
}
