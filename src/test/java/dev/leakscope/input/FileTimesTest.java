package dev.leakscope.input;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.leakscope.util.FileTime;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTimesTest {
    @Test
    void timeFromTheNameInTheUsualSpellings() {
        assertEquals(Instant.parse("2026-12-06T20:20:31Z"), instant(FileTimes.fromName("histo-20261206T202031Z.txt")));
        assertEquals(Instant.parse("2026-12-06T20:20:31.250Z"), instant(FileTimes.fromName("h_2026-12-06_20-20-31.250.txt")));
        assertEquals(Instant.parse("2026-12-06T18:20:31Z"), instant(FileTimes.fromName("h.2026-12-06T20:20:31+0200")));
        assertEquals(Instant.parse("2024-12-06T19:12:25Z"), instant(FileTimes.fromName("histo.1733512345.txt")));
        assertEquals(Instant.parse("2024-12-06T19:12:25.123Z"), instant(FileTimes.fromName("histo-1733512345123")));
        // what collect and watch name their files
        assertEquals(Instant.parse("2026-12-06T19:42:27.781Z"),
                instant(FileTimes.fromName("localhost_6060.heap.20261206T194227.781Z.txt")));
        assertEquals(0, FileTimes.fromName("histo_12.txt"));
        assertEquals(0, FileTimes.fromName("build-20269999123456.txt"));
    }

    @Test
    void theNameFirstThenTheModificationTime(@TempDir Path dir) throws IOException {
        FileTime t = timeOf(dir.resolve("heap-20261206T202031Z.txt"));
        assertEquals(Instant.parse("2026-12-06T20:20:31Z"), instant(t.nanos()));
        assertEquals(FileTime.Source.NAME, t.source());
        FileTime m = timeOf(dir.resolve("heap_1.txt"));
        assertEquals(MODIFIED, instant(m.nanos()));
        assertEquals(FileTime.Source.MODIFIED, m.source());
        assertEquals(FileTime.NONE, FileTimes.of(InputSource.of("-", dir, new ByteArrayInputStream(new byte[0]))));
    }

    private static final Instant MODIFIED = Instant.parse("2026-01-02T03:04:05Z");

    /** The time of a file written at f, last modified at {@link #MODIFIED}. */
    private static FileTime timeOf(Path f) throws IOException {
        Files.writeString(f, "x");
        Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.from(MODIFIED));
        return FileTimes.of(InputSource.of(f));
    }

    private static Instant instant(long nanos) {
        return Instant.ofEpochSecond(0, nanos);
    }
}
