package dev.leakscope.trend;

import dev.leakscope.graph.NodeInfo;
import dev.leakscope.util.HourlyRates;
import java.util.List;

/**
 * The analysed series: the total row and the node rows, ranked (suspects first, then by score).
 *
 * @param gateSuspects the suspects that are suspects only because a gate tripped on them: steady, but under
 *                     the rule's floor ({@link TrendGate#withSuspectsOf}); empty when no gate tripped
 */
public record Trend(Series series, Stats total, List<Row> rows, List<Row> gateSuspects) {
    public Trend {
        rows = List.copyOf(rows);
        gateSuspects = List.copyOf(gateSuspects);
    }

    /** The trend as analysed, before any gate. */
    public Trend(Series series, Stats total, List<Row> rows) {
        this(series, total, rows, List.of());
    }

    /** One node's row; via: the program's own frame its change came through, or null. */
    public record Row(NodeInfo node, NodeInfo via, Stats stats) {
        public String name() {
            return node.printableName();
        }

        /** The name with the via: {@code malloc_hook (via leak/Registry.add)}. */
        public String nameWithVia() {
            return via == null ? name() : name() + " (via " + via.printableName() + ")";
        }
    }

    /** Whether the slopes are per hour (else per snapshot). */
    public boolean perHour() {
        return series.order().timed();
    }

    /**
     * Whether the slopes, per hour, may be stated as rates: the series spans a minute or more ({@link
     * HourlyRates}). Over seconds they still rank the rows, as their per-hour scale is the same for all.
     */
    public boolean ratedPerHour() {
        return perHour() && HourlyRates.spanned(series.spanNanos());
    }

    public int suspectCount() {
        int n = 0;
        for (Row r : rows) {
            if (r.stats().suspect()) {
                n++;
            }
        }
        return n;
    }
}
