package dev.leakscope.diff;

import dev.leakscope.graph.CallTree;
import dev.leakscope.graph.NodeTable;
import dev.leakscope.profile.Profile;
import java.util.List;

/**
 * The call trees of a diff's two sides merged into one: per call path, the base's value (column
 * {@link #BASE}, normalised as the diff was) and the current value (column {@link #CURRENT}), with the
 * diff's filters and node granularity.
 */
public final class DiffTree {
    public static final int BASE = 0;
    public static final int CURRENT = 1;

    private DiffTree() {
    }

    public static CallTree of(DiffResult d) {
        DiffOptions o = d.options();
        Profile b = o.filters().apply(d.base().profile(), notice -> { });
        Profile c = o.filters().apply(d.current().profile(), notice -> { });
        List<NodeTable> tables = NodeTable.shared(List.of(b, c), o.graph());
        int index = o.graph().sampleIndex();
        CallTree tree = new CallTree(tables.get(1), 2);
        tree.addSamples(b, tables.get(0), index, BASE, d.baseScale());
        tree.addSamples(c, tables.get(1), index, CURRENT, 1);
        return tree;
    }
}
