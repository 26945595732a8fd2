package dev.leakscope.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakscope.Cli;
import dev.leakscope.CleanOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --output: the report is written whole or not at all, and inputs are never touched. */
class OutputFileTest {
    private static final Path TESTDATA = Path.of("testdata/map-cache");

    @TempDir
    Path dir;

    @BeforeEach
    void copyInputs() throws IOException {
        for (String f : List.of("heap_0.pb.gz", "heap_5.pb.gz")) {
            Files.copy(TESTDATA.resolve(f), dir.resolve(f));
            // an old mtime, so that any write would show
            Files.setLastModifiedTime(dir.resolve(f), FileTime.fromMillis(1_000_000_000_000L));
        }
    }

    @Test
    void topWritesTheReportToTheFileAndNothingOnStdout() throws IOException {
        Cli.Result expected = Cli.run(dir, "top", "heap_5.pb.gz");
        assertEquals(0, expected.exitCode(), expected.err());
        Cli.Result r = Cli.run(dir, "top", "--output", "report.txt", "heap_5.pb.gz");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.out());
        assertEquals(expected.out(), Files.readString(dir.resolve("report.txt")));
        assertEquals(List.of(), leftovers());
    }

    @Test
    void pprofTakesItsOwnOutputFlagAndOurs() throws IOException {
        Cli.Result expected = Cli.run(dir, "pprof", "-top", "-base", "heap_0.pb.gz", "heap_5.pb.gz");
        assertEquals(0, expected.exitCode(), expected.err());
        Cli.Result r = Cli.run(dir, "pprof", "-top", "-output=a.txt", "-base", "heap_0.pb.gz", "heap_5.pb.gz");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.out());
        assertEquals(expected.out(), Files.readString(dir.resolve("a.txt")));
        r = Cli.run(dir, "pprof", "--output", "b.txt", "-top", "-base", "heap_0.pb.gz", "heap_5.pb.gz");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(expected.out(), Files.readString(dir.resolve("b.txt")));
    }

    @Test
    void aFailedRunLeavesTheOldReportAndNoTemporaryFile() throws IOException {
        Files.writeString(dir.resolve("report.txt"), "old report\n");
        Files.write(dir.resolve("broken.pb.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 0});
        Cli.Result r = Cli.run(dir, "top", "--output", "report.txt", "broken.pb.gz");
        assertEquals(2, r.exitCode());
        CleanOutcome.of(r);
        assertEquals("old report\n", Files.readString(dir.resolve("report.txt")));
        assertEquals(List.of(), leftovers());
    }

    @Test
    void anOutputThatIsAnInputIsRefused() throws IOException {
        byte[] before = Files.readAllBytes(dir.resolve("heap_5.pb.gz"));
        for (String[] args : List.of(new String[] {"top", "--output", "heap_5.pb.gz", "heap_5.pb.gz"},
                new String[] {"pprof", "-top", "-output=./heap_0.pb.gz", "-base", "heap_0.pb.gz", "heap_5.pb.gz"})) {
            Cli.Result r = Cli.run(dir, args);
            assertEquals(2, r.exitCode());
            CleanOutcome.of(r);
            assertTrue(r.err().contains("is an input"), r.err());
        }
        assertArrayEquals(before, Files.readAllBytes(dir.resolve("heap_5.pb.gz")));
    }

    @Test
    void anOutputInAMissingDirectoryIsOneLineError() {
        Cli.Result r = Cli.run(dir, "top", "--output", "no/such/dir/r.txt", "heap_5.pb.gz");
        assertEquals(2, r.exitCode());
        CleanOutcome.of(r);
        assertTrue(r.err().contains("cannot write"), r.err());
    }

    @Test
    void inputsAreNeverModified() throws IOException {
        Path a = dir.resolve("heap_0.pb.gz");
        Path b = dir.resolve("heap_5.pb.gz");
        byte[] aBytes = Files.readAllBytes(a);
        byte[] bBytes = Files.readAllBytes(b);
        FileTime aTime = Files.getLastModifiedTime(a);
        FileTime bTime = Files.getLastModifiedTime(b);
        Cli.run(dir, "top", "heap_0.pb.gz", "heap_5.pb.gz");
        Cli.run(dir, "top", "--output", "r.txt", "heap_5.pb.gz");
        Cli.run(dir, "info", "heap_0.pb.gz");
        Cli.run(dir, "pprof", "-raw", "-base", "heap_0.pb.gz", "heap_5.pb.gz");
        Cli.run(dir, "pprof", "-traces", "-output", "t.txt", "heap_5.pb.gz");
        Cli.run(dir, "top", "--max-bytes=100", "heap_5.pb.gz");
        assertArrayEquals(aBytes, Files.readAllBytes(a));
        assertArrayEquals(bBytes, Files.readAllBytes(b));
        assertEquals(aTime, Files.getLastModifiedTime(a));
        assertEquals(bTime, Files.getLastModifiedTime(b));
    }

    /** Temporary files left in the output directory. */
    private List<String> leftovers() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
        }
    }

    @Test
    void leftoversSeesTemporaryFiles() throws IOException {
        Files.writeString(dir.resolve(".r.txt.123.tmp"), "x");
        assertFalse(leftovers().isEmpty());
    }
}
