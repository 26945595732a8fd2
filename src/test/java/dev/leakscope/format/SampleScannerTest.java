package dev.leakscope.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import dev.leakscope.TestProfiles;
import dev.leakscope.input.Limits;
import dev.leakscope.proto.ProfileProto;
import dev.leakscope.report.pprof.RawReport;
import dev.leakscope.util.InputException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The scanner decodes the samples that are whole in the reader's buffer; a reader with a one-byte buffer
 * never has one whole, so its general rules read them all. Both must agree on every input: the same
 * profile, or the same error.
 */
class SampleScannerTest {
    @Test
    void samplesReadAsTheGeneralReaderReadsThem() throws IOException {
        for (byte[] seed : seeds()) {
            String fast = outcome(seed, WireReader.BUFFER);
            assertTrue(fast.startsWith("PeriodType"), fast);
            assertEquals(outcome(seed, 1), fast);
        }
    }

    @Test
    void malformedSamplesFailAsTheGeneralReaderFails() throws IOException {
        Random random = new Random(19);
        int failures = 0;
        for (byte[] seed : seeds()) {
            for (int i = 0; i < 3000; i++) {
                byte[] mutant = mutate(seed, random);
                String fast = outcome(mutant, WireReader.BUFFER);
                assertEquals(outcome(mutant, 1), fast, "mutant " + i);
                if (!fast.startsWith("PeriodType")) {
                    failures++;
                }
            }
        }
        assertTrue(failures > 1000, "the mutants exercise the errors: " + failures);
    }

    @Test
    void edgeCasesOfTheWireReadAlike() {
        int[][] bodies = {
            {0x12, 11, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01},         // value -1, 10 bytes
            {0x12, 10, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f},         // bits past 64
            {0x12, 12, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01},   // 11 bytes
            {0x10, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01},       // 11 bytes, unpacked
            {0x10, 0x80},                                                                  // past the sample
            {0x0a, 2, 1, 0x81, 0x10, 5},                                                   // past the packed run
            {0x0a, 9, 1},                                                                  // run past the sample
            {0x0d, 1, 0, 0, 0, 0x10, 5},                                                   // location id, fixed32
            {0x1a, 2, 0x0d, 0},                                                            // label key, fixed32
            {0x18, 1, 0x10, 5},                                                            // label, varint
            {0x1a, 4, 0x08, 1, 0x18, 0x80},                                                // label num past it
            {0x1a, 12, 0x08, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x18, 1, 0x20, 0, 0x10, 0},     // key past an int
            {0x1a, 2, 0x08, 7, 0x10, 5},                                                   // label of a key only
            {0x0b, 0x10, 5}, {0x0c, 0x10, 5}, {0x0e, 0x10, 5}, {0x0f, 0x10, 5},            // wire types 3, 4, 6, 7
            {0x80, 0x80, 0x80, 0x80, 0x10, 0x10, 5},                                       // tag past an int
            {0x49, 1, 2, 3, 4, 5, 6, 7, 0x10, 5},                                          // fixed64, cut
            {0x4d, 1, 2, 0x10},                                                            // fixed32, cut
            {0x52, 0x81, 0x80, 0x80, 0x80, 0x10},                                          // length past an int
            {0x0a, 3, 1, 1, 1, 0x10, 5},                                                   // packed ids
            {0x0a, 3, 1, 0, 1, 0x10, 5},                                                   // packed id 0
            {0x0a, 3, 0x80, 0x00, 1, 0x10, 5},                                             // id 0 in two bytes
            {0x0a, 4, 0x80, 0x80, 0x01, 1, 0x10, 5},                                       // an id of 3 bytes
            {0x0a, 1, 1, 0x0a, 2, 1, 1, 0x10, 5},                                          // two runs of ids
        };
        for (int[] body : bodies) {
            byte[] profile = withSample(body);
            assertEquals(outcome(profile, 1), outcome(profile, WireReader.BUFFER), java.util.Arrays.toString(body));
        }
    }

    /** A profile of one type whose only sample is body (location 1 exists). */
    private static byte[] withSample(int[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x12);
        out.write(body.length);
        for (int b : body) {
            out.write(b);
        }
        TestProfiles t = new TestProfiles();
        t.sampleType("space", "bytes");
        t.function(1, "main.leak", "main.go");
        t.location(1, 0x1000, 1);
        out.writeBytes(t.bytes());
        return out.toByteArray();
    }

    /**
     * In the first few kilobytes: a byte changed, set to a varint continuation, inserted or removed; or
     * 9 to 11 bytes in a row that continue a varint (at its longest).
     */
    private static byte[] mutate(byte[] seed, Random random) {
        int at = random.nextInt(Math.min(seed.length, 4096));
        byte[] out;
        switch (random.nextInt(5)) {
            case 0 -> {
                out = seed.clone();
                out[at] = (byte) random.nextInt(256);
            }
            case 1 -> {
                out = seed.clone();
                out[at] |= (byte) 0x80;
            }
            case 2 -> {
                out = seed.clone();
                for (int i = at, end = Math.min(seed.length, at + 9 + random.nextInt(3)); i < end; i++) {
                    out[i] |= (byte) 0x80;
                }
            }
            case 3 -> {
                out = new byte[seed.length + 1];
                System.arraycopy(seed, 0, out, 0, at);
                out[at] = (byte) random.nextInt(256);
                System.arraycopy(seed, at, out, at + 1, seed.length - at);
            }
            default -> {
                out = new byte[seed.length - 1];
                System.arraycopy(seed, 0, out, 0, at);
                System.arraycopy(seed, at + 1, out, at, seed.length - at - 1);
            }
        }
        return out;
    }

    /** The pprof -raw text of the profile, or its error. */
    private static String outcome(byte[] bytes, int buffer) {
        try {
            StringWriter text = new StringWriter();
            RawReport.write(PprofDecoder.decode(new ByteArrayInputStream(bytes), buffer).build(Limits.DEFAULT),
                    ZoneOffset.UTC, new PrintWriter(text));
            return text.toString();
        } catch (PprofDecoder.WireException e) {
            return "wire error: " + e.getMessage();
        } catch (InputException e) {
            return "bad profile: " + e.getMessage();
        }
    }

    /**
     * Samples first (Go writes them first), with labels; a Go heap profile; samples with unpacked
     * fields and fields pprof does not know.
     */
    private static byte[][] seeds() throws IOException {
        TestProfiles labelled = TestProfiles.small();
        ProfileProto.Profile.Builder p = labelled.proto();
        p.setSample(0, p.getSample(0).toBuilder()
                .addLabel(ProfileProto.Label.newBuilder().setKey(labelled.str("bytes")).setNum(4096)
                        .setNumUnit(labelled.str("bytes")))
                .addLabel(ProfileProto.Label.newBuilder().setKey(labelled.str("span")).setStr(labelled.str("db"))));
        p.setPeriodType(ProfileProto.ValueType.newBuilder().setType(labelled.str("space")).setUnit(labelled.str("bytes")));
        byte[] heap;
        try (var in = new GZIPInputStream(Files.newInputStream(Path.of("testdata/map-cache/heap_5.pb.gz")))) {
            heap = in.readAllBytes();
        }
        return new byte[][] {labelled.bytes(), heap, unpacked()};
    }

    /** Location ids and values one varint each, and unknown fields of every wire type in a sample. */
    private static byte[] unpacked() {
        try {
            ByteArrayOutputStream sample = new ByteArrayOutputStream();
            CodedOutputStream s = CodedOutputStream.newInstance(sample);
            s.writeUInt64(1, 1);
            s.writeInt64(2, 42);
            s.writeFixed64(9, 7);
            s.writeUInt64(1, 2);
            s.writeFixed32(10, 7);
            s.writeBytes(11, ByteString.copyFromUtf8("unknown"));
            s.writeUInt64(12, 300);
            s.flush();
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            CodedOutputStream out = CodedOutputStream.newInstance(buf);
            out.writeBytes(2, ByteString.copyFrom(sample.toByteArray()));
            out.flush();
            TestProfiles t = new TestProfiles();
            t.sampleType("space", "bytes");
            t.proto().setPeriodType(ProfileProto.ValueType.newBuilder().setType(t.str("space")).setUnit(t.str("bytes")));
            t.function(1, "main.leak", "main.go").function(2, "main.main", "main.go");
            t.location(1, 0x1000, 1).location(2, 0x2000, 2);
            buf.write(t.bytes());
            return buf.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
