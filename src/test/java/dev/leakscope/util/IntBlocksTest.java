package dev.leakscope.util;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class IntBlocksTest {
    @Test
    void toArrayHoldsEveryElementAcrossBlocks() {
        IntBlocks b = new IntBlocks();
        int n = 2 * IntBlocks.SIZE + 3;
        int[] expected = new int[n];
        for (int i = 0; i < n; i++) {
            expected[i] = i * 7 - 5;
            b.add(expected[i]);
        }
        assertEquals(n, b.size());
        assertArrayEquals(expected, b.toArray());
    }

    @Test
    void toArrayOfFullBlocksAndOfNothing() {
        IntBlocks full = new IntBlocks();
        for (int i = 0; i < IntBlocks.SIZE; i++) {
            full.add(i);
        }
        int[] out = full.toArray();
        assertEquals(IntBlocks.SIZE, out.length);
        assertEquals(IntBlocks.SIZE - 1, out[IntBlocks.SIZE - 1]);
        assertEquals(0, new IntBlocks().toArray().length);
    }
}
