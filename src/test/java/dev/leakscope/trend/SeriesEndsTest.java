package dev.leakscope.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.leakscope.TestProfiles;
import dev.leakscope.format.ProfileLoader;
import dev.leakscope.graph.CallTree;
import dev.leakscope.graph.Granularity;
import dev.leakscope.util.FileTime;
import dev.leakscope.input.InputSource;
import dev.leakscope.input.Limits;
import dev.leakscope.profile.Profile;
import dev.leakscope.profile.ValueType;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SeriesEndsTest {
    private static final ValueType INUSE = new ValueType("inuse_space", "bytes");

    /** A profile of one sample of value v in main.main, taken at time t (0: none). */
    private static Profile profile(long v, long t) {
        TestProfiles p = new TestProfiles().sampleType("inuse_space", "bytes").function(1, "main.main", "m.go")
                .location(1, 0x10, 1).sample(new long[] {v}, 1);
        p.proto().setTimeNanos(t);
        return ProfileLoader.load(InputSource.of("-", Path.of("."), new ByteArrayInputStream(p.bytes())),
                Limits.DEFAULT);
    }

    private static long[] ends(SeriesEnds e) {
        CallTree t = e.tree(Granularity.FUNCTIONS, false, INUSE);
        return new long[] {t.value(CallTree.ROOT, 0), t.value(CallTree.ROOT, 1)};
    }

    @Test
    void byTimeWhenEverySnapshotHasItsOwn() {
        SeriesEnds e = new SeriesEnds();
        e.add(0, "c", profile(3, 300), FileTime.NONE);
        e.add(1, "a", profile(1, 100), FileTime.NONE);
        e.add(2, "d", profile(4, 400), FileTime.NONE);
        e.add(3, "b", profile(2, 200), FileTime.NONE);
        assertEquals(1, ends(e)[0]);
        assertEquals(4, ends(e)[1]);
    }

    @Test
    void byArgumentThenNaturalNameOtherwise() {
        SeriesEnds e = new SeriesEnds();
        e.add(0, "dir/heap_10", profile(10, 100), FileTime.NONE);
        e.add(0, "dir/heap_2", profile(2, 100), FileTime.NONE); // same time: the order is by argument and name
        e.add(0, "dir/heap_9", profile(9, 0), FileTime.NONE);
        e.add(1, "late", profile(7, 50), FileTime.NONE);
        assertEquals(2, ends(e)[0]);
        assertEquals(7, ends(e)[1]);
    }

    @Test
    void textSnapshotsWithoutTimesByTheirFilesTimes() {
        SeriesEnds e = new SeriesEnds();
        e.add(0, "heap_b", profile(3, 0), new FileTime(3_000_000_000L, FileTime.Source.NAME));
        e.add(1, "heap_a", profile(1, 0), new FileTime(1_000_000_000L, FileTime.Source.MODIFIED));
        e.add(2, "heap_c", profile(4, 0), new FileTime(4_000_000_000L, FileTime.Source.NAME));
        assertEquals(1, ends(e)[0]);
        assertEquals(4, ends(e)[1]);
    }

    @Test
    void formsWithoutATimeByTheirTwinsThePairsFirstAndLastByTheFormThatHasOne() {
        SeriesEnds e = new SeriesEnds();
        e.add(0, "d/heap_0.pb.gz", profile(2, 200), FileTime.NONE);
        e.add(0, "d/heap_0.debug1.txt", profile(20, 0), FileTime.NONE);
        e.add(0, "d/heap_5.pb.gz", profile(5, 500), FileTime.NONE);
        e.add(0, "d/heap_5.txt", profile(50, 0), FileTime.NONE);
        e.add(0, "d/heap_init.txt", profile(10, 0), FileTime.NONE);
        e.add(0, "d/heap_init.pb.gz", profile(1, 100), FileTime.NONE);
        assertEquals(1, ends(e)[0]);
        assertEquals(5, ends(e)[1]);
    }
}
