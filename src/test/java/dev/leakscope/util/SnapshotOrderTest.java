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
        List<String> abc = List.of("a", "b", "c");
        assertTrue(SnapshotOrder.byTime(new long[] {3, 1, 2}, abc));
        assertFalse(SnapshotOrder.byTime(new long[] {3, 0, 2}, abc));
        assertFalse(SnapshotOrder.byTime(new long[] {3, 3, 2}, abc));
        List<String> names = List.of("b/s10", "b/s9", "a");
        assertArrayEquals(new int[] {2, 0, 1}, SnapshotOrder.order(new int[] {0, 0, 1}, names,
                SnapshotOrder.times(new long[] {20, 30, 10}, new long[3], false, names)));
        // without distinct times: by argument, then by name within one argument
        SnapshotOrder.Timing none = SnapshotOrder.times(new long[] {5, 5, 1}, new long[3], false, names);
        assertEquals(SnapshotOrder.Source.NONE, none.source());
        assertArrayEquals(new int[] {1, 0, 2}, SnapshotOrder.order(new int[] {0, 0, 1}, names, none));
    }

    @Test
    void aTextFormWithoutATimeTakesItsTwinsSoHeapInitComesFirst() {
        // Go's scenario directories: heap_init and heap_0..2, each as proto (with time_nanos) and as text (without)
        List<String> names = List.of("d/heap_0.pb.gz", "d/heap_0.txt", "d/heap_1.pb.gz", "d/heap_1.txt",
                "d/heap_2.pb.gz", "d/heap_2.debug1.txt", "d/heap_init.pb.gz", "d/heap_init.txt");
        long[] own = {200, 0, 300, 0, 400, 0, 100, 0};
        SnapshotOrder.Timing t = SnapshotOrder.times(own, new long[8], false, names);
        assertEquals(SnapshotOrder.Source.TWINS, t.source());
        assertArrayEquals(new long[] {200, 200, 300, 300, 400, 400, 100, 100}, t.times());
        assertArrayEquals(new int[] {6, 7, 0, 1, 2, 3, 5, 4}, SnapshotOrder.order(new int[8], names, t));
    }

    @Test
    void aSnapshotWithoutATimeOrTwinLeavesTheSeriesInNameOrderNeverAMix() {
        List<String> names = List.of("d/heap_0.pb.gz", "d/heap_1.txt", "d/heap_init.pb.gz");
        long[] own = {200, 0, 100};
        // its file's time is no help either: one order of one kind, not profiles' times beside a file's
        SnapshotOrder.Timing t = SnapshotOrder.times(own, new long[] {0, 150, 0}, false, names);
        assertEquals(SnapshotOrder.Source.NONE, t.source());
        assertArrayEquals(new int[] {0, 1, 2}, SnapshotOrder.order(new int[3], names, t));
        // two distinct snapshots sharing a time do not order it either, twins may
        assertFalse(SnapshotOrder.byTime(new long[] {1, 1}, List.of("d/heap_0.pb.gz", "d/heap_1.pb.gz")));
        assertTrue(SnapshotOrder.byTime(new long[] {1, 1}, List.of("d/heap_0.pb.gz", "d/heap_0.pb")));
        assertFalse(SnapshotOrder.byTime(new long[] {1, 1}, List.of("d/heap_0.pb.gz", "d/heap_0.pb.gz")));
    }

    @Test
    void whyTimesDoNotOrderASeriesCountsThoseWithoutOne() {
        assertEquals("1 of 3 profiles has no timestamp", SnapshotOrder.untimed(new long[] {1, 0, 2}, "profile"));
        assertEquals("2 of 3 snapshots have no timestamp", SnapshotOrder.untimed(new long[] {0, 0, 2}, "snapshot"));
        assertEquals("no snapshot has a timestamp of its own", SnapshotOrder.untimed(new long[] {0, 0}, "snapshot"));
        assertEquals("some snapshots share a timestamp", SnapshotOrder.untimed(new long[] {1, 1}, "snapshot"));
    }

    @Test
    void aStemLeavesOutOnlyTheExtensionsOfAForm() {
        assertEquals("d/heap_0", SnapshotOrder.stem("d/heap_0.debug1.txt"));
        assertEquals("d/heap_0", SnapshotOrder.stem("d/heap_0.pb.gz"));
        assertEquals("d/.pb", SnapshotOrder.stem("d/.pb"));
        assertEquals("a.tgz:heap", SnapshotOrder.stem("a.tgz:heap.txt"));
        assertEquals("snaps/x.heap.20261206T194218.710Z", SnapshotOrder.stem("snaps/x.heap.20261206T194218.710Z.pb.gz"));
    }
}
