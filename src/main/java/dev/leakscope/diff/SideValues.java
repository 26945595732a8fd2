package dev.leakscope.diff;

import dev.leakscope.graph.Graph;
import dev.leakscope.graph.GraphBuilder;
import dev.leakscope.graph.GraphOptions;
import dev.leakscope.graph.NodeTable;
import dev.leakscope.graph.ViaValues;
import dev.leakscope.profile.Profile;
import dev.leakscope.util.Concurrently;
import java.util.List;
import java.util.function.Supplier;

/**
 * What a comparison reads of one side, each a pass over its samples: node values, inline marks and (for
 * flat values) the via pairs. The two sides are computed at once, on two cores. Cum values are summed
 * only when they are compared (or -mean or negative values make "not 0" more than "some sample has it").
 *
 * @param graph the node values, or null when flats holds what is needed
 * @param flats the flat values and whether each cum value is not 0, when graph is null
 */
record SideValues(Graph graph, GraphBuilder.FlatsAndMarks flats, byte[] marks, ViaValues vias) {
    /**
     * The values of the base then of the current profile, on the node tables made for both.
     *
     * @param cum whether cum values are compared (else flat values, with the via pairs)
     */
    static List<SideValues> of(Profile base, Profile current, List<NodeTable> tables, GraphOptions o, boolean cum) {
        return Concurrently.all(List.<Supplier<SideValues>>of(
                () -> of(base, tables.get(0), o, cum), () -> of(current, tables.get(1), o, cum)));
    }

    private static SideValues of(Profile p, NodeTable t, GraphOptions o, boolean cum) {
        if (!cum && !o.mean() && !p.hasNegativeValue()) {
            GraphBuilder.FlatsAndMarks f = GraphBuilder.flatsAndMarks(p, t, o.sampleIndex(), true);
            return new SideValues(null, f, f.marks(), f.vias());
        }
        // node values, marks and vias only: no edges (a hash lookup per frame of every sample)
        GraphBuilder.ValuesAndMarks values = GraphBuilder.valuesAndMarks(p, t, o, !cum);
        return new SideValues(values.graph(), null, values.marks(), values.vias());
    }

    /** The node's flat value (raw: not divided by a sample count with -mean). */
    long flat(int node) {
        return graph != null ? graph.rawFlat(node) : flats.flat()[node];
    }

    /** The node's cum value (raw), when cum values are compared. */
    long cum(int node) {
        return graph.rawCum(node);
    }

    /** Whether the node's cum value is not 0. */
    boolean counted(int node) {
        return graph != null ? graph.rawCum(node) != 0 : flats.counted()[node];
    }
}
