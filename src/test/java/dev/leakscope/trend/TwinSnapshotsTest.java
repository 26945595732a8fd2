package dev.leakscope.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TwinSnapshotsTest {
    @Test
    void aDirectoryOfProtoAndTextFormsOfEachSnapshotGetsOneWarning() {
        assertEquals(Optional.of("warning: d/heap_0.pb.gz and d/heap_0.txt (and 1 more such pair) look like one"
                        + " snapshot saved in two forms, which the series counts as two; give one form only"
                        + " (e.g. *.pb.gz)"),
                TwinSnapshots.warning(List.of("d/heap_0.pb.gz", "d/heap_0.txt", "d/heap_1.pb.gz", "d/heap_1.debug1.txt",
                        "d/heap_2.pb.gz"), "the series"));
    }

    @Test
    void distinctSnapshotsAreNoTwins() {
        assertEquals(Optional.empty(), TwinSnapshots.warning(List.of("d/heap_0.pb.gz", "d/heap_1.pb.gz",
                "e/heap_0.txt", "snaps/localhost_6060.heap.20261206T194218.710Z.pb.gz",
                "snaps/localhost_6060.heap.20261206T194220.710Z.pb.gz", "a.tgz:heap.pb.gz", "b.tgz:heap.txt"), "the diff"));
    }
}
