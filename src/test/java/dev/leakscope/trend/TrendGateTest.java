package dev.leakscope.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakscope.diff.Threshold;
import dev.leakscope.graph.NodeInfo;
import dev.leakscope.profile.Harmonization;
import dev.leakscope.util.Amount;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gates of trend and watch on constructed windows. */
class TrendGateTest {
    private static final long MB = 1 << 20;

    /** Four snapshots 2 s apart of a leak and a node that stays put. */
    private static Trend window(long[] leak, long[] flat) {
        long[] totals = new long[leak.length];
        long[] times = new long[leak.length];
        for (int i = 0; i < leak.length; i++) {
            totals[i] = leak[i] + flat[i];
            times[i] = i * 2_000_000_000L;
        }
        List<NodeInfo> nodes = List.of(new NodeInfo("main.rememberSession", "", 0, "", 0, 0, ""),
                new NodeInfo("net/http.(*conn).serve", "", 0, "", 0, 0, ""));
        Series s = new Series("inuse_space", "bytes", List.of("a", "b", "c", "d"), times, Series.Order.TIME, nodes,
                new long[][] {leak, flat}, totals, new double[] {Double.NaN, Double.NaN}, Double.NaN,
                Collections.nCopies(2, (NodeInfo) null), Harmonization.NONE, Collections.nCopies(4, Series.Notes.NONE));
        return TrendAnalysis.analyze(s);
    }

    /** A leak of 1.5 GB/h watched over a window of 6 s, on a heap of 350 MB: it grows by less than 1% of it. */
    private static Trend bigHeapLeakWindow() {
        return window(new long[] {340 * MB, 341 * MB, 341 * MB + MB / 2, 342 * MB + MB / 2},
                new long[] {10 * MB, 10 * MB, 10 * MB, 10 * MB});
    }

    @Test
    void aLeakOfABigHeapTripsTheWatchedRateGateThoughItsWindowGrewByLessThanOnePercent() {
        Trend t = bigHeapLeakWindow();
        assertEquals(0, t.suspectCount(), "below the suspect rule's floor: 2.5MB of 352.5MB");
        assertTrue(t.total().steady());
        TrendGate gate = new TrendGate(new Amount(100 * MB, true, "100MB/h"), null);
        List<TrendGate.Tripped> tripped = gate.checkAll(t, true);
        assertEquals(1, tripped.size(), tripped.toString());
        assertEquals(TrendGate.Kind.RATE, tripped.get(0).kind());
        assertEquals("total", tripped.get(0).name());
        assertTrue(tripped.get(0).stats().slope() > 1000 * MB, "+1.5GB/h: " + tripped.get(0).stats().slope());
    }

    @Test
    void aLeakOfABigHeapTripsTheWatchedGrowthGate() {
        TrendGate gate = new TrendGate(null, Threshold.parse("2MB"));
        List<TrendGate.Tripped> tripped = gate.checkAll(bigHeapLeakWindow(), true);
        assertEquals(1, tripped.size(), tripped.toString());
        assertEquals(TrendGate.Kind.GROWTH, tripped.get(0).kind());
    }

    @Test
    void aSteadyRowFasterThanTheRateTripsItWhenTheTotalIsSlower() {
        // the leak grows 1.5 GB/h while another node shrinks about as fast: the total barely moves
        Trend t = window(new long[] {340 * MB, 341 * MB, 341 * MB + MB / 2, 342 * MB + MB / 2},
                new long[] {10 * MB, 9 * MB, 8 * MB + MB / 2, 7 * MB + MB / 2 + MB / 4});
        TrendGate gate = new TrendGate(new Amount(100 * MB, true, "100MB/h"), null);
        List<TrendGate.Tripped> tripped = gate.checkAll(t, true);
        assertEquals(1, tripped.size(), tripped.toString());
        assertEquals("main.rememberSession", tripped.get(0).name());
    }

    /** The report's trend names what tripped the gate under the floor as a suspect, ranked first. */
    @Test
    void aRowThatTripsTheGateUnderTheFloorIsReportedAsASuspect() {
        Trend t = window(new long[] {340 * MB, 341 * MB, 341 * MB + MB / 2, 342 * MB + MB / 2},
                new long[] {10 * MB, 9 * MB, 8 * MB + MB / 2, 7 * MB + MB / 2 + MB / 4});
        List<TrendGate.Tripped> tripped = new TrendGate(new Amount(100 * MB, true, "100MB/h"), null).checkAll(t, true);
        assertEquals(0, t.suspectCount());
        Trend reported = TrendGate.withSuspectsOf(t, tripped);
        assertEquals(1, reported.suspectCount());
        assertEquals("main.rememberSession", reported.rows().get(0).name());
        assertTrue(reported.rows().get(0).stats().suspect());
        assertEquals(List.of(reported.rows().get(0)), reported.gateSuspects());
    }

    /** When the total alone trips it, the fastest steady row is the suspect named; with nothing tripped, none. */
    @Test
    void aGateTheTotalTripsNamesTheFastestSteadyRow() {
        Trend t = bigHeapLeakWindow();
        List<TrendGate.Tripped> tripped = new TrendGate(null, Threshold.parse("2MB")).checkAll(t, true);
        Trend reported = TrendGate.withSuspectsOf(t, tripped);
        assertEquals(List.of("main.rememberSession"), reported.gateSuspects().stream().map(Trend.Row::name).toList());
        assertEquals(1, reported.suspectCount());
        assertTrue(TrendGate.withSuspectsOf(t, List.of()) == t, "unchanged when nothing tripped");
    }

    @Test
    void aHeapSwingingBetweenCollectionsTripsNoWatchedGate() {
        Trend t = window(new long[] {340 * MB, 346 * MB, 339 * MB, 345 * MB}, new long[] {MB, MB, MB, MB});
        TrendGate gate = new TrendGate(new Amount(100 * MB, true, "100MB/h"), Threshold.parse("2MB"));
        assertFalse(t.total().steady());
        assertEquals(List.of(), gate.checkAll(t, true));
    }
}
