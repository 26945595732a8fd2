package dev.leakscope.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakscope.TestData;
import dev.leakscope.input.InputSource;
import dev.leakscope.input.Limits;
import dev.leakscope.util.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A series loaded on the cores: profiles, tasks and warnings in series order, as read one at a time. */
class SnapshotReaderTest {
    private static final Path DIR = TestData.corpus("go", "map-cache");

    @Test
    void inStagesTakesProfilesWarningsAndTaskResultsInSeriesOrder(@TempDir Path dir) throws IOException {
        Files.copy(DIR.resolve("heap_0.pb.gz"), dir.resolve("heap_0.pb.gz"));
        Files.writeString(dir.resolve("heap_1.pb.gz"), "not a profile\n");
        Files.copy(DIR.resolve("heap_2.pb.gz"), dir.resolve("heap_2.pb.gz"));
        List<String> seen = new ArrayList<>();
        SnapshotReader.inStages(List.of(InputSource.of(DIR.resolve("heap_5.txt")), InputSource.of(dir)),
                Limits.DEFAULT, line -> seen.add("warning " + line), (m, p) -> {
                    String name = m.source().path().getFileName().toString();
                    seen.add("profile " + m.argument() + " " + m.index() + " " + name);
                    return () -> {
                        int samples = p.sampleCount(); // on another thread, with the profile
                        return () -> seen.add("reduced " + name + " " + samples);
                    };
                });
        List<String> order = new ArrayList<>(seen);
        order.removeIf(s -> s.startsWith("reduced"));
        assertEquals("profile 0 0 heap_5.txt", order.get(0));
        assertEquals("profile 1 0 heap_0.pb.gz", order.get(1));
        assertTrue(order.get(2).startsWith("warning skipping " + dir.resolve("heap_1.pb.gz")), order.get(2));
        assertEquals("profile 1 2 heap_2.pb.gz", order.get(3));
        assertEquals(4, order.size());
        List<String> reduced = new ArrayList<>(seen);
        reduced.removeIf(s -> !s.startsWith("reduced"));
        assertEquals(3, reduced.size());
        assertTrue(reduced.get(0).startsWith("reduced heap_5.txt "));
        assertTrue(reduced.get(1).startsWith("reduced heap_0.pb.gz "));
        assertTrue(reduced.get(2).startsWith("reduced heap_2.pb.gz "));
    }

    @Test
    void inStagesFailsOnTheFirstUnreadableFileAndOnADirectoryWithoutProfiles(@TempDir Path dir) throws IOException {
        InputException e = assertThrows(InputException.class, () -> SnapshotReader.inStages(List.of(
                InputSource.of(DIR.resolve("heap_0.pb.gz")), InputSource.of(DIR.resolve("missing.pb.gz")),
                InputSource.of(DIR.resolve("gone.pb.gz"))), Limits.DEFAULT, line -> { }, (m, p) -> () -> () -> { }));
        assertTrue(e.getMessage().contains("missing.pb.gz"), e.getMessage());
        Files.writeString(dir.resolve("notes.txt"), "not a profile\n");
        e = assertThrows(InputException.class, () -> SnapshotReader.inStages(List.of(InputSource.of(dir)),
                Limits.DEFAULT, line -> { }, (m, p) -> () -> () -> { }));
        assertTrue(e.getMessage().endsWith("no profile in a directory: its only file is not one"), e.getMessage());
    }
}
