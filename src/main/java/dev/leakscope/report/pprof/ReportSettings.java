package dev.leakscope.report.pprof;

import dev.leakscope.graph.Granularity;
import dev.leakscope.graph.GraphOptions;
import dev.leakscope.graph.TrimmedGraph;
import dev.leakscope.profile.transform.Filters;
import java.time.ZoneId;
import java.util.List;

/**
 * Everything that shapes a pprof-style text report, with pprof's defaults.
 *
 * @param sampleIndex   sample type name or index, or null for the profile's default
 * @param mean          pprof's -mean
 * @param granularity   node granularity
 * @param noInlines     pprof's -noinlines
 * @param cumSort       sort by cum instead of flat
 * @param nodeCount     show at most this many nodes (0: all; -1: the report's default)
 * @param nodeFraction  drop nodes whose cum is below this fraction of the total
 * @param edgeFraction  drop edges whose weight is below this fraction of the total
 * @param unit          output unit: {@code minimum} (pprof's default), {@code auto} or a unit name
 * @param divideBy      divide every value by this before printing
 * @param dropNegative  leave out nodes with negative values
 * @param trimPath      pprof's -trim_path
 * @param sourcePath    pprof's -source_path
 * @param filters       pprof's sample filters (focus, hide, tagfocus…)
 * @param zone          time zone of the {@code Time:} header
 * @param compactLabels pprof's -compact_labels: graph reports leave out the profile's own header lines
 */
public record ReportSettings(String sampleIndex, boolean mean, Granularity granularity, boolean noInlines,
                             boolean cumSort, int nodeCount, double nodeFraction, double edgeFraction,
                             String unit, double divideBy, boolean dropNegative, String trimPath,
                             String sourcePath, Filters filters, ZoneId zone, boolean compactLabels) {

    public static ReportSettings defaults() {
        return new ReportSettings(null, false, Granularity.FUNCTIONS, false, false, -1, 0.005, 0.001,
                "minimum", 1, false, "", "", Filters.none(), ZoneId.of("UTC"), false);
    }

    public ReportSettings withSampleIndex(String v) {
        return new ReportSettings(v, mean, granularity, noInlines, cumSort, nodeCount, nodeFraction,
                edgeFraction, unit, divideBy, dropNegative, trimPath, sourcePath, filters, zone, compactLabels);
    }

    public ReportSettings withGranularity(Granularity g, boolean noInl) {
        return new ReportSettings(sampleIndex, mean, g, noInl, cumSort, nodeCount, nodeFraction,
                edgeFraction, unit, divideBy, dropNegative, trimPath, sourcePath, filters, zone, compactLabels);
    }

    public ReportSettings withTrim(boolean cum, int count, double fraction) {
        return new ReportSettings(sampleIndex, mean, granularity, noInlines, cum, count, fraction,
                edgeFraction, unit, divideBy, dropNegative, trimPath, sourcePath, filters, zone, compactLabels);
    }

    public ReportSettings withEdgeFraction(double f) {
        return new ReportSettings(sampleIndex, mean, granularity, noInlines, cumSort, nodeCount, nodeFraction,
                f, unit, divideBy, dropNegative, trimPath, sourcePath, filters, zone, compactLabels);
    }

    public ReportSettings withUnit(String u) {
        return new ReportSettings(sampleIndex, mean, granularity, noInlines, cumSort, nodeCount, nodeFraction,
                edgeFraction, u, divideBy, dropNegative, trimPath, sourcePath, filters, zone, compactLabels);
    }

    public ReportSettings withMean(boolean m, double divide, boolean dropNeg) {
        return new ReportSettings(sampleIndex, m, granularity, noInlines, cumSort, nodeCount, nodeFraction,
                edgeFraction, unit, divide, dropNeg, trimPath, sourcePath, filters, zone, compactLabels);
    }

    public ReportSettings withPaths(String trim, String source) {
        return new ReportSettings(sampleIndex, mean, granularity, noInlines, cumSort, nodeCount, nodeFraction,
                edgeFraction, unit, divideBy, dropNegative, trim, source, filters, zone, compactLabels);
    }

    public ReportSettings withZone(ZoneId z) {
        return new ReportSettings(sampleIndex, mean, granularity, noInlines, cumSort, nodeCount, nodeFraction,
                edgeFraction, unit, divideBy, dropNegative, trimPath, sourcePath, filters, z, compactLabels);
    }

    public ReportSettings withFilters(Filters f) {
        return new ReportSettings(sampleIndex, mean, granularity, noInlines, cumSort, nodeCount, nodeFraction,
                edgeFraction, unit, divideBy, dropNegative, trimPath, sourcePath, f, zone, compactLabels);
    }

    public ReportSettings withCompactLabels(boolean c) {
        return new ReportSettings(sampleIndex, mean, granularity, noInlines, cumSort, nodeCount, nodeFraction,
                edgeFraction, unit, divideBy, dropNegative, trimPath, sourcePath, filters, zone, c);
    }

    /** The {@code name=value} lines of the "Active filters" header. */
    public List<String> activeFilters() {
        return filters.activeFilters();
    }

    /** Graph options for a leakscope report on sample type index (file names trimmed as pprof trims them). */
    public GraphOptions graphOptions(int index) {
        return graphOptions(index, false);
    }

    /** Graph options for a graph report (file names trimmed as pprof's graph reports do). */
    GraphOptions graphOptions(int index, boolean objNames) {
        return GraphOptions.of(granularity, noInlines, index).withValues(mean, objNames, dropNegative)
                .withPaths(trimPath, sourcePath);
    }

    /** Trimming for -tree: pprof turns the default node count (-1) into 80. */
    TrimmedGraph.Trim treeTrim() {
        return new TrimmedGraph.Trim(nodeFraction, edgeFraction, nodeCount < 0 ? 80 : nodeCount, cumSort);
    }

    /** Trimming for -top: pprof turns the default node count (-1) into "no limit". */
    TrimmedGraph.Trim topTrim() {
        return new TrimmedGraph.Trim(nodeFraction, edgeFraction, Math.max(nodeCount, 0), cumSort);
    }
}
