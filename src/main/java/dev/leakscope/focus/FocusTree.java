package dev.leakscope.focus;

import dev.leakscope.graph.CallTree;
import dev.leakscope.graph.GraphOptions;
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

    /** base may be null; options as for {@link FocusAnalysis#of} (current's sample index). */
    public static CallTree of(Pattern regex, Profile base, int baseIndex, Profile current, int currentIndex,
                              GraphOptions options) {
        List<Profile> profiles = new ArrayList<>();
        if (base != null) {
            profiles.add(base);
        }
        profiles.add(current);
        List<NodeTable> tables = NodeTable.shared(profiles, options);
        CallTree tree = new CallTree(tables.get(tables.size() - 1), profiles.size());
        if (base != null) {
            add(tree, regex, base, tables.get(0), baseIndex, 0);
        }
        add(tree, regex, current, tables.get(tables.size() - 1), currentIndex, profiles.size() - 1);
        return tree;
    }

    private static void add(CallTree tree, Pattern regex, Profile p, NodeTable t, int index, int column) {
        boolean[] matches = new boolean[t.size()];
        for (int n = 0; n < matches.length; n++) {
            matches[n] = regex.matcher(t.info(n).printableName()).find();
        }
        tree.addSamples(p, t, index, column, 1, s -> {
            for (int i = p.stackStart(s); i < p.stackEnd(s); i++) {
                int l = p.stackLocation(i);
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
