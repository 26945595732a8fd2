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
}
