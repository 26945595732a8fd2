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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A graph built from its samples in parts at once is the graph of one pass over them. */
class GraphBuilderTest {
    private static void assertSameInParts(Profile p, String what) {
        for (Granularity g : Granularity.values()) {
            GraphOptions o = GraphOptions.of(g, false, p.typeCount() - 1).withValues(g == Granularity.LINES, false, false);
            NodeTable t = NodeTable.build(p, o);
            boolean[] everyOther = new boolean[t.size()];
            for (int n = 0; n < everyOther.length; n += 2) {
                everyOther[n] = true;
            }
            for (boolean[] kept : new boolean[][] {null, everyOther}) {
                for (boolean withEdges : new boolean[] {false, true}) {
                    Graph one = GraphBuilder.build(p, t, o, kept, withEdges, 1);
                    for (int parts = 2; parts <= 4; parts++) {
                        String label = what + " " + g + (kept == null ? "" : " kept") + (withEdges ? " edges" : "")
                                + " in " + parts;
                        assertSameGraph(one, GraphBuilder.build(p, t, o, kept, withEdges, parts), label);
                    }
                }
            }
        }
    }

    private static void assertSameGraph(Graph expected, Graph actual, String label) {
        assertArrayEquals(expected.nodes(), actual.nodes(), label);
        assertArrayEquals(expected.flat, actual.flat, label);
        assertArrayEquals(expected.cum, actual.cum, label);
        assertArrayEquals(expected.flatDiv, actual.flatDiv, label);
        assertArrayEquals(expected.cumDiv, actual.cumDiv, label);
        assertEquals(edges(expected), edges(actual), label);
    }

    private static String edges(Graph g) {
        StringBuilder b = new StringBuilder();
        for (int e = 0; e < g.edgeFrom.size(); e++) {
            b.append(g.edgeFrom(e)).append("->").append(g.edgeTo(e)).append(' ').append(g.rawEdgeWeight(e))
                    .append(g.edgeInline(e) ? " inline" : "").append('\n');
        }
        return b.toString();
    }

    @ParameterizedTest
    @MethodSource("dev.leakscope.graph.GraphPropertiesTest#goProfiles")
    void inPartsOnTheGoCorpus(Path file) {
        assertSameInParts(Merger.merge(ProfileLoader.load(InputSource.of(file), Limits.DEFAULT)), file.toString());
    }

    /**
     * An edge inlined in the samples of one part and called in those of another is not inline; one first
     * seen in a later part comes after those of the earlier ones.
     */
    @Test
    void anEdgeInlineInOnePartOnly() {
        TestProfiles t = new TestProfiles();
        t.sampleType("space", "bytes");
        t.function(1, "main.a", "a.go").function(2, "main.b", "b.go").function(3, "main.c", "c.go");
        t.location(1, 0x1000, 1, 2); // a inlined into b
        t.location(2, 0x2000, 1).location(3, 0x3000, 2).location(4, 0x4000, 3);
        t.sample(new long[] {10}, 1, 4);     // c -> b -> a (inline)
        t.sample(new long[] {20}, 1, 4);
        t.sample(new long[] {30}, 2, 3, 4);  // c -> b -> a (called)
        t.sample(new long[] {40}, 2, 4);     // c -> a (called): a new edge
        Profile p = ProfileLoader.load(InputSource.of("-", Path.of("."), new ByteArrayInputStream(t.bytes())),
                Limits.DEFAULT);
        assertSameInParts(p, "crafted");
        GraphOptions o = GraphOptions.of(Granularity.FUNCTIONS, false, 0);
        Graph g = GraphBuilder.build(p, NodeTable.build(p, o), o, null, true, 4);
        int b = -1;
        for (int e = 0; e < g.edgeFrom.size(); e++) {
            if (g.info(g.edgeFrom(e)).name().equals("main.b")) {
                b = e;
            }
        }
        assertEquals(false, g.edgeInline(b), "b -> a inlined in part 1 and 2, called in part 3");
        assertEquals(60, g.rawEdgeWeight(b));
    }
}
