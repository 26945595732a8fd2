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
     * @param option      the option, "--fail-on-growth"
     * @param threshold   its threshold
     * @param tripped     whether it tripped
     * @param withinNoise whether it held only because sampling noise explains the growth that went past its
     *                    threshold (the total's, or the first such node's in rank order)
     * @param node        the node that tripped it, or whose growth within noise held it (the first in rank
     *                    order); null for the total, or when it simply held
     * @param growth      the growth that tripped it or that noise explains, 0 when it simply held
     * @param noiseMargin the change sampling explains for the total or that node, when withinNoise; else 0
     */
    public record State(String option, Threshold threshold, boolean tripped, boolean withinNoise, DiffRow node,
                        long growth, long noiseMargin) {
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
            long margin = d.netNoiseMargin();
            boolean past = net > 0 && totalGrowth.exceededBy(net, d.baseTotal());
            boolean tripped = past && net > margin;
            boolean noise = past && !tripped;
            states.add(new State("--fail-on-growth", totalGrowth, tripped, noise, null, past ? net : 0,
                    noise ? margin : 0));
        }
        if (nodeGrowth != null) {
            DiffRow tripping = null;
            DiffRow noise = null;
            for (DiffRow r : d.changed()) {
                if (r.delta() <= 0 || !nodeGrowth.exceededBy(r.delta(), d.baseTotal()) || allowed(r)) {
                    continue;
                }
                if (r.significantGrowth()) {
                    tripping = r;
                    break;
                }
                noise = noise == null ? r : noise;
            }
            DiffRow node = tripping != null ? tripping : noise;
            states.add(new State("--fail-on-node-growth", nodeGrowth, tripping != null, tripping == null && noise != null,
                    node, node == null ? 0 : node.delta(), tripping == null && noise != null ? noise.noiseMargin() : 0));
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
