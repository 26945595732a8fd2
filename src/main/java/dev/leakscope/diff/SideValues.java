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
 * flat values) the via pairs. The two sides are computed at once, on two cores.
 *
 * @param vias null when not wanted
 */
record SideValues(Graph graph, byte[] marks, ViaValues vias) {
    /** The values of the base then of the current profile, on the node tables made for both. */
    static List<SideValues> of(Profile base, Profile current, List<NodeTable> tables, GraphOptions o, boolean vias) {
        return Concurrently.all(List.<Supplier<SideValues>>of(
                () -> of(base, tables.get(0), o, vias), () -> of(current, tables.get(1), o, vias)));
    }

    private static SideValues of(Profile p, NodeTable t, GraphOptions o, boolean vias) {
        // node values, marks and vias only: no edges (a hash lookup per frame of every sample)
        GraphBuilder.ValuesAndMarks values = GraphBuilder.valuesAndMarks(p, t, o, vias);
        return new SideValues(values.graph(), values.marks(), values.vias());
    }
}
