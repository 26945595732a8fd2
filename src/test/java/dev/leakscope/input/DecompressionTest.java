package dev.leakscope.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakscope.Cli;
import dev.leakscope.TestData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every codec, recognised by content: the same report as the plain file, and the bomb guard holds. */
public class DecompressionTest {
    @TempDir
    Path tmp;

    static OutputStream compressor(Decompression.Codec codec, OutputStream out) throws IOException {
        return switch (codec) {
            case GZIP -> new GZIPOutputStream(out);
            case ZSTD -> new ZstdCompressorOutputStream(out);
            case XZ -> new XZCompressorOutputStream(out);
            case BZIP2 -> new BZip2CompressorOutputStream(out);
        };
    }

    /** data compressed with xz, for tests outside this package. */
    public static byte[] xz(byte[] data) throws IOException {
        return compress(Decompression.Codec.XZ, data);
    }

    static byte[] compress(Decompression.Codec codec, byte[] data) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (OutputStream out = compressor(codec, buf)) {
            out.write(data);
        }
        return buf.toByteArray();
    }

    private static byte[] gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }

    @ParameterizedTest
    @EnumSource(Decompression.Codec.class)
    void compressedProtoAndTextReadLikeThePlainFiles(Decompression.Codec codec) throws IOException {
        Path dir = TestData.corpus("go", "map-cache");
        byte[] proto = gunzip(dir.resolve("heap_5.pb.gz"));
        byte[] text = Files.readAllBytes(dir.resolve("heap_5.txt"));
        Files.write(tmp.resolve("plain.pb"), proto);
        // Names say nothing: detection is by content only.
        Files.write(tmp.resolve("proto.bin"), compress(codec, proto));
        Files.write(tmp.resolve("text.bin"), compress(codec, text));
        Cli.Result plain = Cli.run(tmp, "top", "plain.pb");
        Cli.Result packed = Cli.run(tmp, "top", "proto.bin");
        assertEquals(0, packed.exitCode(), packed.err());
        assertEquals(plain.out(), packed.out());
        Cli.Result plainText = Cli.run(dir, "top", "heap_5.txt");
        Cli.Result packedText = Cli.run(tmp, "top", "text.bin");
        assertEquals(0, packedText.exitCode(), packedText.err());
        assertEquals(plainText.out(), packedText.out());
    }

    @ParameterizedTest
    @EnumSource(Decompression.Codec.class)
    void bombGuardStopsEveryCodec(Decompression.Codec codec) throws IOException {
        // 8 MiB of empty string-table entries: a profile.proto that has to be read to its end.
        byte[] emptyStrings = new byte[8 << 20];
        for (int i = 0; i < emptyStrings.length; i += 2) {
            emptyStrings[i] = 0x32;
        }
        Files.write(tmp.resolve("bomb"), compress(codec, emptyStrings));
        assertTrue(Files.size(tmp.resolve("bomb")) < 1 << 20);
        Cli.Result r = Cli.run(tmp, "top", "--max-bytes=1MiB", "bomb");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("bomb: more than 1048576 bytes after decompression"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @ParameterizedTest
    @EnumSource(Decompression.Codec.class)
    void truncatedDataIsAOneLineError(Decompression.Codec codec) throws IOException {
        Path dir = TestData.corpus("go", "map-cache");
        byte[] whole = compress(codec, gunzip(dir.resolve("heap_5.pb.gz")));
        Files.write(tmp.resolve("cut"), java.util.Arrays.copyOf(whole, whole.length / 2));
        Cli.Result r = Cli.run(tmp, "top", "cut");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("leakscope: cut: "), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(r.err().contains("null"), r.err());
    }

    /** mib MiB of comment indexes (field 13, value 0): a valid repeated field that costs memory to keep. */
    public static byte[] commentIndexes(int mib) {
        byte[] b = new byte[mib << 20];
        for (int i = 0; i < b.length; i += 2) {
            b[i] = 0x68;
        }
        return b;
    }

    /** The bytes inflated when the ratio guard stopped, from its message. */
    static long inflatedAtStop(String err) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\((\\d+) bytes from (\\d+) compressed").matcher(err);
        assertTrue(m.find(), err);
        return Long.parseLong(m.group(1));
    }

    @ParameterizedTest
    @EnumSource(Decompression.Codec.class)
    void ratioGuardStopsABombOfEveryCodecSoonAfterItsFloor(Decompression.Codec codec) throws IOException {
        Files.write(tmp.resolve("bomb"), compress(codec, commentIndexes(24)));
        Cli.Result r = Cli.run(tmp, "top", "bomb");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("leakscope: bomb: inflates more than 200 times ("), r.err());
        assertTrue(r.err().strip().endsWith("a decompression bomb? (raise the limit with --max-ratio)"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        // The work done is bounded by the floor, plus what the read-ahead inflated before the check.
        long inflated = inflatedAtStop(r.err());
        assertTrue(inflated > Limits.RATIO_FLOOR && inflated < Limits.RATIO_FLOOR + (4 << 20), r.err());
        // Raised, the ratio lets it through to the byte limit.
        r = Cli.run(tmp, "top", "--max-ratio=1000000", "--max-bytes=18MiB", "bomb");
        assertTrue(r.err().contains("bomb: more than 18874368 bytes after decompression"), r.err());
    }

    @Test
    void rawProtoNamedLikeGzipReads() {
        Path dir = TestData.corpus("java-asprof", "static-list-leak");
        Cli.Result raw = Cli.run(dir, "top", "uncompressed/heap_5.pprof");
        Cli.Result gz = Cli.run(dir, "top", "heap_5.pb.gz");
        assertEquals(0, raw.exitCode(), raw.err());
        assertEquals(gz.out(), raw.out());
    }

    /**
     * Anything after the last gzip member that is not another member is an error (go tool pprof: "gzip:
     * invalid header"); GZIPInputStream ignored it, and did not even look at a short tail. Sizes around the
     * 64 KiB buffer put the last trailer before, across and after a refill of the inflater's buffer, where
     * the tail is read straight from the input; also through a stream that says nothing is available.
     */
    @Test
    void bytesAfterTheLastGzipMemberAreAnError() throws IOException {
        java.util.Random random = new java.util.Random(42);
        byte[] second = compress(Decompression.Codec.GZIP, "more".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        byte[][] tails = {{}, {'x'}, {0x1f}, {0x1f, (byte) 0x8b}, new byte[100], second};
        int target = 65536;
        byte[] data = new byte[target];
        random.nextBytes(data);
        int base = compress(Decompression.Codec.GZIP, data).length - target; // stored blocks: size = data + base
        for (int size = target - 40; size <= target + 40; size++) {
            byte[] plain = java.util.Arrays.copyOf(data, size - base);
            byte[] gz = compress(Decompression.Codec.GZIP, plain);
            for (byte[] tail : tails) {
                byte[] input = java.util.Arrays.copyOf(gz, gz.length + tail.length);
                System.arraycopy(tail, 0, input, gz.length, tail.length);
                boolean whole = tail.length == 0 || tail == second;
                for (boolean pipe : new boolean[] {false, true}) {
                    InputStream raw = new java.io.ByteArrayInputStream(input);
                    if (pipe) {
                        raw = new java.io.FilterInputStream(raw) {
                            @Override
                            public int available() {
                                return 0;
                            }

                            @Override
                            public int read(byte[] b, int off, int len) throws IOException {
                                return super.read(b, off, Math.min(len, 1000));
                            }
                        };
                    }
                    String what = "compressed " + gz.length + " + tail " + tail.length + (pipe ? " (pipe)" : "");
                    try (InputStream in = Decompression.open("p.gz", raw, 1L << 30, 200)) {
                        byte[] out = in.readAllBytes();
                        assertTrue(whole, what + ": read whole, tail ignored");
                        assertEquals(plain.length + (tail == second ? 4 : 0), out.length, what);
                    } catch (dev.leakscope.util.InputException e) {
                        assertFalse(whole, what + ": " + e.getMessage());
                        assertTrue(e.getMessage().startsWith("p.gz: data after the end of the gzip stream"),
                                what + ": " + e.getMessage());
                    }
                }
            }
        }
    }
}
