package dev.leakscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.leakscope.Cli;
import dev.leakscope.CleanOutcome;
import dev.leakscope.HangGuard;
import dev.leakscope.proto.ProfileProto;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import dev.leakscope.profile.Mapping;
import dev.leakscope.profile.Profile;
import dev.leakscope.profile.ValueType;

/**
 * Broken and hostile inputs, one row each: the expected exit code and a fragment of the one-line
 * message (or of the report, for inputs that are odd but valid, and then of the notice on stderr, if
 * any). Inputs are built at test time; every case must finish within 5 s, in the bounded-heap (1 GB)
 * test fork.
 */
class BadInputMatrixTest {
    /** Writes the case's input files into dir and returns the command line (after "leakscope"). */
    interface Setup {
        String[] prepare(Path dir) throws Exception;
    }

    /**
     * notice: how what a report (exit 0) says on stderr starts, with the paths of the test's directory
     * made relative; null when it says nothing.
     */
    record Case(String name, Setup setup, int exit, String fragment, String notice) {
        Case(String name, Setup setup, int exit, String fragment) {
            this(name, setup, exit, fragment, null);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    @TempDir
    Path dir;

    static Stream<Case> cases() {
        List<Case> c = new ArrayList<>();
        c.add(new Case("empty file", d -> top(d, new byte[0]), 2, "empty input"));
        c.add(new Case("one byte", d -> top(d, new byte[] {8}), 2, "not a profile"));
        c.add(new Case("random bytes", d -> top(d, random(4096, 1)), 2, "not a profile"));
        c.add(new Case("PNG image", d -> top(d, concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'},
                random(200, 2))), 2, "it is a PNG image"));
        c.add(new Case("JFR recording", d -> top(d, concat("FLR\0".getBytes(StandardCharsets.ISO_8859_1),
                new byte[] {0, 2, 0, 0}, random(200, 3))), 2, "corrupt or truncated Flight Recorder recording"));
        c.add(new Case("text file", d -> top(d, "hello\nworld\n".getBytes(StandardCharsets.UTF_8)), 2,
                "text starting with \"hello\""));
        // the JVM's standard output is searched for a class histogram: without one it is no profile, as before
        c.add(new Case("JVM output without class histogram", d -> top(d, ("2026-12-07 03:41:33\nFull thread dump OpenJDK"
                + " 64-Bit Server VM (17.0.15+6 mixed mode):\n\n\"main\" #1 prio=5 runnable\n" + "x".repeat(70_000) + "\n")
                .getBytes(StandardCharsets.UTF_8)), 2, "text starting with \"2026-12-07 03:41:33\" is in no format"));
        c.add(new Case("JVM output with a histogram that breaks off", d -> top(d, ("step 1\n num     #instances"
                + "         #bytes  class name\n----\n   1:   2   48  A\nstep 2\n").getBytes(StandardCharsets.UTF_8)), 2,
                "input.pb: line 5: malformed class histogram: expected a row"));
        for (int cut : new int[] {2, 5, 10, 30, -20, -8, -1}) {
            c.add(new Case("gzip truncated at " + cut, d -> top(d, truncate(gzip(validProfile().toByteArray()), cut)),
                    2, "truncated gzip data"));
        }
        c.add(new Case("gzip of garbage", d -> top(d, gzip(random(5000, 4))), 2, "not a profile"));
        c.add(new Case("gzip of a truncated profile", d -> top(d,
                gzip(truncate(validProfile().toByteArray(), 60))), 2, "truncated"));
        c.add(new Case("varint overflow", d -> top(d, concat(new byte[] {0x50},
                filled(11, (byte) 0xff), new byte[20])), 2, "malformed varint"));
        c.add(new Case("negative length", d -> top(d, concat(new byte[] {0x32},
                filled(9, (byte) 0xff), new byte[] {1})), 2, "negative length"));
        c.add(new Case("huge length", d -> top(d, concat(new byte[] {0x32, (byte) 0xfe, (byte) 0xff, (byte) 0xff,
                (byte) 0xff, 0x07}, random(100, 5))), 2, "truncated"));
        c.add(new Case("string index out of range", d -> top(d, edit(b -> b.setFunction(0,
                b.getFunction(0).toBuilder().setName(99)))), 2, "refers to string 99"));
        c.add(new Case("location id 0", d -> top(d, edit(b -> b.setLocation(0,
                b.getLocation(0).toBuilder().setId(0)))), 2, "reserved id 0"));
        c.add(new Case("location id missing", d -> top(d, edit(b -> b.setSample(0,
                b.getSample(0).toBuilder().setLocationId(0, 77)))), 2, "unknown location id 77"));
        c.add(new Case("function id missing", d -> top(d, edit(b -> b.setLocation(0,
                b.getLocation(0).toBuilder().setLine(0, ProfileProto.Line.newBuilder().setFunctionId(55))))),
                2, "unknown function id 55"));
        // pprof reads a mapping id that names no mapping as "no mapping"; so does leakscope.
        c.add(new Case("mapping id missing", d -> top(d, edit(b -> b.setLocation(0,
                b.getLocation(0).toBuilder().setMappingId(66)))), 0, "main.leaf"));
        c.add(new Case("duplicate function ids", d -> top(d, edit(b -> b.addFunction(b.getFunction(0)))), 2,
                "several functions with id 1"));
        c.add(new Case("duplicate location ids", d -> top(d, edit(b -> b.addLocation(b.getLocation(1)))), 2,
                "several locations with id 2"));
        c.add(new Case("more values than sample types", d -> top(d, edit(b -> b.setSample(0,
                b.getSample(0).toBuilder().addValue(5)))), 2, "has 3 values but the profile has 2 sample types"));
        c.add(new Case("zero sample types", d -> top(d, edit(b -> b.clearSampleType())), 2, "no sample types"));
        c.add(new Case("stack 100k deep", d -> top(d, deepStack(100_000)), 0, "100000"));
        c.add(new Case("stack over --max-stack-depth", d -> concat(top(d, deepStack(2_000)),
                new String[] {"--max-stack-depth=1000"}), 2, "raise it with --max-stack-depth"));
        c.add(new Case("labels over --max-labels", d -> concat(top(d, manyLabels(50)),
                new String[] {"--max-labels=10"}), 2, "raise it with --max-labels"));
        c.add(new Case("inline blow-up over --max-expansion", d -> top(d, inlineBlowUp(5_000, 200, 100)), 2,
                "raise the limit with --max-expansion"));
        c.add(new Case("drop_frames regex that backtracks", d -> top(d, edit(b -> b.setFunction(0,
                b.getFunction(0).toBuilder().setName(string(b, "a".repeat(40) + "!")))
                .setDropFrames(string(b, "((a+)+)+")))), 2, "catastrophic backtracking"));
        c.add(new Case("line break in a name quoted by an error", d -> {
            Files.write(d.resolve("a"), validProfile().toByteArray());
            Files.write(d.resolve("b"), edit(b -> b.setSampleType(0, valueType(b, "samples", "count"))
                    .setSampleType(1, valueType(b, "cpu\nINJECTED", "ns"))));
            return new String[] {"top", d.resolve("a").toString(), d.resolve("b").toString()};
        }, 2, "cpu\\nINJECTED"));
        c.add(new Case("samples crafted to collide in a 31-polynomial hash", d -> top(d, collidingSamples(9000)), 0,
                "Showing nodes"));
        c.add(new Case("addresses crafted to collide in Long.hashCode, merged", d -> {
            String[] args = top(d, collidingAddresses(60_000));
            return concat(args, new String[] {args[1], "-n", "3"});
        }, 0, "Showing nodes"));
        c.add(new Case("addresses crafted to collide, by address", d -> concat(top(d, collidingAddresses(60_000)),
                new String[] {"--granularity=addresses", "-n", "3"}), 0, "Showing nodes"));
        c.add(new Case("1 GB gzip bomb of zeros", d -> top(d, gzipBomb(false)), 2, "not a profile"));
        c.add(new Case("1 GB gzip bomb inside a field", d -> concat(top(d, gzipBomb(true)),
                new String[] {"--max-bytes=64MB", "--max-ratio=100000"}), 2, "raise the limit with --max-bytes"));
        c.add(new Case("directory", d -> new String[] {"top", d.toString()}, 2, "no profile in a directory"));
        c.add(new Case("unreadable file", d -> {
            Assumptions.assumeFalse("root".equals(System.getProperty("user.name")), "root reads any file");
            Path f = Files.write(d.resolve("p"), validProfile().toByteArray());
            Files.setPosixFilePermissions(f, java.util.Set.of());
            return new String[] {"top", f.toString()};
        }, 2, "permission denied"));
        c.add(new Case("file that fails to read", d -> new String[] {"top", "/proc/self/mem"}, 2, "cannot read"));
        c.add(new Case("missing file", d -> new String[] {"top", d.resolve("nope.pb.gz").toString()}, 2,
                "no such file"));
        c.add(new Case("FIFO", d -> {
            Path fifo = d.resolve("fifo");
            Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
            assertEquals(0, p.waitFor());
            Thread writer = new Thread(() -> {
                try (OutputStream o = Files.newOutputStream(fifo)) {
                    o.write(random(1000, 6));
                } catch (IOException ignored) {
                    // the reader gave up early: nothing to do
                }
            });
            writer.setDaemon(true);
            writer.start();
            return new String[] {"top", fifo.toString()};
        }, 2, "not a profile"));
        c.add(new Case("/dev/zero", d -> new String[] {"top", "/dev/zero"}, 2, "not a profile"));
        c.add(new Case("/dev/zero with pprof", d -> new String[] {"pprof", "-top", "/dev/zero"}, 1,
                "not a profile"));
        c.add(new Case("merge of mismatched sample types", d -> {
            Files.write(d.resolve("a"), validProfile().toByteArray());
            Files.write(d.resolve("b"), edit(b -> b.setSampleType(0, valueType(b, "samples", "count"))
                    .setSampleType(1, valueType(b, "cpu", "nanoseconds"))));
            return new String[] {"top", d.resolve("a").toString(), d.resolve("b").toString()};
        }, 2, "no sample type is common to all inputs"));
        binaries(c);
        injection(c);
        overflow(c);
        numericOptions(c);
        bombsAndMessages(c);
        hostile(c);
        return c.stream();
    }

    /** The report of the native heap profile when its binary cannot be used: its mapping's name, no frames. */
    private static final String UNSYMBOLIZED = "155.64MB 94.47% 94.47%   164.74MB   100%  [leaky_gperf_heapprof]";
    private static final String NOT_SYMBOLIZED = "Local symbolization failed for leaky_gperf_heapprof: open ";
    /** pprof's notice for the profile's unmapped addresses: what it says when the binary is used. */
    private static final String INCOMPLETE = "Some binary filenames not available. Symbolization may be incomplete.";

    /**
     * Broken binaries, given on the command line (pprof's first argument, when it is an ELF file) or named
     * by the profile's mapping: no frames from them, and the report as without them; pprof's notice where
     * it cannot open one (a binary whose DWARF is unreadable is used silently, without frames, as by pprof).
     * The binary file is named as the profile's binary, so the report is the same as without it.
     */
    private static void binaries(List<Case> c) {
        c.add(new Case("binary: ELF header cut after 20 bytes", d -> pprofTop(d,
                Arrays.copyOf(testBinary("store-dwarf4"), 20)), 0, UNSYMBOLIZED,
                NOT_SYMBOLIZED + "leaky_gperf_heapprof: unrecognized object file (file too short)\n"));
        c.add(new Case("binary: .debug_info scrambled", d -> {
            byte[] elf = testBinary("store-dwarf4");
            int[] info = section(elf, ".debug_info");
            byte[] noise = random(info[1], 7);
            System.arraycopy(noise, 0, elf, info[0], info[1]);
            return pprofTop(d, elf);
        }, 0, UNSYMBOLIZED, INCOMPLETE));
        for (long claim : new long[] {1L << 40, 0x70000000L}) {
            c.add(new Case("binary: compressed .debug_info claims " + claim + " bytes", d -> {
                byte[] elf = testBinary("store-dwarf5-zlib");
                java.nio.ByteBuffer.wrap(elf).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                        .putLong(section(elf, ".debug_info")[0] + 8, claim);
                return pprofTop(d, elf);
            }, 0, UNSYMBOLIZED, INCOMPLETE));
        }
        // pprof takes a first argument that is no object file for a profile; leakscope does too (one
        // that is not a regular file is not even opened), and leaves it out as pprof leaves out a
        // profile it cannot read of several
        c.add(new Case("binary: a directory", d -> new String[] {"pprof", "-top", Files.createDirectory(
                d.resolve("leaky_gperf_heapprof")).toString(), nativeProfile(d, "unused").toString()}, 0,
                "155.64MB 94.47% 94.47%   164.74MB   100%  [unused]", "leaky_gperf_heapprof: is a directory, not a profile\nFetched 1 source profiles out of 2\n"));
        c.add(new Case("binary: /dev/zero", d -> new String[] {"pprof", "-top", "/dev/zero",
                nativeProfile(d, "unused").toString()}, 0, "164.74MB   100%  [unused]", "/dev/zero: not a profile"));
        c.add(new Case("binary named by the mapping: cut after 20 bytes", d -> {
            Path binary = Files.write(d.resolve("leaky_gperf_heapprof"), Arrays.copyOf(testBinary("store-dwarf4"), 20));
            return new String[] {"pprof", "-top", nativeProfile(d, binary.toString()).toString()};
        }, 0, UNSYMBOLIZED, NOT_SYMBOLIZED + "leaky_gperf_heapprof: unrecognized object file (file too short)\n"));
        c.add(new Case("binary named by the mapping: a directory", d -> {
            Path binary = Files.createDirectory(d.resolve("leaky_gperf_heapprof"));
            return new String[] {"pprof", "-top", nativeProfile(d, binary.toString()).toString()};
        }, 0, UNSYMBOLIZED, NOT_SYMBOLIZED + "leaky_gperf_heapprof: unrecognized object file\n"));
        c.add(new Case("binary named by the mapping: /dev/zero", d -> new String[] {"pprof", "-top",
                nativeProfile(d, "/dev/zero").toString()}, 0, "100%  [zero]",
                "Local symbolization failed for zero: open /dev/zero: not a regular file\n"));
        c.add(new Case("binary named by the mapping: a NUL in its name", d -> {
            Files.write(d.resolve("p.pb"), edit(b -> b.addMapping(ProfileProto.Mapping.newBuilder().setId(1)
                    .setMemoryStart(0x1000).setMemoryLimit(0x2000).setFilename(string(b, "/tmp/a\0b")))
                    .setLocation(0, b.getLocation(0).toBuilder().setMappingId(1))));
            return new String[] {"pprof", "-top", d.resolve("p.pb").toString()};
        }, 0, "main.leaf", "Local symbolization failed for a\0b: open /tmp/a\0b: invalid argument\n"));
    }

    /** A name that retitles and clears a terminal, then forges a report row on a line of its own. */
    static final String HOSTILE = "\u001b]0;pwned\u0007\u001b[2Jmain.evil\n   999MB 99.99% 99.99%    999MB 99.99%  main.forged|x\u202e";
    /** How reports show it. */
    static final String ESCAPED = "\\u001b]0;pwned\\u0007\\u001b[2Jmain.evil\\n";

    /**
     * Control characters in every name a report may show (functions, files, labels, sample types,
     * mappings, comments, archive members): leakscope's own reports show them escaped in every format
     * (checked for every row: no control character but line ends in a report); {@code leakscope pprof}
     * into a pipe keeps pprof's bytes.
     */
    private static void injection(List<Case> c) {
        String[][] commands = {
            {"top"}, {"top", "--format=markdown"}, {"top", "--format=json"}, {"traces"},
            {"focus", "main.evil"}, {"focus", "main.evil", "--format=markdown"}, {"list", "main.evil"},
            {"info"},
        };
        for (String[] command : commands) {
            c.add(new Case("output injection: " + String.join(" ", command), d -> concat(command,
                    new String[] {hostileProfile(d, "a.pb", 1).toString()}), 0,
                    command[command.length - 1].equals("--format=json") ? "\\u001b]0;pwned" : "u001b]0;pwned"));
        }
        for (String format : new String[] {"text", "markdown", "json"}) {
            c.add(new Case("output injection: diff --format=" + format, d -> new String[] {"diff", "--format=" + format,
                    hostileProfile(d, "a.pb", 1).toString(), hostileProfile(d, "b.pb", 3).toString()}, 0, "pwned"));
            c.add(new Case("output injection: trend --format=" + format, d -> {
                for (int i = 1; i <= 4; i++) {
                    hostileProfile(d, "s" + i + ".pb", i);
                }
                return new String[] {"trend", "--format=" + format, d.resolve("s1.pb").toString(),
                    d.resolve("s2.pb").toString(), d.resolve("s3.pb").toString(), d.resolve("s4.pb").toString()};
            }, 0, "pwned"));
        }
        c.add(new Case("output injection: list of a source file", d -> {
            // every line of the source the samples point at is hostile (HOSTILE makes two)
            Files.writeString(d.resolve("src.go"), (HOSTILE + "\n").repeat(20));
            Files.write(d.resolve("a.pb"), edit(b -> b.setFunction(0, b.getFunction(0).toBuilder()
                    .setFilename(string(b, "src.go")))));
            return new String[] {"list", "--source-path", d.toString(), "main.leaf", d.resolve("a.pb").toString()};
        }, 0, "     11:\\u001b]0;pwned\\u0007\\u001b[2Jmain.evil\n"));
        c.add(new Case("output injection: archive member names", d -> {
            Path tar = d.resolve("in.tar");
            try (var out = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(
                    Files.newOutputStream(tar))) {
                out.setLongFileMode(org.apache.commons.compress.archivers.tar.TarArchiveOutputStream.LONGFILE_POSIX);
                for (int i = 1; i <= 3; i++) {
                    byte[] data = Files.readAllBytes(hostileProfile(d, "m.pb", i));
                    var e = new org.apache.commons.compress.archivers.tar.TarArchiveEntry("heap" + i + HOSTILE);
                    e.setSize(data.length);
                    out.putArchiveEntry(e);
                    out.write(data);
                    out.closeArchiveEntry();
                }
            }
            return new String[] {"info", tar.toString()};
        }, 0, "heap1\\u001b"));
        c.add(new Case("output injection: pprof into a pipe keeps pprof's bytes", d -> new String[] {"pprof", "-top",
                hostileProfile(d, "a.pb", 1).toString()}, 0, "\u001b]0;pwned\u0007\u001b[2Jmain.evil\n"));
    }

    /** Values whose sums wrap a long: an error, never a negative total. */
    private static void overflow(List<Case> c) {
        String tooBig = "add up beyond 2^63-1";
        c.add(new Case("overflow: two samples of 2^63-1", d -> top(d, maxSamples()), 2, tooBig));
        // info printed a wrapped total (-2B) with exit 0: the one command that skipped the exact sums
        c.add(new Case("overflow: two samples of 2^63-1, info", d -> new String[] {"info", top(d, maxSamples())[1]},
                2, tooBig));
        c.add(new Case("overflow: two samples of 2^63-1, info of a directory", d -> {
            Files.createDirectory(d.resolve("series"));
            Files.write(d.resolve("series/a.pb"), maxSamples());
            return new String[] {"info", d.resolve("series").toString()};
        }, 2, tooBig));
        c.add(new Case("overflow: two samples of 2^63-1, pprof", d -> new String[] {"pprof", "-top",
                top(d, maxSamples())[1]}, 2, tooBig));
        c.add(new Case("overflow: 2^63-1 in each of two merged profiles", d -> {
            Files.write(d.resolve("a"), edit(b -> b.setSample(0, b.getSample(0).toBuilder().setValue(1, Long.MAX_VALUE))));
            return new String[] {"top", d.resolve("a").toString(), d.resolve("a").toString()};
        }, 2, tooBig));
        c.add(new Case("overflow: diff of 2^63-1 against -2^63", d -> {
            Files.write(d.resolve("a"), edit(b -> b.setSample(0, b.getSample(0).toBuilder().setValue(1, Long.MAX_VALUE))));
            Files.write(d.resolve("b"), edit(b -> b.setSample(0, b.getSample(0).toBuilder().setValue(1, Long.MIN_VALUE))));
            return new String[] {"diff", d.resolve("b").toString(), d.resolve("a").toString()};
        }, 2, tooBig));
        // un-sampling scaled the values past 2^63-1 and printed the capped 8192PB with exit 0
        String unsampled = "heap profile: 1: 2 [3: 4] @ heap/1048576\n"
                + "9000000000000000: 9000000000000000000 [9000000000000000: 9000000000000000000] @ 0x1\n";
        c.add(new Case("overflow: un-sampling a legacy heap text", d -> top(d, unsampled.getBytes(StandardCharsets.US_ASCII)),
                2, "goes beyond 2^63-1; leakscope shows no value it cannot compute exactly"));
        c.add(new Case("overflow: un-sampling a legacy heap text, pprof", d -> new String[] {"pprof", "-top",
                top(d, unsampled.getBytes(StandardCharsets.US_ASCII))[1]}, 2, "goes beyond 2^63-1"));
        c.add(new Case("overflow: un-sampling a jemalloc heap profile", d -> top(d, ("heap_v2/524288\n"
                + "  t*: 1: 2 [1: 2]\n@ 0x1 0x2\n  t*: 99999999999999: 99999999999999999 [0: 0]\n")
                .getBytes(StandardCharsets.US_ASCII)), 2, "goes beyond 2^63-1"));
        c.add(new Case("overflow: contention count times the period", d -> top(d, ("--- contentionz 1 ---\n"
                + "cycles/second = 1000000000\nsampling period = 1000\n"
                + "100 9300000000000000 @ 0x1\n").getBytes(StandardCharsets.US_ASCII)), 2, "goes beyond 2^63-1"));
        c.add(new Case("overflow: legacy heap text", d -> top(d, ("heap profile: 2: 9223372036854775807 [2: 9223372036854775807] @ heap\n"
                + "1: 9223372036854775807 [1: 9223372036854775807] @ 0x1000\n"
                + "1: 9223372036854775807 [1: 9223372036854775807] @ 0x2000\n").getBytes(StandardCharsets.US_ASCII)),
                2, tooBig));
    }

    /** Numeric options: NaN, infinities, negatives and overflow are usage errors (exit 2, one line) everywhere. */
    private static void numericOptions(List<Case> c) {
        String[][] rows = {
            {"top --nodefraction NaN", "--nodefraction must be between 0 and 1, got NaN"},
            {"top --nodefraction Infinity", "--nodefraction must be between 0 and 1"},
            {"top --nodefraction -0.5", "--nodefraction must be between 0 and 1"},
            {"top --nodefraction 1e309", "--nodefraction must be between 0 and 1"},
            {"diff --nodefraction NaN B", "--nodefraction must be between 0 and 1, got NaN"},
            {"trend --nodefraction NaN B", "--nodefraction must be between 0 and 1, got NaN"},
            {"top -n -1", "--nodecount"},
            {"top -n 99999999999999999999", "is not an int"},
            {"focus -n NaN --base B main", "is not an int"},
            {"focus -n -3 --base B main", "--nodecount"},
            {"top --max-bytes NaN", "--max-bytes"},
            {"top --max-bytes -1", "--max-bytes"},
            {"top --max-bytes 1e309", "--max-bytes"},
            {"top --max-bytes 99999999999999999999", "--max-bytes"},
            {"top --max-members -1", "leakscope: --max-members must be 1 or more, not -1"},
            {"top --max-expansion 0", "leakscope: --max-expansion must be 1 or more, not 0"},
            {"top --max-ratio 0", "leakscope: --max-ratio must be 1 or more, not 0"},
            {"top --max-stack-depth 0", "leakscope: --max-stack-depth must be 1 or more, not 0"},
            {"top --max-labels -1", "leakscope: --max-labels must be 0 or more, not -1"},
            {"top --prune-from \\", "leakscope: parsing prune_from regexp: a trailing backslash escapes nothing in"},
            // checked whatever the format, as --timeout is without a URL (it was taken without --format markdown)
            {"top --max-chars -5", "leakscope: --max-chars must be 1 or more, not -5"},
            {"top --format markdown --max-chars 0", "leakscope: --max-chars must be 1 or more, not 0"},
            {"diff --max-chars 0 B", "leakscope: --max-chars must be 1 or more, not 0"},
            {"focus --max-chars -1 main", "leakscope: --max-chars must be 1 or more, not -1"},
            {"list --max-chars 0 main", "leakscope: --max-chars must be 1 or more, not 0"},
            {"traces --max-chars 0", "leakscope: --max-chars must be 1 or more, not 0"},
            {"info --format json --max-chars 0", "leakscope: --max-chars must be 1 or more, not 0"},
            {"trend --max-chars 0 B", "leakscope: --max-chars must be 1 or more, not 0"},
            {"top --seconds -1", "--seconds must be 0 or more"},
            {"top --timeout NaN", "--timeout: invalid duration 'NaN'"},
            {"top --timeout Infinity", "--timeout: invalid duration 'Infinity'"},
            {"top --timeout -1s", "--timeout: invalid duration '-1s'"},
            {"top --timeout 1e309", "--timeout: invalid duration '1e309'"},
            {"top --timeout 99999999999999999999h", "--timeout must be at most a year"},
            {"top --timeout 0", "--timeout must be more than 0"},
            {"diff --sampling-period NaN B", "--sampling-period"},
            {"diff --sampling-period -5 B", "--sampling-period"},
            // a period, limit or size of 0 was taken (a period of 0 as none given, a limit of 0 projected)
            {"diff --sampling-period 0 B", "leakscope: --sampling-period must be more than 0, got '0'"},
            {"diff --sampling-period 0KiB B", "leakscope: --sampling-period must be more than 0, got '0KiB'"},
            {"trend --limit 0 B", "leakscope: --limit must be more than 0, got '0'"},
            {"top --max-bytes 0", "leakscope: --max-bytes must be 1 or more, not 0"},
            {"top --seconds 31536001", "leakscope: --seconds must be at most a year (31536000), got 31536001"},
            {"diff --fail-on-growth NaN% B", "--fail-on-growth"},
            {"diff --fail-on-growth Infinity% B", "--fail-on-growth"},
            {"diff --fail-on-growth -5% B", "--fail-on-growth"},
            {"diff --fail-on-node-growth -1 B", "--fail-on-node-growth"},
            {"trend --limit -1 B", "--limit"},
            {"trend --fail-on-rate NaN/h B", "--fail-on-rate"},
            {"trend --fail-on-rate Infinity/h B", "--fail-on-rate"},
            {"trend --fail-on-rate -1MB/h B", "--fail-on-rate"},
            {"pprof -top -nodefraction=NaN", "invalid value \"NaN\" for flag -nodefraction: not a finite number"},
            {"pprof -top -nodefraction=-1", "for flag -nodefraction: must be between 0 and 1"},
            {"pprof -top -nodefraction=2", "for flag -nodefraction: must be between 0 and 1"},
            {"pprof -top -edgefraction=Infinity", "for flag -edgefraction: not a finite number"},
            {"pprof -top -divide_by=-1", "for flag -divide_by: must be more than 0"},
            {"pprof -top -divide_by=NaN", "for flag -divide_by: not a finite number"},
            {"pprof -top -divide_by=0x1p-2", "for flag -divide_by: not a finite number"},
            // what go tool pprof refuses too: in its words, with its exit code 1
            {"pprof -top -edgefraction=1e309", "invalid value \"1e309\" for flag -edgefraction: value out of range", "1"},
            {"pprof -top -divide_by=0", "zero divisor specified", "1"},
            {"pprof -top -divide_by=1d", "invalid value \"1d\" for flag -divide_by: parse error", "1"},
            {"pprof -top -nodecount=99999999999999999999", "invalid value \"99999999999999999999\" for flag -nodecount: value out of range", "1"},
            {"pprof -top -nodecount=1e3", "invalid value \"1e3\" for flag -nodecount: parse error", "1"},
            {"pprof -top -nodecount=09", "invalid value \"09\" for flag -nodecount: parse error", "1"},
            // an unknown unit was taken silently; go tool pprof takes any -unit word, and so does leakscope pprof
            {"top --unit zz", "--unit zz: unknown unit"},
            {"diff --unit zz B", "--unit zz: unknown unit"},
            {"pprof -top -unit=zz", "Showing nodes", "0"},
            {"top --unit GB", "Showing nodes", "0"},
            {"top --unit bytes", "Showing nodes", "0"},
        };
        for (String[] row : rows) {
            c.add(new Case("option: " + row[0], d -> {
                Path a = Files.write(d.resolve("a.pb"), validProfile().toByteArray());
                Path b = Files.write(d.resolve("b.pb"), validProfile().toByteArray());
                List<String> args = new ArrayList<>();
                for (String w : row[0].split(" ")) {
                    args.add(w.equals("B") ? a.toString() : w);
                }
                args.add(b.toString());
                return args.toArray(String[]::new);
            }, row.length > 2 ? Integer.parseInt(row[2]) : 2, row[1]));
        }
        c.add(new Case("option: collect --every 1e309", d -> new String[] {"collect", "--out", d.toString(),
                "--every", "1e309", "127.0.0.1:1"}, 2, "--every: invalid duration '1e309'"));
        c.add(new Case("option: collect --every 9000h", d -> new String[] {"collect", "--out", d.toString(),
                "--every", "9000h", "127.0.0.1:1"}, 2, "--every must be at most a year"));
        c.add(new Case("option: collect --count 1e3", d -> new String[] {"collect", "--out", d.toString(),
                "--count", "1e3", "127.0.0.1:1"}, 2, "is not an int"));
    }

    /** The findings of a hostile-input review: pprof's limits, stray control bytes, gzip tails, empty files. */
    private static void hostile(List<Case> c) {
        // leakscope pprof: its own limits exited 1 (as if pprof refused the input) and, of several inputs,
        // dropped the refused one with "Fetched 1 source profiles out of 2" and exit 0
        c.add(new Case("pprof: labels over --max-labels", d -> concat(new String[] {"pprof", "-top", "--max-labels=10"},
                new String[] {top(d, manyLabels(50))[1]}), 2, "raise it with --max-labels"));
        c.add(new Case("pprof: labels over --max-labels, one of two inputs", d -> {
            Path ok = Files.write(d.resolve("ok.pb"), validProfile().toByteArray());
            return new String[] {"pprof", "-top", "--max-labels=10", top(d, gzip(manyLabels(50)))[1], ok.toString()};
        }, 2, "raise it with --max-labels"));
        c.add(new Case("pprof: stack over --max-stack-depth, one of two inputs", d -> {
            Path ok = Files.write(d.resolve("ok.pb"), validProfile().toByteArray());
            return new String[] {"pprof", "-top", "--max-stack-depth=2", ok.toString(), top(d, deepStack(10))[1]};
        }, 2, "raise it with --max-stack-depth"));
        c.add(new Case("pprof: inline blow-up over --max-expansion", d -> new String[] {"pprof", "-top",
                top(d, inlineBlowUp(5_000, 200, 100))[1]}, 2, "raise the limit with --max-expansion"));
        // a text profile with one control byte was "unrecognised binary data"; go tool pprof reads it
        byte[] escHeap = ("heap profile: 1: 524288 [1: 524288] @ heap/1048576\n1: 524288 [1: 524288] @ 0x4bbb25\n"
                + "#\t0x4bbb24\tmain.a\u001bb+0x3c4\tf.go:1\n").getBytes(StandardCharsets.UTF_8);
        c.add(new Case("text: ESC in a symbol comment", d -> top(d, escHeap), 0, "main.a\\u001bb"));
        c.add(new Case("text: BEL in a symbol comment, pprof", d -> new String[] {"pprof", "-top", top(d,
                new String(escHeap, StandardCharsets.UTF_8).replace('\u001b', '\u0007').getBytes(StandardCharsets.UTF_8))[1]},
                0, "Showing nodes"));
        c.add(new Case("text: ESC in a memory map path", d -> top(d, ("heap profile: 1: 524288 [1: 524288] @ heap/1048576\n"
                + "1: 524288 [1: 524288] @ 0x400100\n\nMAPPED_LIBRARIES:\n"
                + "00400000-00500000 r-xp 00000000 08:01 1 /evil\u001b[1m\n").getBytes(StandardCharsets.UTF_8)), 0,
                "File: evil\\u001b[1m", "leakscope: warning: cannot symbolize evil\\u001b[1m: open /evil\\u001b[1m"));
        c.add(new Case("text: ESC in a goroutine dump", d -> top(d, ("goroutine 1 [running]:\nmain.main()\n\t/x.go:1 +0x1\n\n"
                + "goroutine 2 [chan send]:\nmain.f(\u001b)\n\t/y.go:2\ncreated by main.main in goroutine 1\n"
                + "\t/x.go:3 +0x2\n").getBytes(StandardCharsets.UTF_8)), 0, "main.f"));
        c.add(new Case("text: a heap header, then binary", d -> top(d, concat(
                "heap profile: 1: 2 [3: 4] @ heap/1048576\n".getBytes(StandardCharsets.US_ASCII), random(4096, 7))),
                2, "malformed heap profile line"));
        c.add(new Case("text: binary with a printable first line", d -> top(d, concat(
                "hello world\n".getBytes(StandardCharsets.US_ASCII), random(4096, 8))), 2, "unrecognised binary data"));
        // bytes after the gzip stream were ignored (a whole report, exit 0); go tool pprof: "gzip: invalid header"
        String trailing = "data after the end of the gzip stream";
        c.add(new Case("gzip with garbage appended", d -> top(d, concat(gzip(validProfile().toByteArray()),
                "garbage trailing data".getBytes(StandardCharsets.US_ASCII))), 2, trailing));
        c.add(new Case("gzip with 100 NULs appended", d -> top(d, concat(gzip(validProfile().toByteArray()),
                new byte[100])), 2, trailing));
        c.add(new Case("gzip with one byte appended", d -> top(d, concat(gzip(validProfile().toByteArray()),
                new byte[] {'x'})), 2, trailing));
        c.add(new Case("gzip with garbage appended, pprof", d -> new String[] {"pprof", "-top", top(d, concat(
                gzip(validProfile().toByteArray()), "garbage".getBytes(StandardCharsets.US_ASCII)))[1]}, 1, trailing));
        c.add(new Case("gzip of a profile in two members", d -> {
            byte[] p = validProfile().toByteArray();
            return top(d, concat(gzip(Arrays.copyOf(p, 20)), gzip(Arrays.copyOfRange(p, 20, p.length))));
        }, 0, "main.leaf"));
        c.add(new Case("gzip of a profile in two members, the second cut short", d -> {
            byte[] p = validProfile().toByteArray();
            return top(d, concat(gzip(Arrays.copyOf(p, 20)), truncate(gzip(Arrays.copyOfRange(p, 20, p.length)), -4)));
        }, 2, "truncated gzip data"));
        // an empty file (a failed `curl -o`) among snapshots aborted the command; a note beside them is skipped
        c.add(new Case("directory with an empty file", d -> {
            Path series = Files.createDirectory(d.resolve("series"));
            Files.write(series.resolve("heap_0.pb.gz"), gzip(validProfile().toByteArray()));
            Files.write(series.resolve("heap_1.pb.gz"), gzip(validProfile().toByteArray()));
            Files.write(series.resolve("heap_2.pb.gz"), new byte[0]);
            return new String[] {"top", series.toString()};
        }, 0, "main.leaf", "leakscope: warning: skipping series/heap_2.pb.gz: empty input, not a profile"));
        c.add(new Case("tar with an empty member", d -> {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(buf)) {
                addTarEntry(tar, "heap_0.pb", validProfile().toByteArray());
                addTarEntry(tar, "zero.pb", new byte[0]);
            }
            return top(d, buf.toByteArray());
        }, 0, "main.leaf", "leakscope: warning: skipping input.pb:zero.pb: empty input, not a profile"));
        c.add(new Case("directory with a truncated snapshot", d -> {
            Path series = Files.createDirectory(d.resolve("series"));
            Files.write(series.resolve("heap_0.pb.gz"), gzip(validProfile().toByteArray()));
            Files.write(series.resolve("heap_1.pb.gz"), truncate(gzip(validProfile().toByteArray()), -20));
            return new String[] {"top", series.toString()};
        }, 2, "truncated gzip data"));
    }

    /** Decompression bombs stopped by the ratio guard (--max-ratio) past 16 MiB, and messages that name things. */
    private static void bombsAndMessages(List<Case> c) {
        String ratio = "a decompression bomb? (raise the limit with --max-ratio)";
        c.add(new Case("gzip bomb of comment indexes (a valid repeated field)", d -> top(d,
                gzip(dev.leakscope.input.DecompressionTest.commentIndexes(24))), 2, ratio));
        c.add(new Case("zip member inflating 1000 times", d -> {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(buf)) {
                zip.putNextEntry(new java.util.zip.ZipEntry("heap.pb"));
                zip.write(new byte[24 << 20]);
                zip.closeEntry();
            }
            return top(d, buf.toByteArray());
        }, 2, "input.pb:heap.pb: inflates more than 200 times"));
        c.add(new Case("tar.gz holding a member of zeros", d -> top(d, gzip(tar("heap.pb", new byte[24 << 20]))), 2,
                ratio));
        c.add(new Case("tar holding a gzip bomb member", d -> top(d,
                tar("heap.pb.gz", gzip(dev.leakscope.input.DecompressionTest.commentIndexes(24)))), 2,
                "input.pb:heap.pb.gz: inflates more than 200 times"));
        c.add(new Case("truncated xz", d -> {
            byte[] xz = dev.leakscope.input.DecompressionTest.xz(validProfile().toByteArray());
            return top(d, truncate(xz, xz.length / 2));
        }, 2, "input.pb: truncated xz data"));
        c.add(new Case("no samples and no sample types", d -> top(d, ProfileProto.Profile.newBuilder()
                .addStringTable(ByteString.EMPTY).addStringTable(ByteString.copyFromUtf8("x")).build().toByteArray()), 2,
                "input.pb: profile has no samples"));
        c.add(new Case("a FIFO named twice (also through a link): it could be read only once", d -> {
            Path fifo = d.resolve("fifo");
            assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
            Files.createSymbolicLink(d.resolve("link"), fifo);
            return new String[] {"diff", fifo.toString(), d.resolve("link").toString()};
        }, 2, "link: a pipe or device can be read only once: name it at most once"));
        c.add(new Case("--binary on a directory", d -> concat(top(d, validProfile().toByteArray()),
                new String[] {"--binary", d.toString()}), 2, "a directory, not a regular file"));
        c.add(new Case("--binary on a FIFO", d -> {
            Path fifo = d.resolve("fifo");
            assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
            return concat(top(d, validProfile().toByteArray()), new String[] {"--binary", fifo.toString()});
        }, 2, "a FIFO, not a regular file"));
    }

    @org.junit.jupiter.api.Test
    void repeatedWarningsAreCappedWithACount() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(buf)) {
            for (int i = 0; i < 500; i++) {
                addTarEntry(tar, "notes-" + i + ".txt", "not a profile\n".getBytes(StandardCharsets.UTF_8));
            }
        }
        Files.write(dir.resolve("many.tar"), buf.toByteArray());
        Cli.Result r = Cli.run(dir, "trend", "many.tar");
        assertEquals(2, r.exitCode());
        List<String> lines = r.err().lines().toList();
        assertEquals(12, lines.size(), r.err());
        assertTrue(lines.get(0).startsWith("leakscope: warning: skipping many.tar:notes-0.txt: not a profile"), r.err());
        assertEquals("leakscope: warning: … and 490 more warnings like these", lines.get(10));
    }

    private static byte[] tar(String name, byte[] content) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(buf)) {
            addTarEntry(tar, name, content);
        }
        return buf.toByteArray();
    }

    private static void addTarEntry(org.apache.commons.compress.archivers.tar.TarArchiveOutputStream tar, String name,
                                    byte[] content) throws IOException {
        var e = new org.apache.commons.compress.archivers.tar.TarArchiveEntry(name);
        e.setSize(content.length);
        tar.putArchiveEntry(e);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    private static byte[] maxSamples() {
        return edit(b -> b.setSample(0, b.getSample(0).toBuilder().setValue(1, Long.MAX_VALUE))
                .setSample(1, b.getSample(1).toBuilder().setValue(1, Long.MAX_VALUE)));
    }

    /** The valid profile with HOSTILE in every string it shows, and its values times scale. */
    static Path hostileProfile(Path dir, String name, int scale) throws IOException {
        ProfileProto.Profile.Builder b = validProfile().toBuilder();
        long evil = string(b, HOSTILE);
        b.setFunction(0, b.getFunction(0).toBuilder().setName(evil).setFilename(evil));
        b.setSampleType(1, valueType(b, "inuse_space", "bytes"));
        b.addSampleType(valueType(b, "x" + HOSTILE, "count"));
        b.addMapping(ProfileProto.Mapping.newBuilder().setId(1).setMemoryStart(0x1000).setMemoryLimit(0x2000)
                .setFilename(evil).setBuildId(evil));
        b.addComment(evil);
        for (int i = 0; i < b.getSampleCount(); i++) {
            ProfileProto.Sample.Builder s = b.getSample(i).toBuilder();
            for (int v = 0; v < s.getValueCount(); v++) {
                s.setValue(v, s.getValue(v) * scale);
            }
            s.addValue(scale);
            s.addLabel(ProfileProto.Label.newBuilder().setKey(evil).setStr(evil));
            b.setSample(i, s);
        }
        b.setTimeNanos(1_700_000_000_000_000_000L + scale * 60_000_000_000L);
        return Files.write(dir.resolve(name), b.build().toByteArray());
    }

    /** pprof -top BINARY PROFILE, the binary written as the profile's binary file name. */
    private static String[] pprofTop(Path dir, byte[] binary) throws IOException {
        Path file = Files.write(dir.resolve("leaky_gperf_heapprof"), binary);
        return new String[] {"pprof", "-top", file.toString(), nativeProfile(dir, "unused").toString()};
    }

    /**
     * A native heap profile (gperftools text) whose only mappings are its binary's, named binary: the
     * libraries it also names may or may not be on this machine.
     */
    private static Path nativeProfile(Path dir, String binary) throws IOException {
        Path heap = dev.leakscope.TestData.corpus("native", "gperftools-heapprof", "cache-leak", "heap_5.heap");
        StringBuilder out = new StringBuilder();
        boolean mappings = false;
        for (String line : Files.readAllLines(heap)) {
            mappings |= line.equals("MAPPED_LIBRARIES:");
            if (!mappings || line.equals("MAPPED_LIBRARIES:")) {
                out.append(line).append('\n');
            } else if (line.endsWith("/leaky_gperf_heapprof")) {
                out.append(line, 0, line.lastIndexOf(' ') + 1).append(binary).append('\n');
            }
        }
        return Files.writeString(dir.resolve("heap.heap"), out);
    }

    private static byte[] testBinary(String name) throws IOException {
        try (java.io.InputStream in = BadInputMatrixTest.class.getResourceAsStream("/dev/leakscope/binary/" + name)) {
            return in.readAllBytes();
        }
    }

    /** The file offset and size of a section of a 64-bit little-endian ELF file. */
    private static int[] section(byte[] elf, String name) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(elf).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int shoff = (int) b.getLong(40);
        int shnum = b.getShort(60) & 0xffff;
        int names = (int) b.getLong(shoff + (b.getShort(62) & 0xffff) * 64 + 24);
        for (int i = 0; i < shnum; i++) {
            int h = shoff + i * 64;
            int at = names + b.getInt(h);
            int end = at;
            while (elf[end] != 0) {
                end++;
            }
            if (new String(elf, at, end - at, StandardCharsets.ISO_8859_1).equals(name)) {
                return new int[] {(int) b.getLong(h + 24), (int) b.getLong(h + 32)};
            }
        }
        throw new AssertionError("no section " + name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInput(Case c) throws Exception {
        String[] args = c.setup().prepare(dir);
        Cli.Result r = assertTimeoutPreemptively(HangGuard.LIMIT, () -> Cli.run(dir, args));
        assertEquals(c.exit(), r.exitCode(), r.err());
        if (c.notice() == null) {
            CleanOutcome.of(r);
        } else {
            String err = r.err().replace(dir + "/", "");
            assertTrue(err.startsWith(c.notice()), "expected '" + c.notice() + "' first in: " + err);
            assertFalse(r.err().contains("internal error") || r.err().contains("Exception"), r.err());
        }
        String text = c.exit() == 0 ? r.out() : r.err();
        assertTrue(text.contains(c.fragment()), "expected '" + c.fragment() + "' in: " + text);
        if (!args[0].equals("pprof")) {
            assertPrintable(r.out());
        }
    }

    /**
     * With {@code -Dleakscope.matrix.dump=DIR}, runs nothing: writes each case's inputs under DIR/NNN/ with
     * its name, expected exit code and command line (NUL-separated), so {@code scripts/bad-input-times.py}
     * can time every case as a whole process (DIR must not hold an earlier dump). The FIFO case is left out:
     * its writer lives in this JVM.
     */
    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "leakscope.matrix.dump", matches = ".+")
    void dumpCases() throws Exception {
        Path root = Path.of(System.getProperty("leakscope.matrix.dump"));
        Path done = root.resolve("complete");
        if (Files.exists(done)) {
            return; // -Dtest runs this in both surefire executions: the first one wrote everything
        }
        int n = 0;
        for (Case c : cases().filter(c -> !c.name().equals("FIFO")).toList()) {
            Path d = Files.createDirectories(root.resolve(String.format("%03d", ++n)));
            String[] args;
            try {
                args = c.setup().prepare(d);
            } catch (org.opentest4j.TestAbortedException skipped) {
                continue;
            }
            Files.writeString(d.resolve("case.name"), c.name());
            Files.writeString(d.resolve("case.exit"), Integer.toString(c.exit()));
            Files.writeString(d.resolve("case.args"), String.join("\0", args));
        }
        Files.createFile(done);
    }

    /** No control character from a profile in a report: only line ends, and no forged row. */
    static void assertPrintable(String report) {
        String lines = report.replace("\n", "");
        assertEquals(lines, dev.leakscope.util.Printable.of(lines),
                () -> "raw control character in: " + dev.leakscope.util.Printable.of(report));
        assertFalse(report.contains("\n   999MB"), "a name forged a row: " + report);
    }

    // ---- inputs

    private static String[] top(Path dir, byte[] content) throws IOException {
        Path f = Files.write(dir.resolve("input.pb"), content);
        return new String[] {"top", f.toString()};
    }

    /** A small valid profile: two sample types, main.root → main.mid → main.leaf. */
    static ProfileProto.Profile validProfile() {
        ProfileProto.Profile.Builder b = ProfileProto.Profile.newBuilder();
        b.addStringTable(ByteString.EMPTY);
        b.addSampleType(valueType(b, "alloc_space", "bytes"));
        b.addSampleType(valueType(b, "inuse_space", "bytes"));
        String[] names = {"main.leaf", "main.mid", "main.root"};
        for (int i = 0; i < names.length; i++) {
            b.addFunction(ProfileProto.Function.newBuilder().setId(i + 1).setName(string(b, names[i])));
            b.addLocation(ProfileProto.Location.newBuilder().setId(i + 1).setAddress(0x1000 + i)
                    .addLine(ProfileProto.Line.newBuilder().setFunctionId(i + 1).setLine(10 + i)));
        }
        b.addSample(ProfileProto.Sample.newBuilder().addAllLocationId(List.of(1L, 2L, 3L)).addValue(100).addValue(50));
        b.addSample(ProfileProto.Sample.newBuilder().addAllLocationId(List.of(2L, 3L)).addValue(10).addValue(5));
        return b.build();
    }

    private static byte[] edit(UnaryOperator<ProfileProto.Profile.Builder> change) {
        return change.apply(validProfile().toBuilder()).build().toByteArray();
    }

    private static ProfileProto.ValueType valueType(ProfileProto.Profile.Builder b, String type, String unit) {
        return ProfileProto.ValueType.newBuilder().setType(string(b, type)).setUnit(string(b, unit)).build();
    }

    private static long string(ProfileProto.Profile.Builder b, String s) {
        b.addStringTable(ByteString.copyFromUtf8(s));
        return b.getStringTableCount() - 1;
    }

    /** One sample whose stack holds depth distinct functions, each called once. */
    private static byte[] deepStack(int depth) {
        ProfileProto.Profile.Builder b = ProfileProto.Profile.newBuilder();
        b.addStringTable(ByteString.EMPTY);
        b.addSampleType(valueType(b, "inuse_space", "bytes"));
        ProfileProto.Sample.Builder s = ProfileProto.Sample.newBuilder().addValue(depth);
        for (int i = 1; i <= depth; i++) {
            b.addFunction(ProfileProto.Function.newBuilder().setId(i).setName(string(b, "f" + i)));
            b.addLocation(ProfileProto.Location.newBuilder().setId(i)
                    .addLine(ProfileProto.Line.newBuilder().setFunctionId(i)));
            s.addLocationId(i);
        }
        return b.addSample(s).build().toByteArray();
    }

    private static byte[] manyLabels(int labels) {
        ProfileProto.Profile.Builder b = validProfile().toBuilder();
        ProfileProto.Sample.Builder s = b.getSample(0).toBuilder();
        long key = string(b, "k");
        for (int i = 0; i < labels; i++) {
            s.addLabel(ProfileProto.Label.newBuilder().setKey(key).setNum(i));
        }
        return b.setSample(0, s).build().toByteArray();
    }

    /** One location with many inlined frames, named many times by each sample: tiny input, huge work. */
    private static byte[] inlineBlowUp(int lines, int samples, int references) {
        ProfileProto.Profile.Builder b = ProfileProto.Profile.newBuilder();
        b.addStringTable(ByteString.EMPTY);
        b.addSampleType(valueType(b, "inuse_space", "bytes"));
        b.addFunction(ProfileProto.Function.newBuilder().setId(1).setName(string(b, "f")));
        ProfileProto.Location.Builder l = ProfileProto.Location.newBuilder().setId(1);
        for (int i = 0; i < lines; i++) {
            l.addLine(ProfileProto.Line.newBuilder().setFunctionId(1));
        }
        b.addLocation(l);
        for (int n = 0; n < samples; n++) {
            ProfileProto.Sample.Builder s = ProfileProto.Sample.newBuilder().addValue(1);
            for (int i = 0; i < references; i++) {
                s.addLocationId(1);
            }
            b.addSample(s);
        }
        return b.build().toByteArray();
    }

    /**
     * Locations 1..n, each first named alone by a sample in that order (so that merging keeps their
     * order), then every 3-frame stack (a, b, c) with 961a + 31b + c equal to one value: all these
     * samples have the same hash h = h*31 + x, which made merging them quadratic.
     */
    private static byte[] collidingSamples(int n) {
        ProfileProto.Profile.Builder b = ProfileProto.Profile.newBuilder();
        b.addStringTable(ByteString.EMPTY);
        b.addSampleType(valueType(b, "inuse_space", "bytes"));
        b.addFunction(ProfileProto.Function.newBuilder().setId(1).setName(string(b, "f")));
        for (int i = 1; i <= n; i++) {
            b.addLocation(ProfileProto.Location.newBuilder().setId(i).setAddress(i)
                    .addLine(ProfileProto.Line.newBuilder().setFunctionId(1)));
            b.addSample(ProfileProto.Sample.newBuilder().addLocationId(i).addValue(1));
        }
        long target = 993L * (n / 2);
        for (long x = 0; x < n; x++) {
            for (long y = 0; y < n; y++) {
                long z = target - 961 * x - 31 * y;
                if (z >= 0 && z < n) {
                    b.addSample(ProfileProto.Sample.newBuilder().addAllLocationId(List.of(x + 1, y + 1, z + 1))
                            .addValue(1));
                }
            }
        }
        return b.build().toByteArray();
    }

    /**
     * Locations whose addresses k * (2^32 + 1) all have the Long.hashCode 0, each in a sample: with
     * Java's own hashes, the merge's and the graph's hash maps degrade to lists and go quadratic.
     */
    private static byte[] collidingAddresses(int n) {
        ProfileProto.Profile.Builder b = ProfileProto.Profile.newBuilder();
        b.addStringTable(ByteString.EMPTY);
        b.addSampleType(valueType(b, "inuse_space", "bytes"));
        b.addFunction(ProfileProto.Function.newBuilder().setId(1).setName(string(b, "f")));
        for (int i = 1; i <= n; i++) {
            b.addLocation(ProfileProto.Location.newBuilder().setId(i).setAddress(i * ((1L << 32) + 1))
                    .addLine(ProfileProto.Line.newBuilder().setFunctionId(1)));
            b.addSample(ProfileProto.Sample.newBuilder().addLocationId(i).addValue(i));
        }
        return b.build().toByteArray();
    }

    /**
     * 1 GiB of zeros once decompressed, as 1024 concatenated gzip members of 1 MiB each (cheap to make).
     * In a field: the zeros are the content of an unknown length-delimited field, which the decoder
     * skips through, so only the byte limit stops it.
     */
    private static byte[] gzipBomb(boolean inField) throws IOException {
        byte[] member = gzip(new byte[1 << 20]);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (inField) {
            // field 100, wire type 2, length 1 GiB
            out.write(gzip(concat(new byte[] {(byte) 0xa2, 0x06, (byte) 0x80, (byte) 0x80, (byte) 0x80,
                    (byte) 0x80, 0x04}, new byte[1 << 20])));
        }
        for (int i = 0; i < 1024; i++) {
            out.write(member);
        }
        return out.toByteArray();
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    /** The first n bytes, or with n negative, all but the last -n. */
    private static byte[] truncate(byte[] b, int n) {
        int length = n >= 0 ? n : b.length + n;
        assertTrue(length > 0 && length < b.length, "cut " + n + " of " + b.length + " bytes");
        return Arrays.copyOf(b, length);
    }

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static byte[] filled(int n, byte v) {
        byte[] b = new byte[n];
        Arrays.fill(b, v);
        return b;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
