package dev.leakscope.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakscope.format.ProfileLoader;
import dev.leakscope.input.InputSource;
import dev.leakscope.input.Limits;
import dev.leakscope.profile.Profile;
import dev.leakscope.profile.transform.Merger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The call tree against one built the plain way, path by path in a hash map: every frame of
 * every counted sample adds its value to its call path.
 */
class CallTreeTest {
    @ParameterizedTest
    @MethodSource("dev.leakscope.graph.GraphPropertiesTest#goProfiles")
    void everyCallPathHoldsTheValuesOfTheSamplesThroughIt(Path file) {
        Profile p = Merger.merge(ProfileLoader.load(InputSource.of(file), Limits.DEFAULT));
        int index = p.typeCount() - 1;
        IntPredicate even = s -> s % 2 == 0;
        for (Granularity g : Granularity.values()) {
            NodeTable t = NodeTable.build(p, GraphOptions.of(g, false, index));
            CallTree tree = new CallTree(t, 2);
            tree.addSamples(p, t, index, 0, 0.37, even);
            tree.addSamples(p, t, index, 1, 1);
            Map<List<Integer>, long[]> expected = new HashMap<>();
            expected.put(List.of(), new long[2]);
            addPlainly(expected, p, t, index, 0, 0.37, even);
            addPlainly(expected, p, t, index, 1, 1, s -> true);

            Map<List<Integer>, long[]> actual = new HashMap<>();
            for (int n = 0; n < tree.size(); n++) {
                assertTrue(n == CallTree.ROOT ? tree.parent(n) == -1 : tree.parent(n) < n, "parent before child");
                long[] previous = actual.put(path(tree, n), new long[] {tree.value(n, 0), tree.value(n, 1)});
                assertEquals(null, previous, "one node per call path");
            }
            assertEquals(expected.keySet(), actual.keySet(), file + " " + g);
            for (Map.Entry<List<Integer>, long[]> e : expected.entrySet()) {
                long[] a = actual.get(e.getKey());
                assertEquals(e.getValue()[0], a[0], file + " " + g + " " + e.getKey());
                assertEquals(e.getValue()[1], a[1], file + " " + g + " " + e.getKey());
            }
        }
    }

    private static void addPlainly(Map<List<Integer>, long[]> paths, Profile p, NodeTable t, int index, int column,
            double scale, IntPredicate keep) {
        int[] stack = p.stackBuffer();
        for (int s = 0; s < p.sampleCount(); s++) {
            long w = p.value(s, index);
            if (w == 0 || !keep.test(s)) {
                continue;
            }
            long v = Math.round(w * scale);
            List<Integer> path = new ArrayList<>();
            paths.get(List.of())[column] += v;
            for (int i = p.stack(s, stack) - 1; i >= 0; i--) {
                for (int k = t.frameEnd(stack[i]) - 1; k >= t.frameStart(stack[i]); k--) {
                    path.add(t.frameNode(k));
                    paths.computeIfAbsent(List.copyOf(path), x -> new long[2])[column] += v;
                }
            }
        }
    }

    private static List<Integer> path(CallTree tree, int n) {
        List<Integer> path = new ArrayList<>();
        for (int at = n; at != CallTree.ROOT; at = tree.parent(at)) {
            path.add(0, tree.frame(at));
        }
        return path;
    }
}
