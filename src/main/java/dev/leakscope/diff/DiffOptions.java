package dev.leakscope.diff;

import dev.leakscope.graph.GraphOptions;
import dev.leakscope.profile.transform.Filters;

/**
 * What a diff computes and shows.
 *
 * @param graph        granularity, inlining and sample index of the nodes
 * @param cum          compare cumulative values instead of flat
 * @param sort         ranking of the rows
 * @param growthOnly   leave out shrinking nodes
 * @param normalize    scale the base so that its total equals the current total
 * @param nodeFraction leave out nodes whose |change| is below this fraction of the gross change
 *                     (sum of |flat change| over all nodes)
 * @param nodeCount    show at most this many rows (0: all)
 * @param periodHint   sampling period, in the sample unit, to assume when a profile records none (0: none)
 * @param filters      pprof's sample filters, applied to both sides before they are compared
 */
public record DiffOptions(GraphOptions graph, boolean cum, SortOrder sort, boolean growthOnly, boolean normalize,
                          double nodeFraction, int nodeCount, long periodHint,
                          Filters filters) {

    /** A diff of these nodes: flat values ranked by delta, every row, nothing normalized or filtered. */
    public static DiffOptions of(GraphOptions graph) {
        return new DiffOptions(graph, false, SortOrder.DELTA, false, false, 0, 0, 0, Filters.none());
    }

    /** These options comparing cumulative (or flat) values, ranked in this order. */
    public DiffOptions ranked(boolean cumValues, SortOrder order) {
        return new DiffOptions(graph, cumValues, order, growthOnly, normalize, nodeFraction, nodeCount, periodHint,
                filters);
    }

    /** These options showing only growth (or all changes), cut at this fraction and count. */
    public DiffOptions shown(boolean growthOnlyRows, double fraction, int count) {
        return new DiffOptions(graph, cum, sort, growthOnlyRows, normalize, fraction, count, periodHint, filters);
    }

    /** These options with the base scaled to the current total, or not. */
    public DiffOptions normalized(boolean scale) {
        return new DiffOptions(graph, cum, sort, growthOnly, scale, nodeFraction, nodeCount, periodHint, filters);
    }

    /** These options assuming this sampling period where a profile records none. */
    public DiffOptions withPeriodHint(long period) {
        return new DiffOptions(graph, cum, sort, growthOnly, normalize, nodeFraction, nodeCount, period, filters);
    }

    /** These options with pprof's sample filters applied to both sides. */
    public DiffOptions filtered(Filters f) {
        return new DiffOptions(graph, cum, sort, growthOnly, normalize, nodeFraction, nodeCount, periodHint, f);
    }
}
