package dev.leakscope.diff;

import dev.leakscope.profile.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * CI gates on a diff. A gate trips only on growth beyond sampling noise (see {@link NoiseModel}):
 * growth the profile cannot tell from sampling error never fails a build.
 *
 * @param totalGrowth growth of the total that trips, or null
 * @param nodeGrowth  growth of any one node that trips, or null
 * @param allow       nodes whose name, or whose via (the program's own frame the change came through),
 *                    matches one of these (unanchored) never trip the node gate
 */
public record Gates(Threshold totalGrowth, Threshold nodeGrowth, List<Pattern> allow) {
    public Gates {
        allow = List.copyOf(allow);
    }

    /** Refuses a threshold written in bytes when the values compared are not ({@link Threshold#requireUnit}). */
    public void requireUnit(ValueType type) {
        if (totalGrowth != null) {
            totalGrowth.requireUnit("--fail-on-growth", type.type(), type.unit());
        }
        if (nodeGrowth != null) {
            nodeGrowth.requireUnit("--fail-on-node-growth", type.type(), type.unit());
        }
    }

    /** The gates given, as written: "--fail-on-growth 5% and --fail-on-node-growth 2MB"; empty when none. */
    public String given() {
        List<String> g = new ArrayList<>();
        if (totalGrowth != null) {
            g.add("--fail-on-growth " + totalGrowth.text());
        }
        if (nodeGrowth != null) {
            g.add("--fail-on-node-growth " + nodeGrowth.text());
        }
        return String.join(" and ", g);
    }

    /**
     * How one gate given stands.
     *
     * @param option    the option, "--fail-on-growth"
     * @param threshold its threshold
     * @param tripped   whether it tripped
     * @param node      the node that tripped it (the first in rank order), null for the total or when it held
     * @param growth    the growth that tripped it, 0 when it held
     */
    public record State(String option, Threshold threshold, boolean tripped, DiffRow node, long growth) {
        /** The gate as written: "--fail-on-growth 10%". */
        public String gate() {
            return option + " " + threshold.text();
        }
    }

    /** Each gate given, in the order of {@link #given()}, and whether it tripped. */
    public List<State> check(DiffResult d) {
        List<State> states = new ArrayList<>(2);
        if (totalGrowth != null) {
            long net = d.netChange();
            boolean tripped = net > d.netNoiseMargin() && totalGrowth.exceededBy(net, d.baseTotal());
            states.add(new State("--fail-on-growth", totalGrowth, tripped, null, tripped ? net : 0));
        }
        if (nodeGrowth != null) {
            DiffRow tripping = null;
            for (DiffRow r : d.changed()) {
                if (r.significantGrowth() && nodeGrowth.exceededBy(r.delta(), d.baseTotal()) && !allowed(r)) {
                    tripping = r;
                    break;
                }
            }
            states.add(new State("--fail-on-node-growth", nodeGrowth, tripping != null, tripping,
                    tripping == null ? 0 : tripping.delta()));
        }
        return states;
    }

    /** Whether --allow lets the row grow: its node's name or its via matches. */
    private boolean allowed(DiffRow r) {
        for (Pattern p : allow) {
            if (p.matcher(r.name()).find() || r.via() != null && p.matcher(r.via()).find()) {
                return true;
            }
        }
        return false;
    }
}
