package dev.leakscope.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.leakscope.TestProfiles;
import dev.leakscope.format.ProfileLoader;
import dev.leakscope.graph.CallTree;
import dev.leakscope.graph.Granularity;
import dev.leakscope.graph.GraphOptions;
import dev.leakscope.graph.NodeTable;
import dev.leakscope.input.InputSource;
import dev.leakscope.input.Limits;
import dev.leakscope.profile.Profile;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FlameDataTest {
    @Test
    void smallFramesFoldIntoOneOtherPerParentAndKeepTheirValue() {
        TestProfiles t = new TestProfiles().sampleType("inuse_space", "bytes").function(1, "main.main", "m.go")
                .function(2, "main.big", "m.go").location(1, 0x10, 1).location(2, 0x20, 2)
                .sample(new long[] {1_000_000}, 2, 1);
        for (int i = 0; i < 50; i++) {
            t.function(10 + i, "main.small" + i, "s.go").location(10 + i, 0x100 + i, 10 + i)
                    .sample(new long[] {1}, 10 + i, 1);
        }
        Profile p = ProfileLoader.load(InputSource.of("-", Path.of("."), new ByteArrayInputStream(t.bytes())),
                Limits.DEFAULT);
        CallTree tree = CallTree.of(p, NodeTable.build(p, GraphOptions.of(Granularity.FUNCTIONS, false, 0)), 0);
        assertEquals(53, tree.size()); // root, main, big, 50 small
        FlameData d = FlameData.of(tree, null);
        assertEquals(4, d.size()); // root, main.main, main.big, [other]
        assertEquals(50, d.foldedPaths);
        assertEquals(101, d.cut); // 0.01% of the total 1,000,050, rounded up
        assertEquals(1_000_050, d.value(0, 0));
        assertEquals(1_000_050, d.value(1, 0));
        int other = d.names.indexOf(FlameData.OTHER_NAME);
        for (int n = 0; n < d.size(); n++) {
            if (d.name.get(n) == other) {
                assertEquals(50, d.value(n, 0));
                assertEquals(1, d.parent.get(n));
                assertEquals(FlameData.OTHER, d.flags.get(n));
            }
        }
    }
}
