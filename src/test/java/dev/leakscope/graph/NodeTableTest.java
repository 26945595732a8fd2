package dev.leakscope.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.leakscope.format.ProfileLoader;
import dev.leakscope.input.InputSource;
import dev.leakscope.input.Limits;
import dev.leakscope.profile.Profile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Tables shared by several profiles hold the nodes of each profile's own table, numbered in one set:
 * the first profile's nodes in the order they come, then each later profile's new ones.
 */
class NodeTableTest {
    @Test
    void sharedTablesNumberNodesAsBuiltInTurn() throws IOException {
        List<Path> files = GraphPropertiesTest.goProfiles().limit(3).toList();
        List<Profile> profiles = new ArrayList<>();
        for (Path f : files) {
            profiles.add(ProfileLoader.load(InputSource.of(f), Limits.DEFAULT));
        }
        for (Granularity g : Granularity.values()) {
            GraphOptions o = GraphOptions.of(g, false, 0);
            List<NodeTable> shared = NodeTable.shared(profiles, o);
            Set<NodeInfo> expected = new LinkedHashSet<>();
            for (int i = 0; i < profiles.size(); i++) {
                NodeTable own = NodeTable.build(profiles.get(i), o);
                NodeTable t = shared.get(i);
                for (int n = 0; n < own.size(); n++) {
                    expected.add(own.info(n));
                }
                for (int k = 0; k < own.frameNode.length; k++) {
                    assertEquals(own.info(own.frameNode[k]), t.info(t.frameNode[k]), g + " frame " + k);
                }
                int[] single = t.singleFrameNodes();
                for (int l = 0; l < single.length; l++) {
                    assertEquals(t.frameEnd(l) - t.frameStart(l) == 1 ? t.frameNode(t.frameStart(l)) : -1, single[l]);
                }
            }
            assertEquals(new ArrayList<>(expected), shared.get(0).nodes, g.toString());
            for (NodeTable t : shared) {
                assertEquals(expected.size(), t.size());
            }
        }
    }
}
