package dev.leakscope.cli;

import dev.leakscope.report.pprof.ReportSettings;
import java.time.ZoneId;
import picocli.CommandLine.Option;

/** {@code -i/--sample-index}: the sample type every report command reports, spelled and resolved one way. */
final class SampleOptions {
    @Option(names = {"-i", "--sample-index"}, paramLabel = "TYPE",
            description = "Sample type to report: a name (inuse_space, alloc_objects…) or a 0-based index."
                    + " Default: the profile's default type, else the last one.")
    String sampleIndex;

    /** The settings of the commands that do not draw a graph (list, focus, traces): this type, these filters. */
    ReportSettings settings(FilterOptions filters, ZoneId zone) {
        return ReportSettings.defaults().withZone(zone).withSampleIndex(sampleIndex)
                .withFilters(filters.filters());
    }
}
