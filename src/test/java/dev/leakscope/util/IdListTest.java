package dev.leakscope.util;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class IdListTest {
    @Test
    void idsOfEveryWidthComeBackInOrderAcrossBlocks() {
        long[] widths = {0, 1, 127, 128, 16_383, 16_384, 80_000, Integer.MAX_VALUE, 1L << 40, Long.MAX_VALUE, -1L};
        IdList ids = new IdList();
        int n = 300_000; // more than one block of bytes
        for (int i = 0; i < n; i++) {
            ids.add(widths[i % widths.length]);
        }
        assertEquals(n, ids.size());
        int[] seen = new int[n];
        int[] k = {0};
        int[] out = ids.map(id -> {
            seen[k[0]] = id == widths[k[0] % widths.length] ? 1 : 0;
            return k[0]++;
        });
        int[] expected = new int[n];
        int[] ones = new int[n];
        for (int i = 0; i < n; i++) {
            expected[i] = i;
            ones[i] = 1;
        }
        assertArrayEquals(expected, out);
        assertArrayEquals(ones, seen);
        assertEquals(-1, ids.failedAt());
        assertThrows(IllegalStateException.class, () -> ids.map(id -> 0));
        assertThrows(IllegalStateException.class, () -> ids.add(1));
    }

    @Test
    void aRejectedIdIsNamedWithItsPosition() {
        IdList ids = new IdList();
        ids.add(1);
        ids.add(2);
        ids.add(1L << 35);
        ids.add(3);
        assertNull(ids.map(id -> id < 100 ? (int) id - 1 : -1));
        assertEquals(2, ids.failedAt());
        assertEquals(1L << 35, ids.failedId());
    }
}
