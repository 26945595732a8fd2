package dev.leakscope.cli;

import dev.leakscope.graph.Granularity;
import dev.leakscope.report.pprof.ReportSettings;
import dev.leakscope.util.UsageException;
import java.time.ZoneId;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The report options every report command spells the same way; they map onto {@link ReportSettings}. */
final class ReportOptions {
    @Mixin
    SampleOptions sample;

    @Option(names = "--granularity", paramLabel = "G", defaultValue = "functions",
            description = "Aggregate by functions (default), filefunctions, files, lines or addresses.")
    String granularity;

    @Option(names = "--noinlines", description = "Charge inlined functions to the function they were inlined into.")
    boolean noInlines;

    @Option(names = "--cum", description = "top: sort by cumulative value instead of flat; diff: compare nodes' cumulative values"
            + " instead of flat ones; trend and watch: follow nodes' cumulative values instead of flat ones.")
    boolean cum;

    @Mixin
    NodeCountOption nodes;

    @Option(names = "--nodefraction", paramLabel = "F", defaultValue = "0.005",
            description = "Hide nodes below this fraction (default: ${DEFAULT-VALUE}). top: a node's cum, of the total;"
                    + " diff: a node's change, of the gross change (the sum of |flat change| over all nodes); trend"
                    + " and watch: a node's growth from the first snapshot to the last, of the gross change (the sum"
                    + " of every node's |growth|), leak suspects always shown.")
    double nodeFraction;

    @Option(names = "--unit", paramLabel = "UNIT", defaultValue = "minimum",
            description = "Unit of printed values: minimum (pprof's default), auto, or a unit such as B, kB, MB, ms."
                    + " diff, trend and watch: minimum prints each value in its own unit; JSON keeps raw numbers.")
    String unit;

    ReportSettings settings(ZoneId zone) {
        Granularity g = Granularity.parse(granularity);
        if (g == null) {
            throw new UsageException("unknown granularity '" + granularity
                    + "' (use functions, filefunctions, files, lines or addresses)");
        }
        if (!(nodeFraction >= 0 && nodeFraction <= 1)) { // NaN too
            throw new UsageException("--nodefraction must be between 0 and 1, got " + nodeFraction);
        }
        if (!dev.leakscope.profile.Units.known(unit)) {
            throw new UsageException("--unit " + dev.leakscope.util.Printable.of(unit) + ": unknown unit (use minimum,"
                    + " auto, count, or a unit of memory, time or GCU: B, kB, MB, GB, TB, PB, ns, us, ms, s, hrs...)");
        }
        return ReportSettings.defaults().withZone(zone).withSampleIndex(sample.sampleIndex).withGranularity(g, noInlines)
                .withTrim(cum, nodes.nodeCount(0), nodeFraction).withUnit(unit);
    }
}
