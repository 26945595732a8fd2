package dev.leakscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakscope.Cli;
import dev.leakscope.TestProfiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad inputs and bad command lines: one line on stderr, exit 2, no stack trace, nothing on stdout. */
class ErrorsTest {
    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private void assertFails(String fragment, String... args) {
        assertFails(2, "leakscope: ", fragment, args);
    }

    /** leakscope pprof refusing what go tool pprof refuses: pprof's exit code, without leakscope's prefix. */
    private void assertPprofFails(String fragment, String... args) {
        assertFails(1, "", fragment, args);
        Cli.Result r = Cli.run(dir, args);
        assertFalse(r.err().startsWith("leakscope: "), r.err());
    }

    private void assertFails(int exit, String prefix, String fragment, String... args) {
        Cli.Result r = Cli.run(dir, args);
        assertEquals(exit, r.exitCode(), () -> "exit code; stderr: " + r.err());
        assertEquals("", r.out(), "nothing on stdout");
        String firstLine = r.err().lines().findFirst().orElse("");
        assertTrue(firstLine.startsWith(prefix), r.err());
        assertTrue(r.err().contains(fragment), () -> "stderr '" + r.err() + "' lacks '" + fragment + "'");
        assertFalse(r.err().contains("\tat "), "no stack trace");
    }

    @Test
    void missingEmptyAndWrongFiles() throws IOException {
        assertFails("nosuch.pb.gz: no such file", "top", "nosuch.pb.gz");
        write("empty.pb", new byte[0]);
        assertFails("empty input", "top", "empty.pb");
        write("image.pb.gz", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13});
        assertFails("PNG image", "top", "image.pb.gz");
        write("notes.txt", "some notes\n".getBytes());
        assertFails("in no format leakscope knows", "top", "notes.txt");
        // the formats only leakscope reads are named too: Go's full goroutine dump among them
        assertFails("jemalloc heap_v2, Go goroutine dumps (debug=2); JDK Flight Recorder recordings", "top", "notes.txt");
        Files.createDirectory(dir.resolve("adir"));
        assertFails("adir: no profile in a directory: it holds no files", "top", "adir");
        assertPprofFails("is a directory", "pprof", "-top", "adir");
    }

    /** collect of several URLs keeps a series per URL in a sub-directory: trend or diff of the parent names one. */
    @Test
    void aDirectoryOfSeriesNamesItsSubDirectories() throws IOException {
        byte[] heap = TestProfiles.small().gzipped();
        for (String url : new String[] {"127.0.0.1_6070.heap", "127.0.0.1_6071.heap"}) {
            Files.createDirectories(dir.resolve("series").resolve(url));
            write("series/" + url + "/" + url + ".20261208T041235.532Z.pb.gz", heap);
        }
        String twoSeries = "series: no profile in a directory: it holds no files; its 2 sub-directories are not"
                + " read: name one, e.g. series/127.0.0.1_6070.heap (collect keeps each URL's snapshots in one)";
        assertFails(twoSeries, "trend", "series");
        assertFails(twoSeries, "diff", "series");
        Files.createDirectories(dir.resolve("one/snaps"));
        write("one/notes.txt", "notes\n".getBytes());
        assertFails("one: no profile in a directory: its only file is not one; its sub-directory is not read:"
                + " name it (one/snaps)", "trend", "one");
    }

    @Test
    void corruptData() throws IOException {
        byte[] gz = TestProfiles.small().gzipped();
        write("trunc.pb.gz", Arrays.copyOf(gz, gz.length - 10));
        assertFails("truncated gzip data", "top", "trunc.pb.gz");
        byte[] raw = TestProfiles.small().bytes();
        write("trunc.pb", Arrays.copyOf(raw, raw.length - 3));
        assertFails("trunc.pb: a profile.proto message that cannot be read to its end: truncated message", "top", "trunc.pb");
        write("dangling.pb", TestProfiles.small().sample(new long[] {1, 1}, 42).bytes());
        assertFails("unknown location id 42", "top", "dangling.pb");
        TestProfiles badString = TestProfiles.small();
        badString.proto().setDefaultSampleType(500);
        write("badstring.pb", badString.bytes());
        assertFails("refers to string 500", "top", "badstring.pb");
    }

    @Test
    void unknownSampleIndexListsTheTypes() throws IOException {
        write("a.pb", TestProfiles.small().bytes());
        assertFails("must be one of: [objects, space]", "top", "--sample-index", "alloc_space", "a.pb");
        assertFails("outside the range [0..1]", "top", "--sample-index", "7", "a.pb");
        assertPprofFails("must be one of", "pprof", "-top", "-sample_index=bogus", "a.pb");
        // pprof's words (its profile/index.go), which said "sample index"
        assertPprofFails("sample_index -1 is outside the range [0..1]", "pprof", "-top", "-sample_index=-1", "a.pb");
    }

    @Test
    void mergingDifferentSampleTypesNamesBoth() throws IOException {
        write("heap.pb", TestProfiles.small().bytes());
        TestProfiles cpu = new TestProfiles().sampleType("samples", "count").sampleType("cpu", "nanoseconds");
        cpu.function(1, "f", "f.go").location(1, 1, 1).sample(new long[] {1, 10}, 1);
        write("cpu.pb", cpu.bytes());
        assertFails("no sample type is common to all inputs: heap.pb has [objects/count, space/bytes], cpu.pb has"
                + " [samples/count, cpu/nanoseconds]",
                "top", "heap.pb", "cpu.pb");
        // pprof refuses in its own words, with its exit code
        Cli.Result pprof = Cli.run(dir, "pprof", "-top", "-base", "cpu.pb", "heap.pb");
        assertEquals("sample types: incompatible types: {objects count 0 0} {samples count 0 0}\n", pprof.err());
        assertEquals(1, pprof.exitCode());
    }

    @Test
    void badCommandLines() throws IOException {
        write("a.pb", TestProfiles.small().bytes());
        assertFails("Unknown option", "top", "--bogus", "a.pb");
        assertFails("unknown granularity", "top", "--granularity", "words", "a.pb");
        assertPprofFails("flag provided but not defined: -bogus", "pprof", "-top", "-bogus", "a.pb");
        assertPprofFails("invalid boolean value \"maybe\" for -trim: parse error", "pprof", "-top", "-trim=maybe", "a.pb");
        assertPprofFails("flag needs an argument: -focus", "pprof", "-top", "-focus");
        assertPprofFails("must set at most one output format", "pprof", "-top", "-raw", "a.pb");
        assertPprofFails("pprof: no profile given", "pprof", "-top");
        assertPprofFails("must have base profile to normalize by", "pprof", "-top", "-normalize", "a.pb");
        // of several profiles, pprof reports on those it can read; with none, it fails
        Cli.Result some = Cli.run(dir, "pprof", "-top", "a.pb", "nosuch.pb");
        assertEquals(0, some.exitCode());
        assertEquals(Cli.run(dir, "pprof", "-top", "a.pb").out(), some.out());
        assertEquals("nosuch.pb: no such file\nFetched 1 source profiles out of 2\n", some.err());
        // a URL that cannot be fetched too (port 1 on this machine: connection refused)
        Cli.Result down = Cli.run(dir, "pprof", "-top", "127.0.0.1:1", "a.pb");
        assertEquals(0, down.exitCode(), down.err());
        assertEquals(some.out(), down.out());
        assertTrue(down.err().startsWith("http://127.0.0.1:1/debug/pprof/profile: connection refused"), down.err());
        assertTrue(down.err().endsWith("\nFetched 1 source profiles out of 2\n"), down.err());
        Files.createDirectory(dir.resolve("adir"));
        Cli.Result none = Cli.run(dir, "pprof", "-top", "nosuch.pb", "adir");
        assertEquals(1, none.exitCode());
        assertEquals("nosuch.pb: no such file\nadir: is a directory, not a profile\nfailed to fetch any source profiles\n",
                none.err());
        assertPprofFails("no matches found for regexp: nosuch", "pprof", "-peek=nosuch", "a.pb");
        assertPprofFails("no matches found for regexp: nosuch", "pprof", "-list=nosuch", "a.pb");
        assertPprofFails("parsing focus regexp: Unclosed group", "pprof", "-top", "-focus=(", "a.pb");
        assertPprofFails("parsing argument regexp (", "pprof", "-peek=(", "a.pb");
        assertPprofFails("nosuchdir/x.txt: no such directory", "pprof", "-top", "-output=nosuchdir/x.txt", "a.pb");
        // what only leakscope refuses keeps its usage code
        assertFails("give a report flag", "pprof", "a.pb");
        assertFails("-dot is not supported", "pprof", "-dot", "a.pb");
        assertFails("-tagroot is not supported yet", "pprof", "-top", "-tagroot=x", "a.pb");
        assertFails("is an input; leakscope never overwrites its inputs", "pprof", "-top", "-output=a.pb", "a.pb");
        assertFails("invalid size", "top", "--max-bytes", "lots", "a.pb");
    }

    @Test
    void debugShowsTheStackTrace() {
        Cli.Result r = Cli.run(dir, "top", "--debug", "nosuch.pb.gz");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("\tat "), r.err());
    }

    @Test
    void maxBytesStopsLargeInputs() throws IOException {
        write("a.pb.gz", TestProfiles.small().gzipped());
        assertFails("--max-bytes", "top", "--max-bytes", "16", "a.pb.gz");
    }
}
