package dev.leakscope.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.CodedOutputStream;
import dev.leakscope.TestProfiles;
import dev.leakscope.input.InputSource;
import dev.leakscope.input.Limits;
import dev.leakscope.profile.Profile;
import dev.leakscope.util.InputException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PprofDecoderTest {
    private static Profile load(byte[] bytes) {
        return ProfileLoader.load(InputSource.of("-", Path.of("."), new ByteArrayInputStream(bytes)), Limits.DEFAULT);
    }

    @Test
    void decodesRawAndGzippedAlike() {
        TestProfiles t = TestProfiles.small();
        for (byte[] bytes : new byte[][] {t.bytes(), t.gzipped()}) {
            Profile p = load(bytes);
            assertEquals(2, p.typeCount());
            assertEquals(2, p.sampleCount());
            assertEquals(3, p.locationCount());
            assertEquals(4096, p.value(0, 1));
            assertEquals("main.leak", p.functionName(p.lineFunction(p.lineStart(p.stacks.location(p.stackLeaf(0))))));
        }
    }

    @Test
    void acceptsUnpackedRepeatedFieldsAndStringTableFirst() throws IOException {
        // Hand-encoded: string table first, then a sample whose values and location ids are unpacked.
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(buf);
        for (String s : new String[] {"", "space", "bytes", "f"}) {
            out.writeBytes(6, com.google.protobuf.ByteString.copyFromUtf8(s));
        }
        out.writeTag(1, 2);
        out.writeUInt32NoTag(4);
        out.writeInt64(1, 1);
        out.writeInt64(2, 2);
        out.writeTag(2, 2);
        out.writeUInt32NoTag(6);
        out.writeUInt64(1, 7);   // location_id, unpacked
        out.writeInt64(2, 42);   // value, unpacked
        out.writeUInt64(1, 7);   // a second frame, also unpacked
        out.writeTag(4, 2);
        out.writeUInt32NoTag(6);
        out.writeUInt64(1, 7);
        out.writeTag(4, 2);
        out.writeUInt32NoTag(2);
        out.writeUInt64(1, 9);
        out.writeTag(5, 2);
        out.writeUInt32NoTag(4);
        out.writeUInt64(1, 9);
        out.writeInt64(2, 3);
        out.writeInt64(99, 5);   // unknown field: skipped
        out.flush();
        Profile p = load(buf.toByteArray());
        assertEquals(1, p.sampleCount());
        assertEquals(42, p.value(0, 0));
        assertEquals(2, p.stack(0, p.stackBuffer()));
        assertEquals("f", p.functionName(0));
    }

    @Test
    void danglingReferencesNameTheBadId() {
        TestProfiles missingLocation = TestProfiles.small().sample(new long[] {1, 1}, 99);
        assertMessage(missingLocation.bytes(), "unknown location id 99");
        TestProfiles missingFunction = TestProfiles.small().location(4, 0x4000, 77);
        assertMessage(missingFunction.bytes(), "unknown function id 77");
        TestProfiles zeroId = TestProfiles.small().location(0, 0x4000, 1);
        assertMessage(zeroId.bytes(), "location with reserved id 0");
        TestProfiles duplicate = TestProfiles.small().function(2, "dup", "x.go");
        assertMessage(duplicate.bytes(), "several functions with id 2");
    }

    @Test
    void badStringIndexAndValueCountsAreRejected() {
        TestProfiles badString = TestProfiles.small();
        badString.proto().setDropFrames(1000);
        assertMessage(badString.bytes(), "refers to string 1000");
        TestProfiles extraValue = TestProfiles.small().sample(new long[] {1, 2, 3}, 1);
        assertMessage(extraValue.bytes(), "has 3 values but the profile has 2 sample types");
        TestProfiles noTypes = new TestProfiles().function(1, "f", "").location(1, 1, 1).sample(new long[] {1}, 1);
        assertMessage(noTypes.bytes(), "no sample types");
    }

    @Test
    void notAProfileSaysWhatItIs() {
        assertMessage(new byte[0], "empty input");
        assertMessage(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}, "PNG image");
        assertMessage("hello world\nthis is text\n".getBytes(), "text starting with \"hello world\"");
        byte[] gz = TestProfiles.small().gzipped();
        assertMessage(java.util.Arrays.copyOf(gz, gz.length / 2), "truncated gzip data");
    }

    @Test
    void timeNanosTwiceMeansConcatenatedProfiles() {
        TestProfiles t = TestProfiles.small();
        t.proto().setTimeNanos(5);
        byte[] one = t.bytes();
        byte[] two = new byte[one.length * 2];
        System.arraycopy(one, 0, two, 0, one.length);
        System.arraycopy(one, 0, two, one.length, one.length);
        assertMessage(two, "concatenated profiles");
    }

    private static void assertMessage(byte[] bytes, String fragment) {
        InputException e = assertThrows(InputException.class, () -> load(bytes));
        assertTrue(e.getMessage().contains(fragment), () -> "message '" + e.getMessage() + "' lacks '" + fragment + "'");
        assertTrue(!e.getMessage().contains("\n"), "one line");
    }
}
