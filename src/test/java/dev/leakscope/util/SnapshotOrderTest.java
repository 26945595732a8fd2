package dev.leakscope.util;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotOrderTest {
    @Test
    void namesCompareWithTheirNumbersAsNumbers() {
        List<String> names = new ArrayList<>(List.of("heap_10.pb.gz", "heap_9.pb.gz", "heap_2.pb.gz", "heap_02.pb.gz",
                "heap.pb.gz", "heap_100000000000000000000.pb.gz", "heap_1a", "heap_1"));
        names.sort(SnapshotOrder.NATURAL);
        assertEquals(List.of("heap.pb.gz", "heap_1", "heap_1a", "heap_02.pb.gz", "heap_2.pb.gz", "heap_9.pb.gz",
                "heap_10.pb.gz", "heap_100000000000000000000.pb.gz"), names);
    }

    @Test
    void timeOrdersOnlyWhenEverySnapshotHasItsOwn() {
        assertTrue(SnapshotOrder.byTime(new long[] {3, 1, 2}));
        assertFalse(SnapshotOrder.byTime(new long[] {3, 0, 2}));
        assertFalse(SnapshotOrder.byTime(new long[] {3, 3, 2}));
        List<String> names = List.of("b/s10", "b/s9", "a");
        assertArrayEquals(new int[] {2, 0, 1}, SnapshotOrder.order(new int[] {0, 0, 1}, names, new long[] {20, 30, 10}));
        // without distinct times: by argument, then by name within one argument
        assertArrayEquals(new int[] {1, 0, 2}, SnapshotOrder.order(new int[] {0, 0, 1}, names, new long[] {5, 5, 1}));
    }
}
