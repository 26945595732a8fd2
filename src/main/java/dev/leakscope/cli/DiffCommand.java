package dev.leakscope.cli;

import dev.leakscope.diff.DiffOptions;
import dev.leakscope.diff.DiffResult;
import dev.leakscope.diff.Differ;
import dev.leakscope.diff.Gates;
import dev.leakscope.diff.Side;
import dev.leakscope.diff.SortOrder;
import dev.leakscope.diff.Threshold;
import dev.leakscope.input.InputSource;
import dev.leakscope.input.remote.FetchedProfile;
import dev.leakscope.load.DiffInputs;
import dev.leakscope.report.DiffReports;
import dev.leakscope.report.DiffValues;
import dev.leakscope.report.Format;
import dev.leakscope.report.GateStatus;
import dev.leakscope.report.pprof.ReportSettings;
import dev.leakscope.util.ExitCodes;
import dev.leakscope.util.Amount;
import dev.leakscope.util.InputException;
import dev.leakscope.util.UsageException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code leakscope diff}: what grew between a baseline and the current profile, with CI gates. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Rank what grew between a baseline and the current profile, node by node.",
            "  leakscope diff BASE CURRENT...          (the first file is the baseline)",
            "  leakscope diff --base B [--base B2] CURRENT...",
            "  leakscope diff DIR|ARCHIVE              (oldest profile against newest)",
            "A DIR or ARCHIVE is ordered as trend orders it: by time_nanos, else by the times in the file names, else"
                    + " (in a directory) by modification time, else by name. Files on one"
                    + " side are merged (a directory or archive on a side: all its profiles). Sample types must"
                    + " agree by name and unit. Filters (--focus, --hide…) apply to both sides; totals are of the"
                    + " samples they keep.",
            "Changes within sampling noise (3 standard deviations, from the profile's sampling period)"
                    + " are marked noise and never trip a gate."})
final class DiffCommand extends ProfileCommand {
    @Parameters(arity = "1..*", paramLabel = "FILE",
            description = "Profiles: the baseline then the current ones, or only current ones with --base.")
    List<String> files;

    @Mixin
    BaseOption base;

    @Option(names = "--sort", paramLabel = "ORDER", defaultValue = "delta",
            description = "Rank by delta (default), pct (of the node's own base), current or name.")
    String sort;

    @Option(names = "--growth-only", description = "Leave out nodes that shrank.")
    boolean growthOnly;

    @Option(names = "--normalize", description = "Scale the base to the current total first (hides uniform growth).")
    boolean normalize;

    @Option(names = "--sampling-period", paramLabel = "SIZE",
            description = "Sampling period to assume when the profiles record none, for values that are estimates"
                    + " scaled up from samples taken every SIZE on average (e.g. 512KiB, as Go's and tcmalloc's are; a"
                    + " plain number for counts); it sets the noise threshold. async-profiler's values are no such"
                    + " estimates but the sampled objects' own sizes: its interval would overstate their noise many"
                    + " times; the typical size of the objects sampled (e.g. 1KiB) states it.")
    String samplingPeriod;

    @Mixin
    GrowthGateOption failOnGrowth;

    @Option(names = "--fail-on-node-growth", paramLabel = "SIZE|PCT",
            description = "Exit 1 when any one node grows by more than this (a size, or a %% of the base total).")
    String failOnNodeGrowth;

    @Option(names = "--allow", paramLabel = "REGEX",
            description = "Nodes whose name, or whose via (the program's own frame a row's change came through),"
                    + " matches (unanchored; repeatable) never trip --fail-on-node-growth.")
    List<String> allow = new ArrayList<>();

    @Mixin
    ReportOptions report;

    @Mixin
    FilterOptions filters;

    @Mixin
    FormatOptions format;

    @Override
    public Integer call() {
        SortOrder order = SortOrder.parse(sort);
        if (order == null) {
            throw new UsageException("unknown sort order '" + sort + "' (use delta, pct, current or name)");
        }
        Format fmt = format.format(DiffReports.FORMATS);
        Amount period = samplingPeriod == null ? null : OptionValues.positiveAmount("--sampling-period", samplingPeriod);
        List<InputSource> baseSources = base.sources(this);
        List<InputSource> current = input.sources(files, root);
        var target = format.target(root.workDir, both(baseSources, current));
        Gates gates = new Gates(
                failOnGrowth.threshold(),
                failOnNodeGrowth == null ? null
                        : OptionValues.parse("--fail-on-node-growth", () -> Threshold.parse(failOnNodeGrowth)),
                Regexes.compileAll(allow, "--allow"));
        if (normalize && gates.totalGrowth() != null) {
            throw new UsageException("--fail-on-growth cannot trip with --normalize, which scales the base to the"
                    + " current total: give one of them");
        }
        ReportSettings settings = report.settings(root.env.zone());
        DiffInputs sides = loader().diff(baseSources, current, settings.sampleIndex());
        DiffOptions options = DiffOptions.of(settings.graphOptions(sides.sampleIndex()))
                .ranked(settings.cumSort(), order).shown(growthOnly, settings.nodeFraction(), settings.nodeCount())
                .normalized(normalize).withPeriodHint(periodHint(period, sides.current().sampleType(sides.sampleIndex())))
                .filtered(filters.filters());
        List<String> inputWarnings = new ArrayList<>(sides.warnings());
        sameUrl(baseSources, current).ifPresent(inputWarnings::add);
        // a filter that matched nothing leaves "No node changed": the reports say why, not only stderr
        List<String> filterWarnings = new ArrayList<>();
        DiffResult compared = Differ.compare(new Side(sides.base(), sides.baseInputs()),
                new Side(sides.current(), sides.currentInputs()), options, n -> filterWarnings.add("warning: " + n));
        inputWarnings.addAll(filterWarnings);
        DiffResult d = compared.withInputWarnings(inputWarnings);
        // on stderr, and in every report: each changes how its numbers read
        DiffValues.warnings(d).forEach(Output.warnings(spec));
        gates.requireUnit(d.sampleType());
        if (!gates.given().isEmpty() && d.baseTotal() == 0 && d.currentTotal() == 0) {
            // a filter that stopped matching (a module renamed) would hold every gate for ever
            boolean filtered = !filters.filters().describe().isEmpty();
            throw new InputException("no sample of either profile " + (filtered ? "is left to compare (see the filters)"
                    : "has a value") + ": the gates cannot be checked");
        }
        GateStatus gate = DiffReports.gateStatus(gates.check(d), d, settings.unit());
        Output.print(spec, target, w -> DiffReports.render(d, gate,
                format.rendering(fmt).withColour(fmt == Format.TEXT && root.colour(target == null)).withUnit(settings.unit()), w));
        if (gate.tripped()) {
            spec.commandLine().getErr().println("leakscope: gate " + gate.reason());
            spec.commandLine().getErr().flush();
            return ExitCodes.GATE;
        }
        return ExitCodes.OK;
    }

    /**
     * The warning for a URL fetched for both sides ({@code diff URL URL}), if one is: the first such URL,
     * with how far apart its fetches started.
     */
    private Optional<String> sameUrl(List<InputSource> bases, List<InputSource> sources) {
        List<InputSource> base = bases.isEmpty() ? sources.subList(0, Math.min(1, sources.size())) : bases;
        List<InputSource> current = bases.isEmpty() ? sources.subList(base.size(), sources.size()) : sources;
        for (InputSource b : base) {
            FetchedProfile before = input.fetchOf(b);
            for (InputSource c : current) {
                FetchedProfile after = input.fetchOf(c);
                if (before != null && after != null && before.url().equals(after.url())) {
                    long apart = Duration.between(before.time(), after.time()).abs().toNanos();
                    return Optional.of(DiffValues.sameUrlWarning(before.url(), apart));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The period --sampling-period states, in the unit of the values (0 without it); a size in bytes for
     * values of another unit is refused, as the gates refuse it: 512KiB on counts would be a period of
     * half a million objects.
     */
    private static long periodHint(Amount period, dev.leakscope.profile.ValueType type) {
        if (period == null) {
            return 0;
        }
        period.requireUnit("--sampling-period", type.type(), type.unit(), "a plain number (one sample every N on average)");
        return period.value();
    }
}
