package dev.leakscope.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakscope.TestData;
import dev.leakscope.format.ProfileLoader;
import dev.leakscope.input.InputSource;
import dev.leakscope.input.Limits;
import dev.leakscope.profile.Profile;
import dev.leakscope.util.InputException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Files decoded ahead on the cores the machine has, handed out in order; the first unreadable one is reported. */
class LoadAheadTest {
    private static final Path DIR = TestData.corpus("go", "map-cache");

    private static InputSource file(String name) {
        return InputSource.of(DIR.resolve(name));
    }

    @Test
    void handsOutTheProfilesInOrderAsTheyLoadOneAtATime() {
        List<InputSource> files = List.of(file("heap_0.pb.gz"), file("heap_3.pb.gz"), file("heap_1.txt"));
        try (LoadAhead ahead = LoadAhead.ofFiles(files, Limits.DEFAULT)) {
            assertNotNull(ahead);
            for (InputSource f : files) {
                Profile expected = ProfileLoader.load(file(f.path().getFileName().toString()), Limits.DEFAULT);
                Profile p = ahead.next();
                assertEquals(expected.sampleCount, p.sampleCount, f.name());
                assertEquals(expected.timeNanos, p.timeNanos, f.name());
            }
            assertThrows(IllegalStateException.class, ahead::next);
        }
    }

    @Test
    void onlyTwoOrMoreFilesAreLoadedAhead() {
        assertNull(LoadAhead.ofFiles(List.of(file("heap_0.pb.gz")), Limits.DEFAULT));
        assertNull(LoadAhead.ofFiles(List.of(file("heap_0.pb.gz"), InputSource.of(DIR)), Limits.DEFAULT),
                "a directory holds several profiles");
    }

    @Test
    void filesTooBigToDecodeTwoAtOnceAreReadOneAfterTheOther() {
        List<InputSource> files = List.of(file("heap_0.pb.gz"), file("heap_3.pb.gz"), file("heap_5.pb.gz"));
        long twoLargest = files.get(1).storedSize() + files.get(2).storedSize();
        assertTrue(LoadAhead.fitTwoAtOnce(files, twoLargest * 8));
        assertFalse(LoadAhead.fitTwoAtOnce(files, twoLargest * 8 - 8), "the two largest decide");
        assertTrue(LoadAhead.fitTwoAtOnce(List.of(InputSource.of("-", DIR, InputStream.nullInputStream()),
                file("heap_0.pb.gz")), files.get(0).storedSize() * 8), "standard input's size is unknown");
    }

    @Test
    void theFirstUnreadableFileIsTheOneReported() {
        List<InputSource> files = List.of(file("heap_0.pb.gz"), file("missing.pb.gz"), file("gone.pb.gz"));
        try (LoadAhead ahead = LoadAhead.ofFiles(files, Limits.DEFAULT)) {
            assertEquals(ProfileLoader.load(file("heap_0.pb.gz"), Limits.DEFAULT).sampleCount, ahead.next().sampleCount);
            InputException e = assertThrows(InputException.class, ahead::next);
            assertTrue(e.getMessage().contains("missing.pb.gz"), e.getMessage());
        }
    }
}
