package dev.leakscope.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakscope.graph.NodeInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The statistics and the suspect rule on constructed series. */
class TrendAnalysisTest {
    private static final double[] HOURS = {0, 1, 2, 3, 4, 5};
    /** A total large enough that growth of 1000 per row is above the 1% noise floor. */
    private static final long TOTAL = 20_000;

    private static Stats stats(long... v) {
        return TrendAnalysis.stats(v, HOURS, Double.NaN, TOTAL);
    }

    @Test
    void linearGrowthIsASuspectWithItsExactSlope() {
        Stats s = stats(1000, 2000, 3000, 4000, 5000, 6000);
        assertEquals(1000, s.slope(), 1e-9);
        assertEquals(1, s.r2(), 1e-12);
        assertEquals(1, s.monotonicity());
        assertEquals(5000, s.growth());
        assertEquals(0.2, s.maxStepShare(), 1e-12);
        assertTrue(s.suspect());
    }

    /** Up to the first snapshot at the cap (index 2: three fitted), as the JVM's old-object queue makes it. */
    private static Stats capped(long... v) {
        return TrendAnalysis.fitted(v, HOURS, 3, Double.NaN, 255);
    }

    @Test
    void aCappedSeriesIsFittedUpToTheCapAndKeepsItsValues() {
        Stats s = capped(93, 178, 254, 254, 254, 255);
        assertEquals(162, s.growth(), "first to last, as the table's first and last columns show (fitted: 161)");
        assertEquals(80.5, s.slope(), 1e-9);
        assertEquals(1, s.monotonicity());
        assertEquals(85.0 / 161, s.maxStepShare(), 1e-12);
        assertTrue(s.suspect(), "two near-equal steps up to the cap, held after it");
        assertEquals(255, s.last());
        assertEquals(6, s.values().length);
    }

    @Test
    void aCappedRowMustBeSteadyUpToTheCapAndKeepItsSamplesAfter() {
        assertFalse(capped(93, 100, 254, 254, 254, 255).suspect(), "one step of 154 of 161");
        assertFalse(capped(93, 178, 254, 200, 150, 100).suspect(), "displaced after the cap");
        assertFalse(capped(93, 178, 254, 254, 254, 241).suspect(), "13 of 254 lost after the cap");
        // a JVM's static list at the cap: new samples replace old ones at random, its count wavers by a few
        assertTrue(capped(27, 149, 247, 232, 246, 246).suspect(), "1 of 247 lost after the cap");
        assertFalse(capped(178, 93, 254, 254, 254, 255).suspect(), "not monotonic");
        assertFalse(TrendAnalysis.fitted(new long[] {93, 254, 254, 254, 254, 255}, HOURS, 2, Double.NaN, 255).suspect(),
                "one step before the cap tells no trend");
        Stats uncapped = TrendAnalysis.fitted(new long[] {1000, 1100, 1150, 1900, 1950, 2000}, HOURS, 6, Double.NaN, TOTAL);
        assertEquals(1000, uncapped.growth());
        assertFalse(uncapped.suspect(), "no cap: the plain rule (a step of 750 of 1000)");
    }

    @Test
    void slopeIsPerHourOfTheTimestamps() {
        // the same values taken 30 minutes apart grow twice as fast per hour
        Stats s = TrendAnalysis.stats(new long[] {1000, 2000, 3000}, new double[] {0, 0.5, 1}, Double.NaN, TOTAL);
        assertEquals(2000, s.slope(), 1e-9);
    }

    @Test
    void aSingleStepIsNotASuspectWhereverItHappens() {
        for (int at = 1; at < 6; at++) {
            long[] v = new long[6];
            for (int i = at; i < 6; i++) {
                v[i] = 5000;
            }
            Stats s = stats(v);
            assertEquals(1, s.monotonicity());
            assertEquals(1, s.maxStepShare(), 1e-12);
            assertFalse(s.suspect(), "step at " + at);
        }
    }

    /** Three steps: the largest is at least a third of the growth, so a steady leak's may be up to 2/3 of it. */
    @Test
    void threeUnevenStepsOfALeakMakeASuspectAndAJumpDoesNot() {
        // a Go service's heap under watch --window 4: 49.9, 51.2, 51.8, 55.0 MB
        assertTrue(stats(49_900, 51_200, 51_800, 55_000).suspect());
        assertFalse(stats(49_900, 50_100, 50_300, 55_000).suspect(), "one step of 92%");
        // four steps keep half
        assertFalse(stats(49_900, 50_200, 51_200, 51_800, 55_000).suspect(), "a step of 63% of four");
        // two steps (three snapshots, no cap) keep half too: they are never that equal in practice
        assertFalse(stats(10_000, 10_900, 12_000).suspect(), "a step of 55% of two");
    }

    @Test
    void sawtoothIsNotASuspectEvenWhenItDriftsUp() {
        assertFalse(stats(1000, 3000, 1000, 3000, 1000, 3000).suspect());
        Stats drifting = stats(1000, 3000, 1200, 3200, 1400, 3400);
        assertEquals(0.6, drifting.monotonicity(), 1e-12);
        assertFalse(drifting.suspect());
    }

    @Test
    void flatNoiseIsNeverASuspect() {
        Random r = new Random(42);
        for (int trial = 0; trial < 2000; trial++) {
            long[] v = new long[6];
            for (int i = 0; i < v.length; i++) {
                v[i] = 10_000 + r.nextInt(200) - 100; // ±1% of the level: sampling noise
            }
            assertFalse(stats(v).suspect(), () -> java.util.Arrays.toString(v));
        }
    }

    @Test
    void aConstantRowHasNoFitAndNoGrowth() {
        Stats s = stats(7000, 7000, 7000, 7000, 7000, 7000);
        assertEquals(0, s.slope());
        assertEquals(0, s.r2());
        assertEquals(0, s.growth());
        assertFalse(s.suspect());
    }

    @Test
    void aShrinkingRowIsNotASuspectAndRanksLast() {
        Stats s = stats(6000, 5000, 4000, 3000, 2000, 1000);
        assertEquals(-1000, s.slope(), 1e-9);
        assertEquals(0, s.monotonicity());
        assertFalse(s.suspect());
        assertTrue(s.score() <= 0);
    }

    @Test
    void aNodeThatAppearsMidwayAndGrowsIsASuspect() {
        Stats s = stats(0, 0, 0, 2000, 4000, 6000);
        assertTrue(s.r2() > 0.8);
        assertTrue(s.suspect());
    }

    @Test
    void aNodeThatAppearsMidwayAndStaysIsAStep() {
        assertFalse(stats(0, 0, 0, 6000, 6000, 6000).suspect());
    }

    @Test
    void growthBelowOnePercentOfTheTotalIsNoise() {
        // perfectly steady, but only 150 of a 20000 total
        assertFalse(stats(100, 130, 160, 190, 220, 250).suspect());
    }

    @Test
    void twoSnapshotsNeverMakeASuspect() {
        Stats s = TrendAnalysis.stats(new long[] {1000, 9000}, new double[] {0, 1}, Double.NaN, TOTAL);
        assertEquals(1, s.r2(), 1e-12);
        assertFalse(s.suspect());
    }

    @Test
    void rankingPutsSteadyGrowthBeforeJumpsSawtoothAndBigSteadyNodes() {
        long[][] values = {
            {100_000, 100_000, 100_000, 100_000, 100_000, 100_000}, // big, steady
            {0, 0, 0, 50_000, 50_000, 50_000},                      // one-off jump, larger rate
            {10_000, 40_000, 10_000, 40_000, 10_000, 40_000},       // sawtooth
            {1000, 3000, 5000, 7000, 9000, 11_000},                 // small, steady growth
            {90_000, 80_000, 70_000, 60_000, 50_000, 40_000},       // shrinking
        };
        List<NodeInfo> nodes = new ArrayList<>();
        long[] totals = new long[6];
        for (int n = 0; n < values.length; n++) {
            nodes.add(new NodeInfo("f" + n, "", 0, "", 0, 0, ""));
            for (int i = 0; i < 6; i++) {
                totals[i] += values[n][i];
            }
        }
        double[] nan = new double[values.length];
        java.util.Arrays.fill(nan, Double.NaN);
        Series s = new Series("inuse_space", "bytes", List.of("a", "b", "c", "d", "e", "f"),
                new long[6], Series.Order.ARGUMENTS, nodes, values, totals, nan, Double.NaN,
                java.util.Collections.nCopies(nodes.size(), (NodeInfo) null), dev.leakscope.profile.Harmonization.NONE,
                java.util.Collections.nCopies(6, Series.Notes.NONE));
        Trend t = TrendAnalysis.analyze(s);
        List<String> order = t.rows().stream().map(Trend.Row::name).toList();
        assertEquals("f3", order.get(0));
        assertTrue(t.rows().get(0).stats().suspect());
        assertEquals(1, t.suspectCount());
        assertEquals("f4", order.get(order.size() - 1));
        assertFalse(t.perHour());
    }
}
