package dev.leakscope.diff;

import dev.leakscope.profile.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * CI gates on a diff. A gate trips only on growth beyond sampling noise (see {@link NoiseModel}):
 * growth the profile cannot tell from sampling error never fails a build.
 *
 * @param totalGrowth growth of the total that trips, or null
 * @param nodeGrowth  growth of any one node that trips, or null
 * @param allow       nodes whose name matches one of these (unanchored) never trip the node gate
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
     * What tripped a gate: which gate (as written, "--fail-on-growth 10%"), the node (null for the total)
     * and the growth.
     */
    public record Tripped(String gate, DiffRow node, long growth) {
    }

    /** The first tripped gate, or empty when none tripped. */
    public Optional<Tripped> check(DiffResult d) {
        long net = d.netChange();
        if (totalGrowth != null && net > d.netNoiseMargin() && totalGrowth.exceededBy(net, d.baseTotal())) {
            return Optional.of(new Tripped("--fail-on-growth " + totalGrowth.text(), null, net));
        }
        if (nodeGrowth != null) {
            for (DiffRow r : d.changed()) {
                if (r.significantGrowth() && nodeGrowth.exceededBy(r.delta(), d.baseTotal()) && !allowed(r.name())) {
                    return Optional.of(new Tripped("--fail-on-node-growth " + nodeGrowth.text(), r, r.delta()));
                }
            }
        }
        return Optional.empty();
    }

    private boolean allowed(String name) {
        for (Pattern p : allow) {
            if (p.matcher(name).find()) {
                return true;
            }
        }
        return false;
    }
}
