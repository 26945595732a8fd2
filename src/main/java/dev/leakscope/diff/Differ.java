package dev.leakscope.diff;

import dev.leakscope.graph.NodeTable;
import dev.leakscope.profile.Profile;
import dev.leakscope.profile.ValueType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Compares two profiles node by node. Both are mapped onto one common node set (nodes align by what
 * they stand for, never by ids), each profile's flat and cum values come from one pass over its
 * samples, and the changed nodes are ranked. The node fraction cut is relative to the gross change,
 * the sum of |flat change| over all nodes (what pprof's {@code -base} total is at node level): a
 * fraction of the profiles' totals would hide every node of a big heap that changed a little.
 */
public final class Differ {
    private Differ() {
    }

    /**
     * base and current must have the same sample types (see {@code Compatibility.harmonize}). The
     * filters' notices (a filter that matched no sample) go to notices, once each, when they hold for
     * both sides: a function only the current profile has matched.
     */
    public static DiffResult compare(Side base, Side current, DiffOptions o, Consumer<String> notices) {
        Set<String> inBase = new LinkedHashSet<>();
        Set<String> inCurrent = new LinkedHashSet<>();
        Profile b = o.filters().apply(base.profile(), inBase::add);
        Profile c = o.filters().apply(current.profile(), inCurrent::add);
        inBase.retainAll(inCurrent);
        inBase.forEach(notices);
        int index = o.graph().sampleIndex();
        ValueType type = c.sampleType(index);
        long currentTotal = c.total(index);
        long rawBaseTotal = b.total(index);
        double scale = o.normalize() && rawBaseTotal != 0 ? (double) currentTotal / rawBaseTotal : 1;
        NoiseModel noise = NoiseModel.of(b, c, type, scale, o.periodHint());

        List<NodeTable> tables = NodeTable.shared(List.of(b, c), o.graph());
        List<SideValues> sides = SideValues.of(b, c, tables, o.graph(), o.cum());
        SideValues sb = sides.get(0);
        SideValues sc = sides.get(1);
        NodeTable nodes = tables.get(1);
        long baseTotal = Math.round(rawBaseTotal * scale);
        Vias vias = o.cum() ? null : Vias.of(sb.vias(), sc.vias(), nodes.size(), scale);

        List<DiffRow> changed = new ArrayList<>();
        long grossGrowth = 0;
        long grossShrink = 0;
        for (int n = 0; n < nodes.size(); n++) {
            long flatDelta = sc.flat(n) - Math.round(sb.flat(n) * scale);
            if (flatDelta > 0) {
                grossGrowth += flatDelta;
            } else {
                grossShrink -= flatDelta;
            }
            long bv = Math.round((o.cum() ? sb.cum(n) : sb.flat(n)) * scale);
            long cv = o.cum() ? sc.cum(n) : sc.flat(n);
            if (bv == cv) {
                continue;
            }
            byte mark = sc.counted(n) ? sc.marks()[n] : sb.marks()[n];
            String name = nodes.info(n).printableName()
                    + (mark == 1 ? " (inline)" : mark == 2 ? " (partial-inline)" : "");
            int via = vias == null ? -1 : vias.via(n, cv - bv);
            changed.add(new DiffRow(name, bv, cv, noise.margin(bv, cv), via < 0 ? null : nodes.info(via).printableName(),
                    via < 0 ? 0 : vias.change(n, cv - bv)));
        }
        changed.sort(order(o.sort()));
        long cutoff = (long) (o.nodeFraction() * (grossGrowth + grossShrink));
        List<DiffRow> rows = new ArrayList<>();
        for (DiffRow r : changed) {
            if (Math.abs(r.delta()) >= cutoff && !(o.growthOnly() && r.delta() < 0)) {
                rows.add(r);
            }
        }
        if (o.nodeCount() > 0 && rows.size() > o.nodeCount()) {
            rows = rows.subList(0, o.nodeCount());
        }
        return new DiffResult(type, base, current, baseTotal, currentTotal, grossGrowth, grossShrink, scale, noise, o,
                rows, changed, disjoint(sb, sc, nodes.size()), List.of());
    }

    /** Whether both sides have nodes (of a non-zero cum value) and no node is on both. */
    private static boolean disjoint(SideValues base, SideValues current, int nodes) {
        boolean inBase = false;
        boolean inCurrent = false;
        for (int n = 0; n < nodes; n++) {
            boolean b = base.counted(n);
            boolean c = current.counted(n);
            if (b && c) {
                return false;
            }
            inBase |= b;
            inCurrent |= c;
        }
        return inBase && inCurrent;
    }


    /** The ranking: growing nodes first (except by name), ties broken by name. */
    static Comparator<DiffRow> order(SortOrder sort) {
        return new Ranking(sort);
    }

    /**
     * The ranking as a class of its own: Comparator's combinators would spin a lambda class per use on
     * every run (the class-data archive cannot hold them).
     */
    private record Ranking(SortOrder sort) implements Comparator<DiffRow> {
        @Override
        public int compare(DiffRow a, DiffRow b) {
            if (sort != SortOrder.NAME) {
                int c = Integer.compare(a.delta() > 0 ? 0 : 1, b.delta() > 0 ? 0 : 1);
                if (c == 0) {
                    c = switch (sort) {
                        // growth: the largest first; shrinking: the largest shrink first
                        case DELTA -> Long.compare(-Math.abs(a.delta()), -Math.abs(b.delta()));
                        case PCT -> Double.compare(-Math.abs(pct(a)), -Math.abs(pct(b)));
                        case CURRENT -> Long.compare(-a.current(), -b.current());
                        case NAME -> throw new AssertionError();
                    };
                }
                if (c != 0) {
                    return c;
                }
            }
            int c = a.name().compareTo(b.name());
            return c != 0 ? c : Long.compare(a.delta(), b.delta());
        }

        private static double pct(DiffRow r) {
            return r.pct() == null ? Double.MAX_VALUE : r.pct();
        }
    }
}
