package dev.leakscope.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakscope.Cli;
import dev.leakscope.CleanOutcome;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
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
        assertEquals("Generating report in a.txt\n", r.err(), "pprof's line for its -output");
        assertEquals(expected.out(), Files.readString(dir.resolve("a.txt")));
        r = Cli.run(dir, "pprof", "--output", "b.txt", "-top", "-base", "heap_0.pb.gz", "heap_5.pb.gz");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.err());
        assertEquals(expected.out(), Files.readString(dir.resolve("b.txt")));
    }

    @Test
    void reportCommandsTakeDashOAndPprofKeepsGoFlagsOwn() throws IOException {
        Cli.Result r = Cli.run(dir, "top", "-o", "report.txt", "heap_5.pb.gz");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(Cli.run(dir, "top", "heap_5.pb.gz").out(), Files.readString(dir.resolve("report.txt")));
        // -o is not a go tool pprof flag: pprof's error, as go tool pprof prints it
        r = Cli.run(dir, "pprof", "-top", "-o", "p.txt", "heap_5.pb.gz");
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().startsWith("flag provided but not defined: -o\n"), r.err());
        assertFalse(Files.exists(dir.resolve("p.txt")));
    }

    /** Clustered, pprof's -output FILE would read as -o utput: refused, never a file named utput. */
    @Test
    void pprofSpellingOfOutputIsRefusedOnReportCommands() throws IOException {
        for (String[] args : List.of(new String[] {"top", "-output", "r.txt", "heap_5.pb.gz"},
                new String[] {"trend", "heap_0.pb.gz", "heap_5.pb.gz", "-output=r.txt"})) {
            Cli.Result r = Cli.run(dir, args);
            assertEquals(2, r.exitCode(), r.err());
            assertEquals("leakscope: -output would read as -o utput: write -o FILE or --output FILE\n", r.err());
        }
        assertEquals(List.of(), leftovers());
        assertFalse(Files.exists(dir.resolve("utput")));
        assertFalse(Files.exists(dir.resolve("utput=r.txt")));
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

    /** A directory stands for the snapshots in it: a report written among them would replace one, or join them. */
    @Test
    void anOutputInAnInputDirectoryIsRefused() throws IOException {
        Path series = Files.createDirectory(dir.resolve("series"));
        Files.copy(dir.resolve("heap_0.pb.gz"), series.resolve("heap_0.pb.gz"));
        Files.copy(dir.resolve("heap_5.pb.gz"), series.resolve("heap_5.pb.gz"));
        byte[] before = Files.readAllBytes(series.resolve("heap_5.pb.gz"));
        for (String[] args : List.of(new String[] {"trend", "series", "--format", "markdown", "--output", "series/heap_5.pb.gz"},
                new String[] {"diff", "series/", "--output", "./series/report.txt"},
                new String[] {"top", "series", "--output", "series/../series/heap_0.pb.gz"},
                new String[] {"diff", "--base", "series", "heap_5.pb.gz", "--output", "series/new.md"})) {
            Cli.Result r = Cli.run(dir, args);
            assertEquals(2, r.exitCode(), r.err());
            CleanOutcome.of(r);
            assertTrue(r.err().contains("is in the input directory series"), r.err());
        }
        assertArrayEquals(before, Files.readAllBytes(series.resolve("heap_5.pb.gz")));
        try (var files = Files.list(series)) {
            assertEquals(2, files.count());
        }
        // beside the directory is fine
        assertEquals(0, Cli.run(dir, "trend", "series", "--output", "trend.txt").exitCode());
    }

    @Test
    void anOutputInAMissingDirectoryIsOneLineError() {
        Cli.Result r = Cli.run(dir, "top", "--output", "no/such/dir/r.txt", "heap_5.pb.gz");
        assertEquals(2, r.exitCode());
        CleanOutcome.of(r);
        assertEquals("leakscope: cannot write " + dir.resolve("no/such/dir/r.txt") + ": no such directory "
                + dir.resolve("no/such/dir") + "\n", r.err());
        r = Cli.run(dir, "top", "--output", "heap_0.pb.gz/sub/r.txt", "heap_5.pb.gz");
        assertEquals("leakscope: cannot write " + dir.resolve("heap_0.pb.gz/sub/r.txt") + ": " + dir.resolve("heap_0.pb.gz")
                + " is not a directory\n", r.err());
        // before any input is read
        r = Cli.run(dir, "top", "--output", "no/r.txt", "nosuch.pb.gz");
        assertEquals("leakscope: cannot write " + dir.resolve("no/r.txt") + ": no such directory " + dir.resolve("no")
                + "\n", r.err());
    }

    /**
     * /proc/version is a regular file in a directory that exists, yet takes no new file: root may write
     * the file (it then fails on /proc), anyone else may not write it at all.
     */
    @Test
    void aFileOnProcSaysWhatStopsIt() {
        Path version = Path.of("/proc/version");
        Assumptions.assumeTrue(Files.isRegularFile(version), "Linux's /proc");
        Cli.Result r = Cli.run(dir, "top", "--output", version.toString(), "heap_5.pb.gz");
        assertEquals(2, r.exitCode(), r.err());
        assertEquals("leakscope: cannot write /proc/version: " + (Files.isWritable(version)
                ? "cannot create files in /proc (file system type proc) (the report replaces the file by renaming a"
                + " new file over it)" : "permission denied: the file is not writable") + "\n", r.err());
    }

    /**
     * A directory that takes no new file stops the report, also over a writable file (it is replaced by a
     * rename), and so does a read-only file; run as a user (root without its power over permissions).
     */
    @Test
    void anUnwritableDirectoryOrFileSaysWhich() throws Exception {
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.writeString(locked.resolve("old.txt"), "old\n");
        Files.writeString(dir.resolve("read-only.txt"), "old\n");
        Files.setPosixFilePermissions(dir.resolve("read-only.txt"), PosixFilePermissions.fromString("r--r--r--"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assertEquals("leakscope: cannot write " + locked.resolve("new.txt") + ": permission denied: cannot create"
                    + " files in " + locked + "\n", asUser(List.of(), "--output", "locked/new.txt"));
            assertEquals("leakscope: cannot write " + locked.resolve("old.txt") + ": permission denied: cannot create"
                    + " files in " + locked + " (the report replaces the file by renaming a new file over it)\n",
                    asUser(List.of(), "--output", "locked/old.txt"));
            assertEquals("leakscope: cannot write " + dir.resolve("read-only.txt") + ": permission denied: the file is"
                    + " not writable\n", asUser(List.of(), "--output", "read-only.txt"));
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        assertEquals("old\n", Files.readString(locked.resolve("old.txt")));
        assertEquals("old\n", Files.readString(dir.resolve("read-only.txt")));
    }

    /** A directory mounted read-only (in a mount namespace of its own, where the system allows one). */
    @Test
    void aReadOnlyFileSystemIsNamed() throws Exception {
        Path ro = Files.createDirectory(dir.resolve("ro"));
        Files.writeString(ro.resolve("old.txt"), "old\n");
        List<String> mounted = List.of("unshare", ROOT ? "-m" : "-rm", "sh", "-c", "mount --bind \"$0\" \"$0\" && mount -o"
                + " remount,bind,ro \"$0\" || exit 99; exec \"$@\"", ro.toString());
        for (String file : List.of("old.txt", "new.txt")) {
            String err = asUser(mounted, "--output", "ro/" + file);
            Assumptions.assumeFalse(err.contains("exit 99"), "no mount namespace here: " + err);
            assertEquals("leakscope: cannot write " + ro.resolve(file) + ": read-only file system\n", err);
        }
        assertEquals("old\n", Files.readString(ro.resolve("old.txt")));
    }

    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    /**
     * Runs top heap_5.pb.gz with the options in a JVM of its own, after the prefix command; as root
     * without CAP_DAC_OVERRIDE, so that permissions bind it as they bind a user. Returns its stderr (and
     * "exit N" when it ends with another code than 2).
     */
    private String asUser(List<String> prefix, String... options) throws Exception {
        List<String> cmd = new ArrayList<>(prefix);
        if (ROOT) {
            Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "setpriv drops root's powers");
            cmd.addAll(List.of("setpriv", "--bounding-set", "-dac_override,-dac_read_search"));
        }
        cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
                "-cp", Path.of("target/classes").toAbsolutePath() + File.pathSeparator + System.getProperty("java.class.path"),
                Main.class.getName(), "top"));
        cmd.addAll(List.of(options));
        cmd.add("heap_5.pb.gz");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        return exit == 2 ? err : err + "exit " + exit;
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

    @Test
    void aSymlinkIsWrittenThroughAndStaysALink() throws IOException {
        Files.writeString(dir.resolve("real.txt"), "old report\n");
        Files.createSymbolicLink(dir.resolve("link.txt"), Path.of("real.txt"));
        Files.createSymbolicLink(dir.resolve("dangling.txt"), Path.of("new.txt"));
        Cli.Result expected = Cli.run(dir, "top", "heap_5.pb.gz");
        for (String out : List.of("link.txt", "dangling.txt")) {
            Cli.Result r = Cli.run(dir, "top", "--output", out, "heap_5.pb.gz");
            assertEquals(0, r.exitCode(), r.err());
            assertTrue(Files.isSymbolicLink(dir.resolve(out)), out);
        }
        assertEquals(expected.out(), Files.readString(dir.resolve("real.txt")));
        assertEquals(expected.out(), Files.readString(dir.resolve("new.txt")));
        assertEquals(List.of(), leftovers());
    }

    @Test
    void aSymlinkToAnInputIsRefused() throws IOException {
        Files.createSymbolicLink(dir.resolve("link.pb.gz"), Path.of("heap_5.pb.gz"));
        byte[] before = Files.readAllBytes(dir.resolve("heap_5.pb.gz"));
        Cli.Result r = Cli.run(dir, "top", "--output", "link.pb.gz", "heap_5.pb.gz");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("is an input"), r.err());
        assertArrayEquals(before, Files.readAllBytes(dir.resolve("heap_5.pb.gz")));
    }

    @Test
    void anExistingFileKeepsItsMode() throws IOException {
        Path report = dir.resolve("report.txt");
        Files.writeString(report, "old\n");
        Files.setPosixFilePermissions(report, PosixFilePermissions.fromString("rw-------"));
        Cli.Result r = Cli.run(dir, "top", "--output", "report.txt", "heap_5.pb.gz");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(report)));
        Files.setPosixFilePermissions(report, PosixFilePermissions.fromString("rw-rw-r--"));
        assertEquals(0, Cli.run(dir, "top", "--output", "report.txt", "heap_5.pb.gz").exitCode());
        assertEquals("rw-rw-r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(report)));
    }

    @Test
    void aNewFileIsReadableByItsOwnerAndNotExecutable() throws IOException {
        assertEquals(0, Cli.run(dir, "top", "--output", "new.txt", "heap_5.pb.gz").exitCode());
        var perms = Files.getPosixFilePermissions(dir.resolve("new.txt"));
        assertTrue(perms.containsAll(PosixFilePermissions.fromString("rw-------")), perms.toString());
        assertFalse(perms.contains(PosixFilePermission.OWNER_EXECUTE), perms.toString());
    }

    @Test
    void anEmptyOutputPathIsRefusedAsEmpty() throws IOException {
        Cli.Result r = Cli.run(dir, "top", "--output", "", "heap_5.pb.gz");
        assertEquals(2, r.exitCode(), r.err());
        assertEquals("leakscope: --output is empty: name the file to write the report to\n", r.err());
        assertEquals("", r.out());
        // pprof's -output "" is its default: standard output
        Cli.Result expected = Cli.run(dir, "pprof", "-top", "heap_5.pb.gz");
        r = Cli.run(dir, "pprof", "-top", "-output", "", "heap_5.pb.gz");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(expected.out(), r.out());
        assertEquals(List.of(), leftovers());
    }

    /** /dev/stdout into a pipe is /proc/self/fd/1, a link to "pipe:[...]" that only the kernel follows. */
    @Test
    void aPipeBehindAProcLinkIsRefusedAsAFifo() throws IOException {
        try (java.nio.channels.Pipe.SourceChannel source = java.nio.channels.Pipe.open().source();
             java.util.stream.Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            Path pipe = fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().startsWith("pipe:[");
                } catch (IOException e) {
                    return false; // the directory's own descriptor, closed by now
                }
            }).findFirst().orElseThrow();
            Cli.Result r = Cli.run(dir, "top", "--output", pipe.toString(), "heap_5.pb.gz");
            assertEquals(2, r.exitCode(), r.err());
            assertEquals("leakscope: cannot write " + pipe + ": a FIFO, not a regular file (leave out --output and"
                    + " redirect standard output to write there)\n", r.err());
        }
        assertEquals(List.of(), leftovers());
    }

    @Test
    void devicesFifosAndDirectoriesAreRefusedAndLeftAsTheyAre() throws IOException, InterruptedException {
        Path fifo = dir.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Files.createDirectory(dir.resolve("sub"));
        Files.createSymbolicLink(dir.resolve("null-link"), Path.of("/dev/null"));
        for (String[] c : List.of(new String[] {"/dev/null", "a character device"},
                new String[] {"null-link", "a character device"}, new String[] {"fifo", "a FIFO"},
                new String[] {"sub", "is a directory"})) {
            for (String cmd : List.of("top", "pprof")) {
                Cli.Result r = cmd.equals("top") ? Cli.run(dir, "top", "--output", c[0], "heap_5.pb.gz")
                        : Cli.run(dir, "pprof", "-top", "-output", c[0], "heap_5.pb.gz");
                assertEquals(2, r.exitCode(), r.err());
                CleanOutcome.of(r);
                assertEquals("leakscope: cannot write " + dir.resolve(c[0]) + ": " + c[1], r.err().strip().split(
                        ", not a regular file")[0], r.err());
            }
        }
        assertEquals("a character device", dev.leakscope.util.FileKinds.of(Path.of("/dev/null")));
        assertEquals("a FIFO", dev.leakscope.util.FileKinds.of(fifo));
        assertEquals(List.of(), leftovers());
        Files.delete(dir.resolve("null-link"));
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
