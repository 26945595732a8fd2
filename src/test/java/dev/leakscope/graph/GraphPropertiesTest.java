package dev.leakscope.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakscope.TestData;
import dev.leakscope.input.InputSource;
import dev.leakscope.input.Limits;
import dev.leakscope.profile.transform.Merger;
import dev.leakscope.profile.Profile;
import dev.leakscope.format.ProfileLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Invariants of flat and cum on every proto profile of the Go corpus, at every granularity. */
class GraphPropertiesTest {
    static Stream<Path> goProfiles() throws IOException {
        try (Stream<Path> files = Files.walk(TestData.corpus("go"))) {
            List<Path> list = files.filter(f -> f.toString().endsWith(".pb.gz")).sorted().toList();
            assertTrue(list.size() > 30, "Go corpus profiles: " + list.size());
            return list.stream();
        }
    }

    private static Profile load(Path f) {
        return Merger.merge(ProfileLoader.load(InputSource.of(f), Limits.DEFAULT));
    }

    @ParameterizedTest
    @MethodSource("goProfiles")
    void flatSumsToTheTotalAndCumIsAtLeastFlat(Path file) {
        Profile p = load(file);
        for (int index = 0; index < p.typeCount(); index++) {
            long total = 0;
            for (int s = 0; s < p.sampleCount(); s++) {
                if (p.stack(s, p.stackBuffer()) > 0) {
                    total += p.value(s, index);
                }
            }
            for (Granularity g : Granularity.values()) {
                GraphOptions o = GraphOptions.of(g, false, index);
                Graph graph = GraphBuilder.build(p, NodeTable.build(p, o), o, null);
                assertEquals(total, graph.flatSum(), file + " " + g + " type " + index);
                for (int n : graph.nodes()) {
                    assertTrue(graph.cum(n) >= graph.flat(n), graph.info(n).printableName());
                    assertTrue(graph.cum(n) <= total, "cum within total");
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("goProfiles")
    void aTrimmedGraphWithoutEdgesHasTheNodesValuesAndMarksOfOneWithEdges(Path file) {
        Profile p = load(file);
        for (Granularity g : Granularity.values()) {
            GraphOptions o = GraphOptions.of(g, false, p.typeCount() - 1);
            NodeTable t = NodeTable.build(p, o);
            for (TrimmedGraph.Trim trim : List.of(new TrimmedGraph.Trim(0.005, 0.001, 0, false),
                    new TrimmedGraph.Trim(0.005, 0.001, 8, false), new TrimmedGraph.Trim(0, 0.01, 3, true))) {
                TrimmedGraph with = TrimmedGraph.of(p, t, o, trim, true);
                TrimmedGraph without = TrimmedGraph.of(p, t, o, trim, false);
                String what = file + " " + g + " " + trim;
                assertEquals(with.originalCount(), without.originalCount(), what);
                assertEquals(with.droppedNodes(), without.droppedNodes(), what);
                assertArrayEquals(with.graph().nodes(), without.graph().nodes(), what);
                byte[] marks = with.graph().inlineMarks();
                byte[] marksWithout = without.graph().inlineMarks();
                for (int n : with.graph().nodes()) {
                    assertEquals(with.graph().flat(n), without.graph().flat(n), what);
                    assertEquals(with.graph().cum(n), without.graph().cum(n), what);
                    assertEquals(marks[n], marksWithout[n], what + " " + with.graph().info(n).printableName());
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("goProfiles")
    void oneWalkGivesTheValuesOfEveryNodeAndTheEdgesBetweenThoseKept(Path file) {
        Profile p = load(file);
        java.util.Random r = new java.util.Random(file.getFileName().toString().hashCode());
        for (Granularity g : Granularity.values()) {
            GraphOptions o = GraphOptions.of(g, false, p.typeCount() - 1);
            NodeTable t = NodeTable.build(p, o);
            boolean[] kept = new boolean[t.size()];
            for (int n = 0; n < kept.length; n++) {
                kept[n] = r.nextInt(3) == 0;
            }
            Graph one = GraphBuilder.valuesWithEdges(p, t, o, kept);
            Graph values = GraphBuilder.build(p, t, o, null, false);
            Graph edges = GraphBuilder.build(p, t, o, kept, true);
            String what = file + " " + g;
            assertArrayEquals(values.nodes(), one.nodes(), what);
            for (int n : values.nodes()) {
                assertEquals(values.rawFlat(n), one.rawFlat(n), what);
                assertEquals(values.rawCum(n), one.rawCum(n), what);
            }
            assertEquals(edges.edgeFrom.size(), one.edgeFrom.size(), what);
            for (int e = 0; e < edges.edgeFrom.size(); e++) {
                assertEquals(edges.edgeFrom(e), one.edgeFrom(e), what);
                assertEquals(edges.edgeTo(e), one.edgeTo(e), what);
                assertEquals(edges.rawEdgeWeight(e), one.rawEdgeWeight(e), what);
                assertEquals(edges.edgeInline(e), one.edgeInline(e), what);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("goProfiles")
    void mergingAProfileWithItselfDoublesEveryNode(Path file) {
        Profile p = load(file);
        Profile twice = Merger.merge(List.of(Merger.Input.of(p), Merger.Input.of(p)));
        assertEquals(p.sampleCount(), twice.sampleCount(), "identical samples merge");
        int index = p.typeCount() - 1;
        GraphOptions o = GraphOptions.of(Granularity.FUNCTIONS, false, index);
        Graph once = GraphBuilder.build(p, NodeTable.build(p, o), o, null);
        NodeTable t2 = NodeTable.build(twice, o);
        Graph doubled = GraphBuilder.build(twice, t2, o, null);
        assertEquals(once.nodes().length, doubled.nodes().length);
        java.util.Map<String, long[]> byName = new java.util.HashMap<>();
        for (int n : doubled.nodes()) {
            byName.put(doubled.info(n).printableName(), new long[] {doubled.flat(n), doubled.cum(n)});
        }
        for (int n : once.nodes()) {
            long[] d = byName.get(once.info(n).printableName());
            assertEquals(2 * once.flat(n), d[0]);
            assertEquals(2 * once.cum(n), d[1]);
        }
    }
}
