package dev.leakscope.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.leakscope.TestProfiles;
import dev.leakscope.format.ProfileLoader;
import dev.leakscope.input.InputSource;
import dev.leakscope.input.Limits;
import dev.leakscope.profile.Profile;
import dev.leakscope.profile.transform.Merger;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The inline marks computed without edges are those of the graph's edges, and the node values and via
 * pairs computed with them those of the passes without (also in the pass without cum values), on every
 * Go profile and edge case.
 */
class InlineMarksTest {
    private static void assertSameMarks(Profile p, String what) {
        for (Granularity g : Granularity.values()) {
            for (boolean mean : new boolean[] {false, true}) {
                GraphOptions o = GraphOptions.of(g, false, p.typeCount() - 1).withValues(mean, false, false);
                NodeTable t = NodeTable.build(p, o);
                String label = what + " " + g + (mean ? " mean" : "");
                GraphBuilder.ValuesAndMarks together = GraphBuilder.valuesAndMarks(p, t, o, true);
                assertArrayEquals(GraphBuilder.build(p, t, o, null).inlineMarks(), together.marks(), label);
                // the one pass gives the node values of the pass without marks
                Graph alone = GraphBuilder.build(p, t, o, null, false);
                assertArrayEquals(alone.nodes(), together.graph().nodes(), label);
                assertArrayEquals(alone.flat, together.graph().flat, label);
                assertArrayEquals(alone.cum, together.graph().cum, label);
                assertArrayEquals(alone.flatDiv, together.graph().flatDiv, label);
                assertArrayEquals(alone.cumDiv, together.graph().cumDiv, label);
                // and the via pairs of their own pass, in the same order
                assertEquals(vias(ViaValues.of(p, t, o.sampleIndex())), vias(together.vias()), label);
                if (!mean && !p.hasNegativeValue()) {
                    // the pass without cum values: the same flat values, marks and vias, and cum not 0 where counted
                    GraphBuilder.FlatsAndMarks flats = GraphBuilder.flatsAndMarks(p, t, o.sampleIndex(), true);
                    assertArrayEquals(alone.flat, flats.flat(), label);
                    assertArrayEquals(together.marks(), flats.marks(), label);
                    assertEquals(vias(together.vias()), vias(flats.vias()), label);
                    for (int n = 0; n < t.size(); n++) {
                        assertEquals(alone.cum[n] != 0, flats.counted()[n], label + " node " + n);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("dev.leakscope.graph.GraphPropertiesTest#goProfiles")
    void sameAsTheGraphsEdgesOnTheGoCorpus(Path file) {
        assertSameMarks(Merger.merge(ProfileLoader.load(InputSource.of(file), Limits.DEFAULT)), file.toString());
    }

    /**
     * A sample whose first use of a pair (from the root) is inlined keeps the pair inline even when it
     * calls through the pair again further down; main.a inlined into main.b and called from main.c is
     * partial-inline.
     */
    @Test
    void pairsBothInlinedAndCalledAndRecursion() {
        TestProfiles t = new TestProfiles();
        t.sampleType("space", "bytes");
        t.function(1, "main.a", "a.go").function(2, "main.b", "b.go").function(3, "main.c", "c.go");
        t.location(1, 0x1000, 1, 2); // a inlined into b
        t.location(2, 0x2000, 1).location(3, 0x3000, 2).location(4, 0x4000, 3).location(5, 0x5000);
        t.sample(new long[] {10}, 1, 4);            // c -> b -> a (inline)
        t.sample(new long[] {20}, 2, 3, 1, 4);      // c -> b -> a (inline) -> b -> a (call again)
        t.sample(new long[] {0}, 2, 3, 4);          // no value: not counted
        t.sample(new long[] {5}, 5, 3, 5, 4);       // a location without lines between frames
        Profile p = load(t);
        assertSameMarks(p, "crafted");
        assertEquals(1, markOfA(p), "b -> a called again below its inlined use: still inline");
        t.sample(new long[] {1}, 2, 4);            // c -> a called
        Profile partial = load(t);
        assertSameMarks(partial, "crafted, partial");
        assertEquals(2, markOfA(partial), "main.a inlined into b, called from c");
    }

    private static String vias(ViaValues v) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < v.size(); i++) {
            b.append(ViaValues.leaf(v.key(i))).append(" via ").append(ViaValues.via(v.key(i))).append(' ')
                    .append(v.value(i)).append('\n');
        }
        return b.toString();
    }

    private static byte markOfA(Profile p) {
        GraphOptions o = GraphOptions.of(Granularity.FUNCTIONS, false, 0);
        NodeTable table = NodeTable.build(p, o);
        byte[] marks = GraphBuilder.valuesAndMarks(p, table, o, false).marks();
        for (int n = 0; n < table.size(); n++) {
            if (table.info(n).name().equals("main.a")) {
                return marks[n];
            }
        }
        throw new AssertionError("no main.a");
    }

    private static Profile load(TestProfiles t) {
        return ProfileLoader.load(InputSource.of("-", Path.of("."), new ByteArrayInputStream(t.bytes())), Limits.DEFAULT);
    }
}
