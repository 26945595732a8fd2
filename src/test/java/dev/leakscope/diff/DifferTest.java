package dev.leakscope.diff;

import dev.leakscope.NoBinaries;
import dev.leakscope.Sides;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakscope.TestData;
import dev.leakscope.graph.Granularity;
import dev.leakscope.graph.GraphOptions;
import dev.leakscope.input.InputSource;
import dev.leakscope.input.Limits;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Properties of diffs over random pairs of real snapshots and random options (seeded). */
class DifferTest {
    private static final String[] SCENARIOS = {"go/map-cache", "go/growing-slice", "go/control-churn",
        "node/cache-leak", "node/control", "java-asprof/static-list-leak"};

    @Test
    void diffOfAProfileWithItselfIsEmpty() {
        Random random = new Random(3);
        for (int i = 0; i < 20; i++) {
            String s = SCENARIOS[random.nextInt(SCENARIOS.length)];
            int k = random.nextInt(6);
            DiffOptions o = randomOptions(random, 0);
            DiffResult d = diff(s, k, k, o);
            assertTrue(d.changed().isEmpty(), s + " " + k + " " + o + ": " + d.changed());
            assertEquals(0, d.netChange());
        }
    }

    @Test
    void swappingTheSidesNegatesEveryRow() {
        Random random = new Random(5);
        for (int i = 0; i < 20; i++) {
            String s = SCENARIOS[random.nextInt(SCENARIOS.length)];
            int a = random.nextInt(6);
            int b = random.nextInt(6);
            DiffOptions o = randomOptions(random, 0);
            Map<String, Long> forward = deltas(diff(s, a, b, o));
            Map<String, Long> backward = deltas(diff(s, b, a, o));
            assertEquals(forward.keySet(), backward.keySet(), s + " " + a + "/" + b);
            forward.forEach((name, delta) -> assertEquals(-delta, backward.get(name), name));
            for (DiffRow r : diff(s, a, b, o).changed()) {
                assertEquals(r.noiseMargin(), diff(s, b, a, o).changed().stream()
                        .filter(x -> x.name().equals(r.name())).findFirst().orElseThrow().noiseMargin());
            }
        }
    }

    @Test
    void flatDeltasSumToTheNetChange() {
        Random random = new Random(7);
        for (int i = 0; i < 20; i++) {
            String s = SCENARIOS[random.nextInt(SCENARIOS.length)];
            int a = random.nextInt(6);
            int b = random.nextInt(6);
            DiffOptions r = randomOptions(random, 0);
            DiffOptions o = DiffOptions.of(r.graph()).ranked(false, r.sort());
            DiffResult d = diff(s, a, b, o);
            long sum = 0;
            for (DiffRow row : d.rows()) {
                sum += row.delta();
            }
            assertEquals(d.netChange(), sum, s + " " + a + "/" + b + " " + o);
            assertEquals(d.changed().size(), d.rows().size());
        }
    }

    @Test
    void rowsAreCutByFractionCountAndGrowthOnly() {
        GraphOptions g = GraphOptions.of(Granularity.LINES, false, 1);
        DiffResult all = diff("node/control", 0, 5, DiffOptions.of(g));
        DiffResult cut = diff("node/control", 0, 5, DiffOptions.of(g).shown(true, 0, 2));
        assertEquals(2, cut.rows().size());
        assertEquals(all.changed().size() - 2, cut.hiddenRows());
        assertEquals(all.rows().subList(0, 2), cut.rows());
        boolean growing = true;
        for (DiffRow r : all.rows()) {
            assertTrue(growing || r.delta() < 0, "shrinking rows come after growing ones");
            growing &= r.delta() > 0;
        }
    }

    @Test
    void normalizeScalesTheBaseToTheCurrentTotal() {
        GraphOptions g = GraphOptions.of(Granularity.FUNCTIONS, false, 3);
        DiffResult d = diff("go/map-cache", 0, 5, DiffOptions.of(g).normalized(true));
        assertTrue(Math.abs(d.netChange()) <= 1, "normalized totals agree: " + d.netChange());
        assertTrue(d.baseScale() > 1);
    }

    private static DiffOptions randomOptions(Random random, long period) {
        Granularity g = Granularity.values()[random.nextInt(Granularity.values().length)];
        SortOrder sort = SortOrder.values()[random.nextInt(SortOrder.values().length)];
        GraphOptions go = GraphOptions.of(g, random.nextBoolean(), -1);
        return DiffOptions.of(go).ranked(random.nextBoolean(), sort).withPeriodHint(period);
    }

    private static DiffResult diff(String scenario, int a, int b, DiffOptions o) {
        List<Side> sides = Sides.of(List.of(source(scenario, a)), List.of(source(scenario, b)),
                new Limits(1L << 30), w -> {
                    throw new AssertionError("unexpected warning " + w);
                }, NoBinaries.symbolization());
        int index = o.graph().sampleIndex() >= 0 ? o.graph().sampleIndex()
                : sides.get(1).profile().defaultSampleIndex();
        GraphOptions g = o.graph();
        GraphOptions resolved = GraphOptions.of(g.granularity(), g.noInlines(), index);
        return Differ.compare(sides.get(0), sides.get(1), new DiffOptions(resolved, o.cum(), o.sort(), o.growthOnly(), o.normalize(),
                o.nodeFraction(), o.nodeCount(), o.periodHint(), o.filters()), w -> { });
    }

    private static InputSource source(String scenario, int k) {
        String[] parts = scenario.split("/");
        return InputSource.of(TestData.corpus(parts[0], parts[1], "heap_" + k + ".pb.gz"));
    }

    private static Map<String, Long> deltas(DiffResult d) {
        Map<String, Long> m = new HashMap<>();
        for (DiffRow r : d.changed()) {
            m.put(r.name(), r.delta());
        }
        return m;
    }
}
