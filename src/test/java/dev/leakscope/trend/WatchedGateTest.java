package dev.leakscope.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.leakscope.trend.WatchedGate.News;
import org.junit.jupiter.api.Test;

class WatchedGateTest {
    private static TrendGate.Tripped rate(String name, double perHour) {
        return new TrendGate.Tripped(TrendGate.Kind.RATE, name, stats(perHour, 0));
    }

    private static TrendGate.Tripped growth(long by) {
        return new TrendGate.Tripped(TrendGate.Kind.GROWTH, "total", stats(0, by));
    }

    private static Stats stats(double slope, long growth) {
        return new Stats(new long[] {0, growth}, slope, 1, 1, growth, 0.5, Double.NaN, slope, true, true);
    }

    private static void assertStep(News news, int since, WatchedGate.Step step) {
        assertEquals(news, step.news());
        assertEquals(since, step.since());
    }

    @Test
    void aTripIsSaidWhenItIsNewsAndOtherwiseThatTheGateStillTrips() {
        WatchedGate gate = new WatchedGate();
        assertStep(News.NONE, 0, gate.add(1, null));
        assertStep(News.TRIPPED, 2, gate.add(2, rate("total", 100)));
        assertStep(News.STILL_TRIPPED, 2, gate.add(3, rate("total", 150)));
        assertStep(News.STILL_TRIPPED, 2, gate.add(4, rate("total", 199)));
        // twice the rate last said (100), not the last seen (199)
        assertStep(News.TRIPPED, 2, gate.add(5, rate("total", 200)));
        assertStep(News.STILL_TRIPPED, 2, gate.add(6, rate("total", 100)));
        assertStep(News.TRIPPED, 2, gate.add(7, rate("main.leak", 100)));
        assertStep(News.TRIPPED, 2, gate.add(8, growth(1 << 20)));
        assertStep(News.STILL_TRIPPED, 2, gate.add(9, growth(3 << 19)));
        assertStep(News.TRIPPED, 2, gate.add(10, growth(2 << 20)));
        assertStep(News.HOLDS_AGAIN, 0, gate.add(11, null));
        assertStep(News.NONE, 0, gate.add(12, null));
        assertStep(News.TRIPPED, 13, gate.add(13, rate("total", 100)));
        assertEquals(new WatchedGate.Tally(2, 10), gate.tally());
    }

    @Test
    void aGateThatNeverTripsSaysNothing() {
        WatchedGate gate = new WatchedGate();
        for (int i = 1; i <= 5; i++) {
            assertStep(News.NONE, 0, gate.add(i, null));
        }
        assertEquals(new WatchedGate.Tally(0, 0), gate.tally());
    }

    @Test
    void aZeroRateGateDoesNotCountNoGrowthAsTwiceAsBad() {
        WatchedGate gate = new WatchedGate();
        assertStep(News.TRIPPED, 1, gate.add(1, rate("total", 0)));
        assertStep(News.STILL_TRIPPED, 1, gate.add(2, rate("total", 0)));
    }
}
