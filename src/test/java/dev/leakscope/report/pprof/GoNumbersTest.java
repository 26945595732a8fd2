package dev.leakscope.report.pprof;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GoNumbersTest {
    @Test
    void percentagesAsPprofPrintsThem() {
        assertEquals("  100%", GoNumbers.percentage(9996, 10000));
        assertEquals("72.73%", GoNumbers.percentage(7273, 10000));
        assertEquals(" 5.29%", GoNumbers.percentage(529, 10000));
        assertEquals("  0.5%", GoNumbers.percentage(5, 1000));
        assertEquals("0.017%", GoNumbers.percentage(17, 100000));
        assertEquals("    0%", GoNumbers.percentage(0, 100));
        assertEquals("    0%", GoNumbers.percentage(5, 0));
        assertEquals("9.5e-09%", GoNumbers.percentage(95, 1_000_000_000_000L));
        assertEquals("22103235.88%", GoNumbers.percentage(2210323588L, 10000));
    }

    @Test
    void fixedPointRoundsTheExactBinaryValue() {
        assertEquals("0.12", GoNumbers.fixed2(0.125));   // exact tie: half to even
        assertEquals("1.00", GoNumbers.fixed2(1.005));   // 1.00499999999999989...
        assertEquals("-0.00", GoNumbers.fixed2(-0.001));
    }

    @Test
    void valuesWithUnits() {
        assertEquals("512.50kB", ValueFormat.label(524800, "bytes", "minimum"));
        assertEquals("2MB", ValueFormat.label(2 * 1024 * 1024, "bytes", "minimum"));
        assertEquals("0", ValueFormat.label(0, "bytes", "minimum"));
        assertEquals("1.20s", ValueFormat.label(1_200_000_000L, "nanoseconds", "auto"));
        assertEquals("3500", ValueFormat.label(3500, "count", "minimum"));
        assertEquals("-512.50kB", ValueFormat.label(-524800, "bytes", "kB"));
        assertEquals("1.50hrs", ValueFormat.label(5_400_000_000_000L, "nanoseconds", "auto"));
    }

    @Test
    void goDurations() {
        assertEquals("4h35m0s", GoDuration.format(16_500_000_000_000L));
        assertEquals("1.5s", GoDuration.format(1_500_000_000L));
        assertEquals("100ms", GoDuration.format(100_000_000L));
        assertEquals("2µs", GoDuration.format(2_000L));
        assertEquals("0s", GoDuration.format(0));
    }
}
