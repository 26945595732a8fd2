package dev.leakscope.cli;

import dev.leakscope.focus.FocusAnalysis;
import dev.leakscope.focus.FocusResult;
import dev.leakscope.focus.FocusTree;
import dev.leakscope.graph.Granularity;
import dev.leakscope.graph.GraphOptions;
import dev.leakscope.report.FocusReport;
import dev.leakscope.report.Format;
import dev.leakscope.report.ReportContext;
import dev.leakscope.report.ReportSettings;
import dev.leakscope.report.html.FocusHtmlReport;
import dev.leakscope.util.UsageException;
import dev.leakscope.input.InputSource;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code leakscope focus REGEX FILE}: callers, callees and top nodes of the samples through a function. */
@Command(name = "focus", mixinStandardHelpOptions = true,
        description = {"Show the picture around the functions matching REGEX: their flat and cum, the caller",
            "paths and callees that carry their samples, and the top nodes of those samples.",
            "With --base, rows are ranked by growth, so the caller path of a leak comes first.",
            "--format json gives the schema " + FocusReport.JSON_SCHEMA + "; --format html one page with a flame graph"
                    + " of the samples through the match."})
final class FocusCommand extends ProfileCommand {
    @Parameters(index = "0", paramLabel = "REGEX", description = "Functions to focus on (unanchored regex on the name).")
    String regex;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE",
            description = "Profiles (merged); a directory or archive stands for all the profiles in it.")
    List<String> files;

    @Option(names = {"-n", "--nodecount"}, paramLabel = "N", defaultValue = "20",
            description = "Show at most N top nodes (0: all; default ${DEFAULT-VALUE}).")
    int nodeCount;

    @Mixin
    BaseOption base;

    @Mixin
    FormatOptions format;

    @Mixin
    SampleOptions sample;

    @Mixin
    FilterOptions filters;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        Format f = format.format();
        if (nodeCount < 0) {
            throw new UsageException("--nodecount must be 0 or more");
        }
        Pattern fn = ListCommand.compile(regex);
        ReportSettings settings = sample.settings(filters);
        List<InputSource> named = new ArrayList<>();
        for (String a : base.base == null ? files : Stream.concat(files.stream(), Stream.of(base.base)).toList()) {
            named.add(InputSource.of(a, root.workDir, root.stdin)); // not fetched: only to refuse an input as --output
        }
        var target = output.target(root.workDir, named);
        ReportContext current = BaseOption.load(files, settings, root, input, spec);
        BaseOption.noteHarmonization(current, spec);
        ReportContext before = base.load(current, settings, root, input, spec);
        GraphOptions options = GraphOptions.of(Granularity.FUNCTIONS, false, current.sampleIndex());
        FocusResult r = FocusAnalysis.of(fn, before == null ? null : before.profile(),
                before == null ? 0 : before.sampleIndex(), before == null ? 0 : before.total(),
                current.profile(), current.sampleIndex(), current.total(), options, nodeCount);
        String title = before == null ? String.join(" ", files) : base.base + " -> " + String.join(" ", files);
        return Output.print(spec, target, w -> {
            switch (f) {
                case HTML -> FocusHtmlReport.write(r, title, current.typeName(), current.sampleUnit(),
                        FocusTree.of(fn, before == null ? null : before.profile(), before == null ? 0
                                : before.sampleIndex(), current.profile(), current.sampleIndex(), options), w);
                case JSON -> FocusReport.json(r, current.typeName(), current.sampleUnit(), w);
                case MARKDOWN -> FocusReport.markdown(r, title, current.typeName(), current.sampleUnit(), format.maxChars(), w);
                default -> FocusReport.text(r, title, current.typeName(), current.sampleUnit(), w);
            }
        });
    }
}
