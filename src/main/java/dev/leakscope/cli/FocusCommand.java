package dev.leakscope.cli;

import dev.leakscope.focus.FocusAnalysis;
import dev.leakscope.focus.FocusQuery;
import dev.leakscope.focus.FocusResult;
import dev.leakscope.graph.Granularity;
import dev.leakscope.graph.GraphOptions;
import dev.leakscope.report.FocusReport;
import dev.leakscope.report.Format;
import dev.leakscope.report.pprof.ReportContext;
import dev.leakscope.report.pprof.ReportSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code leakscope focus REGEX FILE}: callers, callees and top nodes of the samples through a function. */
@Command(name = "focus", mixinStandardHelpOptions = true,
        description = {"Show the callers, callees and top nodes of the functions matching REGEX.",
            "Their flat and cum, the caller paths and callees that carry their samples, and the top nodes of those"
                    + " samples.",
            "With --base, rows are ranked by growth, so the caller path of a leak comes first.",
            "--format json gives the schema " + FocusReport.JSON_SCHEMA + "; --format html one page with a flame graph"
                    + " of the samples through the match."})
final class FocusCommand extends ProfileCommand {
    @Parameters(index = "0", paramLabel = "REGEX", description = "Functions to focus on (unanchored regex on the name).")
    String regex;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE",
            description = "Profiles (merged); a directory or archive stands for all the profiles in it.")
    List<String> files;

    @Mixin
    FormatOptions format;

    @Mixin
    NodeCountOption nodes;

    @Mixin
    BaseOption base;

    @Mixin
    SampleOptions sample;

    @Mixin
    FilterOptions filters;

    @Override
    public Integer call() {
        Format f = format.format(FocusReport.FORMATS);
        Pattern fn = Regexes.compile(regex, "invalid regex '" + regex + "'");
        ReportSettings settings = sample.settings(filters, root.env.zone());
        BaseOption.Loaded loaded = base.load(this, files, format, settings);
        Path target = loaded.target();
        ReportContext current = loaded.current();
        ReportContext before = loaded.base();
        FocusQuery query = new FocusQuery(fn, before == null ? null : input(before), input(current),
                GraphOptions.of(Granularity.FUNCTIONS, false, current.sampleIndex()));
        FocusResult r = FocusAnalysis.of(query, nodes.nodeCount(20));
        String title = before == null ? String.join(" ", files) : String.join(" ", base.bases) + " -> " + String.join(" ", files);
        var focus = new FocusReport.Input(query, r, title, current.typeName(), current.sampleUnit(),
                loaded.harmonization(), settings.activeFilters());
        return Output.print(spec, target, w -> FocusReport.render(focus, format.rendering(f), w));
    }
}
