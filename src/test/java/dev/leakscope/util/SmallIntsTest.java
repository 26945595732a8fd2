package dev.leakscope.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SmallIntsTest {
    private static void assertHolds(int[] expected, SmallInts list) {
        assertEquals(expected.length, list.size());
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], list.get(i), "element " + i);
        }
        BlockedInts frozen = list.frozen();
        assertEquals(expected.length, frozen.length());
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], frozen.get(i), "frozen element " + i);
        }
    }

    private static int[] values(int n, int last) {
        int[] v = new int[n];
        for (int i = 0; i < n; i++) {
            v[i] = (i * 31) % (Character.MAX_VALUE + 1);
        }
        v[n - 1] = last;
        return v;
    }

    @Test
    void charsAcrossBlocks() {
        for (int n : new int[] {1, IntBlocks.SIZE, 2 * IntBlocks.SIZE + 3}) {
            int[] v = values(n, Character.MAX_VALUE);
            SmallInts list = new SmallInts();
            for (int x : v) {
                list.add(x);
            }
            assertHolds(v, list);
        }
    }

    @Test
    void aValueBeyondACharKeepsWhatCameBefore() {
        for (int last : new int[] {Character.MAX_VALUE + 1, Integer.MAX_VALUE, -1}) {
            int[] v = values(IntBlocks.SIZE + 5, last);
            SmallInts list = new SmallInts();
            for (int x : v) {
                list.add(x);
            }
            list.add(7);
            int[] all = java.util.Arrays.copyOf(v, v.length + 1);
            all[v.length] = 7;
            assertHolds(all, list);
        }
    }

    @Test
    void nothing() {
        assertHolds(new int[0], new SmallInts());
    }
}
