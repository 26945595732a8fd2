package dev.leakscope.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.leakscope.HangGuard;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IntervalIndexTest {
    /** Random ranges, nested and overlapping, some across the sign bit: the same answers as a scan. */
    @Test
    void answersAsAScanOfAllRanges() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            int n = random.nextInt(40);
            long[] lo = new long[n];
            long[] hi = new long[n];
            int[] order = new int[n];
            long base = random.nextBoolean() ? 0 : Long.MAX_VALUE - 50;
            IntervalIndex index = new IntervalIndex();
            for (int i = 0; i < n; i++) {
                lo[i] = base + random.nextInt(100);
                hi[i] = lo[i] + random.nextInt(round % 2 == 0 ? 10 : 100) - 2;
                order[i] = random.nextInt(30);
                index.add(lo[i], hi[i], order[i]);
            }
            for (long a = base - 2; a < base + 210; a++) {
                for (int from = 0; from < 32; from += 3) {
                    int expected = -1;
                    for (int i = 0; i < n; i++) {
                        if (Long.compareUnsigned(lo[i], a) <= 0 && Long.compareUnsigned(a, hi[i]) < 0
                                && order[i] >= from && (expected < 0 || order[i] < expected)) {
                            expected = order[i];
                        }
                    }
                    assertEquals(expected, index.first(a, from), "round " + round + " address " + a + " from " + from);
                }
            }
        }
    }

    @Test
    void emptyAndWholeAddressSpace() {
        assertEquals(-1, new IntervalIndex().first(5, 0));
        IntervalIndex index = new IntervalIndex();
        index.add(0, -1L, 3);
        index.add(7, 7, 1);
        assertEquals(3, index.first(0, 0));
        assertEquals(3, index.first(-2L, 0));
        assertEquals(-1, index.first(-1L, 0));
        assertEquals(-1, index.first(7, 4));
    }

    /** Ranges that all hold the same addresses (as crafted DWARF can have): lookups stay fast. */
    @Test
    void nestedRangesLookUpQuickly() {
        int n = 200_000;
        IntervalIndex index = new IntervalIndex();
        for (int i = 0; i < n; i++) {
            index.add(i, 2L * n - i, i);
        }
        assertTimeoutPreemptively(HangGuard.LIMIT, () -> {
            long sum = 0;
            for (int a = 0; a < 2 * n; a++) {
                sum += index.first(a, a / 2);
            }
            assertEquals(sumOfExpected(n), sum);
        });
    }

    private static long sumOfExpected(int n) {
        long sum = 0;
        for (int a = 0; a < 2 * n; a++) {
            // ranges i ≤ a with 2n - i > a, i.e. i ≤ min(a, 2n - a - 1); least i ≥ a / 2
            int max = Math.min(a, 2 * n - a - 1);
            sum += a / 2 <= max ? a / 2 : -1;
        }
        return sum;
    }
}
