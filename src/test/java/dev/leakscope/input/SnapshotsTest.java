package dev.leakscope.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakscope.Cli;
import dev.leakscope.TestData;
import dev.leakscope.proto.ProfileProto;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import dev.leakscope.profile.Profile;

/**
 * Directories and archives of snapshots, built at test time from the map-cache series: every kind
 * and codec reads like the files themselves; order, warnings, limits; diff, trend and info on them.
 */
class SnapshotsTest {
    private static final Path SERIES = TestData.corpus("go", "map-cache");

    @TempDir
    Path tmp;

    /** The archive kinds: tar, bare or compressed with each codec, and zip. */
    enum Kind {
        TAR(null), TAR_GZIP(Decompression.Codec.GZIP), TAR_ZSTD(Decompression.Codec.ZSTD),
        TAR_XZ(Decompression.Codec.XZ), TAR_BZIP2(Decompression.Codec.BZIP2), ZIP(null);

        final Decompression.Codec codec;

        Kind(Decompression.Codec codec) {
            this.codec = codec;
        }
    }

    static byte[] archive(Kind kind, Map<String, byte[]> members) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        if (kind == Kind.ZIP) {
            try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(buf)) {
                for (var m : members.entrySet()) {
                    zip.putArchiveEntry(new ZipArchiveEntry(m.getKey()));
                    zip.write(m.getValue());
                    zip.closeArchiveEntry();
                }
            }
            return buf.toByteArray();
        }
        OutputStream out = kind.codec == null ? buf : DecompressionTest.compressor(kind.codec, buf);
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            for (var m : members.entrySet()) {
                TarArchiveEntry e = new TarArchiveEntry(m.getKey());
                e.setSize(m.getValue().length);
                tar.putArchiveEntry(e);
                tar.write(m.getValue());
                tar.closeArchiveEntry();
            }
        }
        return buf.toByteArray();
    }

    private static byte[] read(String file) throws IOException {
        return Files.readAllBytes(SERIES.resolve(file));
    }

    /** heap_0 … heap_5 of map-cache, under their own names. */
    private static Map<String, byte[]> series() throws IOException {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (int k = 0; k <= 5; k++) {
            m.put("series/heap_" + k + ".pb.gz", read("heap_" + k + ".pb.gz"));
        }
        return m;
    }

    private static String[] seriesFiles(String... more) {
        List<String> files = new ArrayList<>();
        for (int k = 0; k <= 5; k++) {
            files.add("heap_" + k + ".pb.gz");
        }
        files.addAll(List.of(more));
        return files.toArray(new String[0]);
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = tmp.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private static String[] with(String[] files, String... head) {
        String[] all = new String[head.length + files.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(files, 0, all, head.length, files.length);
        return all;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void everyArchiveKindMergesLikeTheFilesThemselves(Kind kind) throws IOException {
        Map<String, byte[]> members = series();
        members.put("series/heap_5.txt", read("heap_5.txt"));
        write("snapshots", archive(kind, members)); // no extension: detection is by content
        Cli.Result files = Cli.run(SERIES, with(seriesFiles("heap_5.txt"), "top", "-n", "5"));
        Cli.Result packed = Cli.run(tmp, "top", "-n", "5", "snapshots");
        assertEquals(0, files.exitCode(), files.err());
        assertEquals(0, packed.exitCode(), packed.err());
        assertEquals("", packed.err());
        assertEquals(files.out(), packed.out());
        assertTrue(packed.out().contains("cache.buildTree"), packed.out());
    }

    @Test
    void directoryAndStandardInputToo() throws IOException {
        Cli.Result files = Cli.run(SERIES, with(seriesFiles(), "traces"));
        Path dir = Files.createDirectory(tmp.resolve("dir"));
        for (var m : series().entrySet()) {
            Files.write(dir.resolve(Path.of(m.getKey()).getFileName()), m.getValue());
        }
        Cli.Result fromDir = Cli.run(tmp, "traces", "dir");
        assertEquals(0, fromDir.exitCode(), fromDir.err());
        assertEquals(files.out(), fromDir.out());
        byte[] tgz = archive(Kind.TAR_GZIP, series());
        Cli.Result fromStdin = Cli.run(tmp, new ByteArrayInputStream(tgz), "traces", "-");
        assertEquals(0, fromStdin.exitCode(), fromStdin.err());
        assertEquals(files.out(), fromStdin.out());
    }

    @Test
    void diffOfAnArchiveComparesItsOldestWithItsNewest() throws IOException {
        // Names against time: the order must come from time_nanos.
        Map<String, byte[]> members = new LinkedHashMap<>();
        for (int k = 0; k <= 5; k++) {
            members.put("z" + (9 - k) + ".pb.gz", read("heap_" + k + ".pb.gz"));
        }
        write("series.tar.xz", archive(Kind.TAR_XZ, members));
        Cli.Result pair = Cli.run(SERIES, "diff", "heap_0.pb.gz", "heap_5.pb.gz");
        Cli.Result packed = Cli.run(tmp, "diff", "series.tar.xz");
        assertEquals(0, packed.exitCode(), packed.err());
        assertTrue(packed.out().startsWith("Base:    series.tar.xz:z9.pb.gz (1399 bytes, ")
                && packed.out().contains("\nCurrent: series.tar.xz:z4.pb.gz (2160 bytes, "), packed.out());
        assertEquals(withoutInputs(pair.out()), withoutInputs(packed.out()));
        assertEquals(2, Cli.run(tmp, "diff", "--max-members", "1", "series.tar.xz").exitCode());
    }

    private static String withoutInputs(String report) {
        return report.lines().filter(l -> !l.startsWith("Base:") && !l.startsWith("Current:"))
                .reduce("", (a, b) -> a + b + "\n");
    }

    @Test
    void trendOfAnArchiveEqualsTrendOfTheDirectory() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("dir"));
        for (var m : series().entrySet()) {
            Files.write(dir.resolve(Path.of(m.getKey()).getFileName()), m.getValue());
        }
        write("series.zip", archive(Kind.ZIP, series()));
        Cli.Result fromDir = Cli.run(tmp, "trend", "--ascii", "dir");
        Cli.Result fromZip = Cli.run(tmp, "trend", "--ascii", "series.zip");
        assertEquals(0, fromZip.exitCode(), fromZip.err());
        assertTrue(fromZip.out().contains("Snapshots: 6, ordered by time"), fromZip.out());
        assertEquals(fromDir.out(), fromZip.out());
    }

    @Test
    void withoutTimestampsMembersAreInNaturalNameOrder() throws IOException {
        Map<String, byte[]> members = new LinkedHashMap<>();
        String[] names = {"heap_10.pb.gz", "heap_9.pb.gz", "heap_2.pb.gz"};
        for (int i = 0; i < names.length; i++) {
            members.put(names[i], withoutTime(read("heap_" + (2 - i) * 2 + ".pb.gz")));
        }
        write("untimed.tgz", archive(Kind.TAR_GZIP, members));
        Cli.Result info = Cli.run(tmp, "info", "untimed.tgz");
        assertEquals(0, info.exitCode(), info.err());
        List<String> lines = info.out().lines().toList();
        assertEquals("Profiles:    3, in name order (no profile has a timestamp of its own)", lines.get(1));
        assertTrue(lines.get(5).endsWith("untimed.tgz:heap_2.pb.gz") && lines.get(6).endsWith("heap_9.pb.gz")
                && lines.get(7).endsWith("heap_10.pb.gz"), info.out());
        Cli.Result trend = Cli.run(tmp, "trend", "untimed.tgz");
        assertTrue(trend.out().contains("Snapshots: 3, in name order"), trend.out());
        // heap_2 holds heap_4, heap_9 heap_2, heap_10 heap_0: the oldest by name is the biggest
        Cli.Result diff = Cli.run(tmp, "diff", "untimed.tgz");
        assertTrue(diff.out().contains("Base:    untimed.tgz:heap_2.pb.gz")
                && diff.out().contains("Current: untimed.tgz:heap_10.pb.gz"), diff.out());
    }

    private static byte[] withoutTime(byte[] gz) throws IOException {
        ProfileProto.Profile p;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            p = ProfileProto.Profile.parseFrom(in).toBuilder().clearTimeNanos().build();
        }
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(buf)) {
            p.writeTo(out);
        }
        return buf.toByteArray();
    }

    @Test
    void infoListsTheMembersInTimeOrder() throws IOException {
        Map<String, byte[]> members = series();
        members.put("README", "notes\n".getBytes());
        write("series.tar.zst", archive(Kind.TAR_ZSTD, members));
        Cli.Result r = Cli.run(tmp, "info", "series.tar.zst");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("leakscope: warning: skipping series.tar.zst:README: not a profile: text starting with \"notes\" is in"
                + " no format leakscope knows\n", r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).matches("Input:       series.tar.zst \\(\\d+ bytes\\), a tar archive \\(zstd\\)"),
                lines.get(0));
        assertEquals("Profiles:    6 (1 entry skipped), ordered by time (time_nanos)", lines.get(1));
        assertEquals("Time:        2026-11-21 13:49:49.680 UTC to 2026-11-21 13:49:49.948 UTC (268.068805ms)",
                lines.get(2));
        assertEquals("#  time                         alloc_objects  alloc_space  inuse_objects  inuse_space  name",
                lines.get(5));
        assertEquals("1  2026-11-21 13:49:49.680 UTC         122885      12.39MB         110486          8MB"
                + "  series.tar.zst:series/heap_0.pb.gz", lines.get(6));
        assertTrue(lines.get(11).startsWith("6  2026-11-21 13:49:49.948 UTC         626623      62.63MB")
                && lines.get(11).endsWith("40MB  series.tar.zst:series/heap_5.pb.gz"), lines.get(11));
        assertEquals(12, lines.size(), r.out());
    }

    @Test
    void archivesWithoutAProfileAreAnError() throws IOException {
        write("notes.zip", archive(Kind.ZIP, Map.of("notes.txt", "hello\n".getBytes())));
        Cli.Result r = Cli.run(tmp, "top", "notes.zip");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().endsWith("leakscope: notes.zip: no profile in a zip archive: its only file is not one\n"),
                r.err());
        write("empty.zip", archive(Kind.ZIP, Map.of()));
        Cli.Result empty = Cli.run(tmp, "top", "empty.zip");
        assertEquals("leakscope: empty.zip: no profile in a zip archive: it holds no files\n", empty.err());
        write("empty.tar", archive(Kind.TAR, Map.of()));
        Cli.Result emptyTar = Cli.run(tmp, "info", "empty.tar");
        assertEquals(2, emptyTar.exitCode());
        assertTrue(emptyTar.err().startsWith("leakscope: empty.tar: not a profile: only zero bytes (an empty tar"
                + " archive looks like this)"), emptyTar.err());
    }

    @Test
    void nonProfilesAndNestedArchivesAreSkippedWithAWarning() throws IOException {
        Map<String, byte[]> members = series();
        members.put("notes.txt", "hello\n".getBytes());
        members.put("inner.zip", archive(Kind.ZIP, series()));
        write("outer.tgz", archive(Kind.TAR_GZIP, members));
        Cli.Result r = Cli.run(tmp, "top", "outer.tgz");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("leakscope: warning: skipping outer.tgz:notes.txt: not a profile: text starting with \"hello\" is in no"
                + " format leakscope knows\n"
                + "leakscope: warning: skipping outer.tgz:inner.zip: a zip archive (archives inside an archive are not"
                + " expanded)\n", r.err());
        assertEquals(Cli.run(SERIES, with(seriesFiles(), "top")).out(), r.out());
    }

    @Test
    void memberCountIsBounded() throws IOException {
        write("series.tar", archive(Kind.TAR, series()));
        Cli.Result r = Cli.run(tmp, "top", "--max-members", "5", "series.tar");
        assertEquals(2, r.exitCode());
        assertEquals("leakscope: series.tar: more than 5 files (raise the limit with --max-members)\n", r.err());
        assertEquals(0, Cli.run(tmp, "top", "--max-members", "6", "series.tar").exitCode());
        Path dir = Files.createDirectory(tmp.resolve("dir"));
        for (int i = 0; i < 3; i++) {
            Files.write(dir.resolve("f" + i), new byte[1]);
        }
        assertEquals("leakscope: dir: more than 2 files (raise the limit with --max-members)\n",
                Cli.run(tmp, "trend", "--max-members", "2", "dir").err());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void bombGuardHoldsForMembersAndForTheWholeArchive(Kind kind) throws IOException {
        // One member that expands past the limit (empty string-table entries: a profile.proto that
        // must be read to its end)...
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bomb)) {
            byte[] emptyStrings = new byte[8 << 20];
            for (int i = 0; i < emptyStrings.length; i += 2) {
                emptyStrings[i] = 0x32;
            }
            out.write(emptyStrings);
        }
        write("bomb", archive(kind, Map.of("heap_0.pb.gz", read("heap_0.pb.gz"), "x.gz", bomb.toByteArray())));
        Cli.Result r = Cli.run(tmp, "top", "--max-bytes=1MiB", "bomb");
        assertEquals(2, r.exitCode());
        assertEquals("leakscope: bomb:x.gz: more than 1048576 bytes after decompression (raise the limit with"
                + " --max-bytes)\n", r.err());
        // ...and members each under the limit that together pass it.
        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i < 4; i++) {
            many.put("m" + i, new byte[400 << 10]);
        }
        write("many", archive(kind, many));
        Cli.Result total = Cli.run(tmp, "top", "--max-bytes=1MiB", "many");
        assertEquals(2, total.exitCode());
        // (the first members, zeros, are skipped as not profiles before the limit is reached)
        assertTrue(total.err().endsWith("\nleakscope: many: more than 1048576 bytes after decompression (raise"
                + " the limit with --max-bytes)\n"), total.err());
    }

    @Test
    void tarLinksAndDevicesAreSkippedAsWhatTheyAre() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(buf)) {
            for (int k : new int[] {0, 5}) {
                byte[] data = read("heap_" + k + ".pb.gz");
                TarArchiveEntry e = new TarArchiveEntry("heap_" + k + ".pb.gz");
                e.setSize(data.length);
                tar.putArchiveEntry(e);
                tar.write(data);
                tar.closeArchiveEntry();
            }
            TarArchiveEntry link = new TarArchiveEntry("sym.pb.gz", org.apache.commons.compress.archivers.tar.TarConstants.LF_SYMLINK);
            link.setLinkName("heap_0.pb.gz");
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
            tar.putArchiveEntry(new TarArchiveEntry("fifo", org.apache.commons.compress.archivers.tar.TarConstants.LF_FIFO));
            tar.closeArchiveEntry();
        }
        write("links.tar", buf.toByteArray());
        Cli.Result r = Cli.run(tmp, "info", "links.tar");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("leakscope: warning: skipping links.tar:sym.pb.gz: a link\nleakscope: warning: skipping links.tar:fifo: not a file\n",
                r.err());
    }

    /** A tar cut inside a member's header lost that member silently: a trend of one snapshot fewer. */
    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"TAR", "TAR_GZIP"})
    void aTarCutInsideAHeaderIsCorrupt(Kind kind) throws IOException {
        byte[] whole = archive(Kind.TAR, series());
        // the last member's header starts after the others' headers and contents (each whole 512-byte blocks)
        int last = -1;
        for (int at = 0; at < whole.length; at += 512) {
            if (new String(whole, at, 20, java.nio.charset.StandardCharsets.US_ASCII).equals("series/heap_5.pb.gz\0")) {
                last = at;
            }
        }
        assertTrue(last > 0);
        byte[] cut = Arrays.copyOf(whole, last + 300);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (kind == Kind.TAR_GZIP) {
            try (OutputStream gz = new GZIPOutputStream(out)) {
                gz.write(cut);
            }
        } else {
            out.write(cut);
        }
        write("cut", out.toByteArray());
        Cli.Result r = Cli.run(tmp, "trend", "cut");
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertEquals("leakscope: cut: corrupt tar archive: it ends inside the header of a member (cut short?)\n", r.err());
    }

    /** Zip members each under the ratio floor that together inflate past --max-ratio times the archive. */
    @Test
    void zipMembersTogetherAreHeldToTheRatioOfTheArchive() throws IOException {
        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i < 40; i++) {
            many.put("m" + i, new byte[1 << 20]); // deflates to about 1 kB
        }
        write("many.zip", archive(Kind.ZIP, many));
        Cli.Result r = Cli.run(tmp, "info", "many.zip");
        assertEquals(2, r.exitCode(), r.err());
        // (the members read before, zeros, are skipped as not profiles)
        assertTrue(r.err().contains("\nleakscope: many.zip: inflates more than 200 times ("), r.err());
        assertTrue(r.err().endsWith(" (raise the limit with --max-ratio)\n"), r.err());
    }

    @Test
    void aZipMemberWhoseContentDoesNotMatchItsCrcIsCorrupt() throws IOException {
        byte[] zip = archive(Kind.ZIP, Map.of("heap_5.pb.gz", read("heap_5.pb.gz")));
        // the member is stored (gzip does not deflate): flip a byte of its content past the gzip header
        int at = indexOf(zip, read("heap_5.pb.gz")) + 100;
        zip[at] ^= 0x01;
        write("bad.zip", zip);
        Cli.Result r = Cli.run(tmp, "info", "bad.zip");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("bad.zip:heap_5.pb.gz: corrupt zip archive: its content does not match its"
                + " CRC-32"), r.err());
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (java.util.Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }

    /**
     * A snapshot cut short (an upload that broke off) stops the command: skipped, diff DIR would compare
     * the wrong pair and trend would run one snapshot short, both with exit 0. Notes beside the
     * snapshots are still skipped.
     */
    @Test
    void aCorruptSnapshotInADirectoryOrArchiveIsAnError() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("dir"));
        for (int k = 0; k <= 4; k++) {
            Files.copy(SERIES.resolve("heap_" + k + ".pb.gz"), dir.resolve("heap_" + k + ".pb.gz"));
        }
        Files.write(dir.resolve("heap_5.pb.gz"), Arrays.copyOf(read("heap_5.pb.gz"), 900));
        Files.writeString(dir.resolve("NOTES.txt"), "taken during the incident\n");
        Map<String, byte[]> cut = series();
        cut.put("series/heap_5.pb.gz", Arrays.copyOf(read("heap_5.pb.gz"), 900));
        write("series.tgz", archive(Kind.TAR_GZIP, cut));
        for (String[] args : List.of(new String[] {"diff", "--fail-on-growth", "400%", "dir"}, new String[] {"trend", "dir"},
                new String[] {"info", "dir"}, new String[] {"trend", "series.tgz"})) {
            Cli.Result r = Cli.run(tmp, args);
            assertEquals(2, r.exitCode(), r.err());
            assertEquals("", r.out());
            assertTrue(r.err().contains("heap_5.pb.gz: truncated gzip data"), r.err());
        }
        // the same, cut inside its protobuf (raw, or with whole gzip around it)
        Files.delete(dir.resolve("heap_5.pb.gz"));
        byte[] message = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(read("heap_5.pb.gz"))).readAllBytes();
        Files.write(dir.resolve("heap_5.pb"), Arrays.copyOf(message, message.length / 2));
        Cli.Result raw = Cli.run(tmp, "diff", "dir");
        assertEquals(2, raw.exitCode(), raw.err());
        assertTrue(raw.err().contains("heap_5.pb: a profile.proto message that cannot be read to its end"), raw.err());
        Files.delete(dir.resolve("heap_5.pb"));
        Cli.Result r = Cli.run(tmp, "trend", "dir");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("skipping dir/NOTES.txt: not a profile"), r.err());
    }

    /** Links out of a directory are not followed; a link to one of its files would read that snapshot twice. */
    @Test
    void linksOutOfADirectoryOrToOneOfItsFilesAreSkipped() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("dir"));
        Files.copy(SERIES.resolve("heap_0.pb.gz"), dir.resolve("heap_1.pb.gz"));
        Files.copy(SERIES.resolve("heap_5.pb.gz"), dir.resolve("heap_5.pb.gz"));
        // named to come first: the file itself is read, whatever the order of names
        Files.createSymbolicLink(dir.resolve("heap_0.pb.gz"), dir.resolve("heap_1.pb.gz"));
        Files.createSymbolicLink(dir.resolve("outside.pb.gz"), SERIES.resolve("heap_5.pb.gz"));
        Cli.Result r = Cli.run(tmp, "info", "dir");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("leakscope: warning: skipping dir/heap_0.pb.gz: a link to heap_1.pb.gz, read once\n"
                + "leakscope: warning: skipping dir/outside.pb.gz: a link that leads out of the directory\n", r.err());
        assertTrue(r.out().contains("Profiles:    2 (2 entries skipped)"), r.out());
        Cli.Result diff = Cli.run(tmp, "diff", "dir");
        assertEquals(0, diff.exitCode(), diff.err());
        assertTrue(diff.out().contains("Base:    dir/heap_1.pb.gz"), "not the snapshot against itself: " + diff.out());
    }

    @Test
    void pprofReadsSingleFilesOnly() throws IOException {
        write("series.tgz", archive(Kind.TAR_GZIP, series()));
        Cli.Result r = Cli.run(tmp, "pprof", "-top", "series.tgz");
        // go tool pprof cannot read it either: its exit code, without leakscope's prefix
        assertEquals(1, r.exitCode());
        assertTrue(r.err().startsWith("series.tgz: not a profile"), r.err());
    }
}
