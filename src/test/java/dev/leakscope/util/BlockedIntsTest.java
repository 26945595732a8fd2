package dev.leakscope.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BlockedIntsTest {
    private static BlockedInts frozen(int n) {
        IntBlocks b = new IntBlocks();
        for (int i = 0; i < n; i++) {
            b.add(i * 7 - 5);
        }
        return b.frozen();
    }

    @Test
    void holdsEveryElementAcrossBlocks() {
        int n = 2 * IntBlocks.SIZE + 3;
        BlockedInts a = frozen(n);
        assertEquals(n, a.length());
        for (int i = 0; i < n; i++) {
            assertEquals(i * 7 - 5, a.get(i), "element " + i);
        }
    }

    @Test
    void addReversedAcrossBlocksIsAddOneByOne() {
        int[] a = new int[IntBlocks.SIZE + 100];
        for (int i = 0; i < a.length; i++) {
            a[i] = i * 3 + 1;
        }
        IntBlocks one = new IntBlocks();
        IntBlocks runs = new IntBlocks();
        for (int from = 0, len = 1; from < a.length; from += len, len = len * 2 + 1) {
            int to = Math.min(a.length, from + len);
            for (int i = to - 1; i >= from; i--) {
                one.add(a[i]);
            }
            runs.addReversed(a, from, to);
            runs.addReversed(a, from, from);
        }
        BlockedInts expected = one.frozen();
        BlockedInts actual = runs.frozen();
        assertEquals(expected.length(), actual.length());
        for (int i = 0; i < expected.length(); i++) {
            assertEquals(expected.get(i), actual.get(i), "element " + i);
        }
    }

    @Test
    void fullBlocksAndNothing() {
        BlockedInts full = frozen(IntBlocks.SIZE);
        assertEquals(IntBlocks.SIZE, full.length());
        assertEquals((IntBlocks.SIZE - 1) * 7 - 5, full.get(IntBlocks.SIZE - 1));
        assertEquals(0, frozen(0).length());
    }

    @Test
    void pickTakesTheIndexesInTheirOrder() {
        BlockedInts a = frozen(IntBlocks.SIZE + 10);
        BlockedInts picked = a.pick(new int[] {IntBlocks.SIZE + 9, 0, 3, 3});
        assertEquals(4, picked.length());
        assertEquals((IntBlocks.SIZE + 9) * 7 - 5, picked.get(0));
        assertEquals(-5, picked.get(1));
        assertEquals(16, picked.get(2));
        assertEquals(16, picked.get(3));
    }
}
