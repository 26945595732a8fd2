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
     * The first tripped gate and why, in one line ("--fail-on-growth 10% tripped: total grew by …"), or
     * empty when none tripped.
     */
    public Optional<String> check(DiffResult d, ValueLabel label) {
        long net = d.netChange();
        if (totalGrowth != null && net > d.netNoiseMargin() && totalGrowth.exceededBy(net, d.baseTotal())) {
            return Optional.of("--fail-on-growth " + totalGrowth.text() + " tripped: total grew by "
                    + label.of(net) + percentOfBase(net, d) + ", from " + label.of(d.baseTotal()) + " to "
                    + label.of(d.currentTotal()));
        }
        if (nodeGrowth != null) {
            for (DiffRow r : d.changed()) {
                if (r.significantGrowth() && nodeGrowth.exceededBy(r.delta(), d.baseTotal()) && !allowed(r.name())) {
                    return Optional.of("--fail-on-node-growth " + nodeGrowth.text() + " tripped: "
                            + r.name() + " grew by " + label.of(r.delta()) + percentOfBase(r.delta(), d));
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

    private static String percentOfBase(long v, DiffResult d) {
        return d.baseTotal() == 0 ? "" : String.format(" (%.1f%% of the base total)", 100.0 * v / d.baseTotal());
    }

    /** How values are written in gate messages. */
    public interface ValueLabel {
        String of(long value);
    }
}
