package dev.leakscope.focus;

import dev.leakscope.graph.CallTree;
import dev.leakscope.graph.NodeTable;
import dev.leakscope.profile.Profile;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The call tree of the samples a focus is about: those with a frame whose name matches the regex (as
 * {@link FocusAnalysis} matches them). With a base, column 0 holds the base's values and column 1 the
 * current ones; without, one column.
 */
public final class FocusTree {
    private FocusTree() {
    }

    /** The tree of the samples the query is about. */
    public static CallTree of(FocusQuery q) {
        List<Profile> profiles = new ArrayList<>();
        if (q.withBase()) {
            profiles.add(q.base().profile());
        }
        profiles.add(q.current().profile());
        List<NodeTable> tables = NodeTable.shared(profiles, q.options());
        CallTree tree = new CallTree(tables.get(tables.size() - 1), profiles.size());
        if (q.withBase()) {
            add(tree, q.regex(), q.base().profile(), tables.get(0), q.base().sampleIndex(), 0);
        }
        add(tree, q.regex(), q.current().profile(), tables.get(tables.size() - 1), q.current().sampleIndex(),
                profiles.size() - 1);
        return tree;
    }

    private static void add(CallTree tree, Pattern regex, Profile p, NodeTable t, int index, int column) {
        boolean[] matches = new boolean[t.size()];
        for (int n = 0; n < matches.length; n++) {
            matches[n] = regex.matcher(t.info(n).printableName()).find();
        }
        tree.addSamples(p, t, index, column, 1, s -> {
            for (int n = p.stackLeaf(s); n >= 0; n = p.stacks.parent(n)) {
                int l = p.stacks.location(n);
                for (int f = t.frameStart(l); f < t.frameEnd(l); f++) {
                    if (matches[t.frameNode(f)]) {
                        return true;
                    }
                }
            }
            return false;
        });
    }
}
