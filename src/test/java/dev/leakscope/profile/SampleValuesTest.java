package dev.leakscope.profile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SampleValuesTest {
    @Test
    void sumsAndSignsAreThoseOfTheValuesOneByOne() {
        Random r = new Random(5);
        for (int round = 0; round < 50; round++) {
            int types = 1 + r.nextInt(4);
            // past one block, some values beyond an int (kept aside), the int marker's own value among them
            long[] values = new long[types * (1 + r.nextInt(40000))];
            for (int i = 0; i < values.length; i++) {
                values[i] = switch (r.nextInt(50)) {
                    case 0 -> (long) r.nextInt() << 8;
                    case 1 -> Integer.MIN_VALUE;
                    default -> r.nextInt(1 << 20);
                };
            }
            boolean negative = r.nextBoolean();
            if (negative) {
                values[r.nextInt(values.length)] = -1 - r.nextInt(1000);
            }
            SampleValues v = SampleValues.of(values);
            boolean negativeBeforeSums = v.anyNegative();
            long[] sums = new long[types];
            long[] absSums = new long[types];
            boolean anyNegative = false;
            for (int i = 0; i < values.length; i++) {
                assertEquals(values[i], v.get(i));
                sums[i % types] += values[i];
                absSums[i % types] += Math.abs(values[i]);
                anyNegative |= values[i] < 0;
            }
            assertArrayEquals(sums, v.sums(types));
            assertArrayEquals(absSums, v.absSums(types));
            assertEquals(anyNegative, negativeBeforeSums);
            assertEquals(anyNegative, v.anyNegative(), "known from the sums");
        }
    }

    @Test
    void sumsAreComputedOncePerColumnCount() {
        SampleValues v = SampleValues.of(new long[] {1, -2, 3, -4});
        assertSame(v.sums(2), v.sums(2));
        assertSame(v.absSums(2), v.absSums(2));
        assertArrayEquals(new long[] {-2}, v.sums(1));
        assertArrayEquals(new long[] {10}, v.absSums(1));
        assertArrayEquals(new long[] {4, -6}, v.sums(2));
    }

    @Test
    void whetherAValueIsNegativeIsTheSameFromTheSums() {
        long big = 1L << 40; // kept aside
        SampleValues none = SampleValues.of(new long[] {1, big, 0, 3});
        SampleValues one = SampleValues.of(new long[] {1, big, -1, 3});
        SampleValues aside = SampleValues.of(new long[] {1, -big, 0, 3});
        SampleValues min = SampleValues.of(new long[] {Long.MIN_VALUE, 0});
        for (SampleValues v : List.of(none, one, aside, min)) {
            boolean scanned = v.anyNegative();
            v.sums(2);
            v.absSums(2);
            assertEquals(scanned, v.anyNegative());
        }
        assertFalse(none.anyNegative());
        assertTrue(one.anyNegative());
        assertTrue(aside.anyNegative());
        assertTrue(min.anyNegative());
    }

    @Test
    void aSumBeyondALongThrows() {
        SampleValues v = SampleValues.of(new long[] {Long.MAX_VALUE, 1, 1, 1});
        assertThrows(ArithmeticException.class, () -> v.absSums(2));
        assertEquals(Long.MAX_VALUE, SampleValues.of(new long[] {Long.MIN_VALUE}).absSums(1)[0]);
        assertTrue(SampleValues.of(new long[] {Long.MIN_VALUE}).anyNegative());
    }
}
