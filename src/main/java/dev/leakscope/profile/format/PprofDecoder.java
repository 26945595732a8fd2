package dev.leakscope.profile.format;

import dev.leakscope.input.Limits;
import dev.leakscope.profile.Profile;
import dev.leakscope.profile.ProfileBuilder;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import dev.leakscope.proto.ProfileProto;
import java.io.IOException;
import java.io.InputStream;

/**
 * Decodes profile.proto in one streaming pass, straight into a {@link ProfileBuilder}: no message
 * objects, no per-sample allocation. Field order is free (the Go runtime writes the string table
 * last), repeated scalars may be packed or not, unknown fields are skipped.
 */
public final class PprofDecoder {
    private static final int WIRE_VARINT = WireFormat.WIRETYPE_VARINT;
    private static final int WIRE_LEN = WireFormat.WIRETYPE_LENGTH_DELIMITED;

    /** Raised when the bytes are not a well-formed profile.proto message. */
    public static final class WireException extends Exception {
        private static final long serialVersionUID = 1L;

        WireException(String message) {
            super(message);
        }
    }

    private final CodedInputStream in;
    private final ProfileBuilder b = new ProfileBuilder();
    // Sample types and the period type reference strings that may come later; kept as indexes.
    private boolean timeSeen;

    private PprofDecoder(InputStream stream) {
        in = CodedInputStream.newInstance(stream, 1 << 16);
        in.setSizeLimit(Integer.MAX_VALUE);
        in.setRecursionLimit(16);
    }

    /** A decoded profile, not yet checked, and the number of bytes it was decoded from. */
    public record Decoded(ProfileBuilder builder, long bytes) {
        /** Checks and resolves the profile; bad contents are {@code InputException}s. */
        public Profile build(Limits limits) {
            return builder.build(limits, bytes);
        }
    }

    /** Decodes a whole profile; bytes that are not profile.proto are a {@link WireException}. */
    public static Decoded decode(InputStream stream) throws WireException {
        PprofDecoder d = new PprofDecoder(stream);
        try {
            if (d.in.isAtEnd()) {
                throw new WireException("empty input");
            }
            d.readProfile();
        } catch (InvalidProtocolBufferException e) {
            throw new WireException(shortMessage(e));
        } catch (IOException e) {
            throw new WireException("read error: " + e.getMessage());
        }
        return new Decoded(d.b, d.in.getTotalBytesRead());
    }

    private void readProfile() throws IOException, WireException {
        while (true) {
            int tag = in.readTag();
            if (tag == 0) {
                return;
            }
            int wire = WireFormat.getTagWireType(tag);
            switch (WireFormat.getTagFieldNumber(tag)) {
                case ProfileProto.Profile.SAMPLE_TYPE_FIELD_NUMBER -> {
                    long[] vt = readValueType(wire);
                    b.addSampleType((int) vt[0], (int) vt[1]);
                }
                case ProfileProto.Profile.SAMPLE_FIELD_NUMBER -> readSample(wire);
                case ProfileProto.Profile.MAPPING_FIELD_NUMBER -> readMapping(wire);
                case ProfileProto.Profile.LOCATION_FIELD_NUMBER -> readLocation(wire);
                case ProfileProto.Profile.FUNCTION_FIELD_NUMBER -> readFunction(wire);
                case ProfileProto.Profile.STRING_TABLE_FIELD_NUMBER -> {
                    expect(wire, WIRE_LEN, "string_table");
                    b.addRawString(in.readString());
                }
                case ProfileProto.Profile.DROP_FRAMES_FIELD_NUMBER -> b.setDropFrames(stringIndex(wire, "drop_frames"));
                case ProfileProto.Profile.KEEP_FRAMES_FIELD_NUMBER -> b.setKeepFrames(stringIndex(wire, "keep_frames"));
                case ProfileProto.Profile.TIME_NANOS_FIELD_NUMBER -> {
                    long t = varint(wire, "time_nanos");
                    if (timeSeen) {
                        // pprof's rule: a second time_nanos means several profiles were concatenated.
                        throw new WireException("concatenated profiles detected");
                    }
                    timeSeen = t != 0;
                    b.setTimeNanos(t);
                }
                case ProfileProto.Profile.DURATION_NANOS_FIELD_NUMBER -> b.setDurationNanos(varint(wire, "duration_nanos"));
                case ProfileProto.Profile.PERIOD_TYPE_FIELD_NUMBER -> {
                    long[] vt = readValueType(wire);
                    b.setPeriodType((int) vt[0], (int) vt[1]);
                }
                case ProfileProto.Profile.PERIOD_FIELD_NUMBER -> b.setPeriod(varint(wire, "period"));
                case ProfileProto.Profile.COMMENT_FIELD_NUMBER -> readRepeatedVarint(wire, "comment", Target.COMMENT);
                case ProfileProto.Profile.DEFAULT_SAMPLE_TYPE_FIELD_NUMBER ->
                        b.setDefaultSampleType(stringIndex(wire, "default_sample_type"));
                default -> skip(tag);
            }
        }
    }

    private long[] readValueType(int wire) throws IOException, WireException {
        expect(wire, WIRE_LEN, "value type");
        int old = in.pushLimit(length());
        long type = 0;
        long unit = 0;
        while (true) {
            int tag = in.readTag();
            if (tag == 0) {
                break;
            }
            int w = WireFormat.getTagWireType(tag);
            switch (WireFormat.getTagFieldNumber(tag)) {
                case ProfileProto.ValueType.TYPE_FIELD_NUMBER -> type = varint(w, "ValueType.type");
                case ProfileProto.ValueType.UNIT_FIELD_NUMBER -> unit = varint(w, "ValueType.unit");
                default -> skip(tag);
            }
        }
        in.popLimit(old);
        return new long[] {checkIndex(type), checkIndex(unit)};
    }

    private enum Target { LOCATION_ID, VALUE, COMMENT }

    private void readSample(int wire) throws IOException, WireException {
        expect(wire, WIRE_LEN, "sample");
        int old = in.pushLimit(length());
        b.beginSample();
        while (true) {
            int tag = in.readTag();
            if (tag == 0) {
                break;
            }
            int w = WireFormat.getTagWireType(tag);
            switch (WireFormat.getTagFieldNumber(tag)) {
                case ProfileProto.Sample.LOCATION_ID_FIELD_NUMBER -> readRepeatedVarint(w, "Sample.location_id", Target.LOCATION_ID);
                case ProfileProto.Sample.VALUE_FIELD_NUMBER -> readRepeatedVarint(w, "Sample.value", Target.VALUE);
                case ProfileProto.Sample.LABEL_FIELD_NUMBER -> readLabel(w);
                default -> skip(tag);
            }
        }
        in.popLimit(old);
    }

    /** A repeated varint field, packed (one length-delimited run) or not (one varint each). */
    private void readRepeatedVarint(int wire, String field, Target target) throws IOException, WireException {
        if (wire == WIRE_VARINT) {
            add(target, varint64());
        } else if (wire == WIRE_LEN) {
            int old = in.pushLimit(length());
            while (in.getBytesUntilLimit() > 0) {
                add(target, varint64());
            }
            in.popLimit(old);
        } else {
            throw new WireException("type mismatch in " + field);
        }
    }

    private void add(Target target, long v) throws WireException {
        switch (target) {
            case LOCATION_ID -> b.addStackLocationId(v);
            case VALUE -> b.addValue(v);
            case COMMENT -> b.addComment(checkIndex(v));
        }
    }

    private void readLabel(int wire) throws IOException, WireException {
        expect(wire, WIRE_LEN, "label");
        int old = in.pushLimit(length());
        long key = 0;
        long str = 0;
        long num = 0;
        long unit = 0;
        while (true) {
            int tag = in.readTag();
            if (tag == 0) {
                break;
            }
            int w = WireFormat.getTagWireType(tag);
            switch (WireFormat.getTagFieldNumber(tag)) {
                case ProfileProto.Label.KEY_FIELD_NUMBER -> key = varint(w, "Label.key");
                case ProfileProto.Label.STR_FIELD_NUMBER -> str = varint(w, "Label.str");
                case ProfileProto.Label.NUM_FIELD_NUMBER -> num = varint(w, "Label.num");
                case ProfileProto.Label.NUM_UNIT_FIELD_NUMBER -> unit = varint(w, "Label.num_unit");
                default -> skip(tag);
            }
        }
        in.popLimit(old);
        // pprof drops a label whose value, number and unit are all unset.
        if (str != 0 || num != 0 || unit != 0) {
            b.addLabel(checkIndex(key), checkIndex(str), num, checkIndex(unit));
        }
    }

    private void readMapping(int wire) throws IOException, WireException {
        expect(wire, WIRE_LEN, "mapping");
        int old = in.pushLimit(length());
        long id = 0;
        long start = 0;
        long limit = 0;
        long offset = 0;
        long file = 0;
        long buildId = 0;
        int flags = 0;
        while (true) {
            int tag = in.readTag();
            if (tag == 0) {
                break;
            }
            int w = WireFormat.getTagWireType(tag);
            switch (WireFormat.getTagFieldNumber(tag)) {
                case ProfileProto.Mapping.ID_FIELD_NUMBER -> id = varint(w, "Mapping.id");
                case ProfileProto.Mapping.MEMORY_START_FIELD_NUMBER -> start = varint(w, "Mapping.memory_start");
                case ProfileProto.Mapping.MEMORY_LIMIT_FIELD_NUMBER -> limit = varint(w, "Mapping.memory_limit");
                case ProfileProto.Mapping.FILE_OFFSET_FIELD_NUMBER -> offset = varint(w, "Mapping.file_offset");
                case ProfileProto.Mapping.FILENAME_FIELD_NUMBER -> file = varint(w, "Mapping.filename");
                case ProfileProto.Mapping.BUILD_ID_FIELD_NUMBER -> buildId = varint(w, "Mapping.build_id");
                case ProfileProto.Mapping.HAS_FUNCTIONS_FIELD_NUMBER ->
                        flags |= flag(w, ProfileBuilder.HAS_FUNCTIONS);
                case ProfileProto.Mapping.HAS_FILENAMES_FIELD_NUMBER ->
                        flags |= flag(w, ProfileBuilder.HAS_FILENAMES);
                case ProfileProto.Mapping.HAS_LINE_NUMBERS_FIELD_NUMBER ->
                        flags |= flag(w, ProfileBuilder.HAS_LINE_NUMBERS);
                case ProfileProto.Mapping.HAS_INLINE_FRAMES_FIELD_NUMBER ->
                        flags |= flag(w, ProfileBuilder.HAS_INLINE_FRAMES);
                default -> skip(tag);
            }
        }
        in.popLimit(old);
        b.addMapping(id, start, limit, offset, checkIndex(file), checkIndex(buildId), flags);
    }

    private void readLocation(int wire) throws IOException, WireException {
        expect(wire, WIRE_LEN, "location");
        int old = in.pushLimit(length());
        // Lines are appended as they come; the location's header fields may follow them.
        int first = b.locationCount();
        b.beginLocation(0, 0, 0, false);
        long id = 0;
        long mappingId = 0;
        long address = 0;
        boolean folded = false;
        while (true) {
            int tag = in.readTag();
            if (tag == 0) {
                break;
            }
            int w = WireFormat.getTagWireType(tag);
            switch (WireFormat.getTagFieldNumber(tag)) {
                case ProfileProto.Location.ID_FIELD_NUMBER -> id = varint(w, "Location.id");
                case ProfileProto.Location.MAPPING_ID_FIELD_NUMBER -> mappingId = varint(w, "Location.mapping_id");
                case ProfileProto.Location.ADDRESS_FIELD_NUMBER -> address = varint(w, "Location.address");
                case ProfileProto.Location.LINE_FIELD_NUMBER -> readLine(w);
                case ProfileProto.Location.IS_FOLDED_FIELD_NUMBER -> folded = varint(w, "Location.is_folded") != 0;
                default -> skip(tag);
            }
        }
        in.popLimit(old);
        b.setLocationHeader(first, id, mappingId, address, folded);
    }

    private void readLine(int wire) throws IOException, WireException {
        expect(wire, WIRE_LEN, "line");
        int old = in.pushLimit(length());
        long function = 0;
        long line = 0;
        while (true) {
            int tag = in.readTag();
            if (tag == 0) {
                break;
            }
            int w = WireFormat.getTagWireType(tag);
            switch (WireFormat.getTagFieldNumber(tag)) {
                case ProfileProto.Line.FUNCTION_ID_FIELD_NUMBER -> function = varint(w, "Line.function_id");
                case ProfileProto.Line.LINE_FIELD_NUMBER -> line = varint(w, "Line.line");
                default -> skip(tag);
            }
        }
        in.popLimit(old);
        b.addLine(function, line);
    }

    private void readFunction(int wire) throws IOException, WireException {
        expect(wire, WIRE_LEN, "function");
        int old = in.pushLimit(length());
        long id = 0;
        long name = 0;
        long systemName = 0;
        long file = 0;
        long startLine = 0;
        while (true) {
            int tag = in.readTag();
            if (tag == 0) {
                break;
            }
            int w = WireFormat.getTagWireType(tag);
            switch (WireFormat.getTagFieldNumber(tag)) {
                case ProfileProto.Function.ID_FIELD_NUMBER -> id = varint(w, "Function.id");
                case ProfileProto.Function.NAME_FIELD_NUMBER -> name = varint(w, "Function.name");
                case ProfileProto.Function.SYSTEM_NAME_FIELD_NUMBER -> systemName = varint(w, "Function.system_name");
                case ProfileProto.Function.FILENAME_FIELD_NUMBER -> file = varint(w, "Function.filename");
                case ProfileProto.Function.START_LINE_FIELD_NUMBER -> startLine = varint(w, "Function.start_line");
                default -> skip(tag);
            }
        }
        in.popLimit(old);
        b.addFunction(id, checkIndex(name), checkIndex(systemName), checkIndex(file), startLine);
    }

    /** protobuf-java's messages, long and about its own API, said briefly in the terms of the input. */
    private static String shortMessage(InvalidProtocolBufferException e) {
        String m = String.valueOf(e.getMessage());
        if (m.startsWith("While parsing a protocol message, the input ended unexpectedly")
                || m.startsWith("Protocol message was too large")) {
            return "truncated: the input ends in the middle of a field";
        }
        if (m.contains("negative size")) {
            return "negative length";
        }
        if (m.contains("malformed varint")) {
            return "malformed varint";
        }
        return m.strip().replaceAll("\\s+", " ");
    }

    // ---- wire helpers

    private int length() throws IOException, WireException {
        long len = varint64();
        if (len < 0) {
            throw new WireException("negative length");
        }
        if (len > in.getBytesUntilLimit() && in.getBytesUntilLimit() >= 0 || len > Integer.MAX_VALUE) {
            throw new WireException("truncated: a length of " + len + " runs past the end of its message");
        }
        return (int) len;
    }

    /**
     * A varint, strictly: protobuf-java's readers accept a tenth byte with the continuation bit set,
     * which pprof rejects.
     */
    private long varint64() throws IOException, WireException {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = in.readRawByte();
            result |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return result;
            }
        }
        throw new WireException("malformed varint");
    }

    private long varint(int wire, String field) throws IOException, WireException {
        expect(wire, WIRE_VARINT, field);
        return varint64();
    }

    private int stringIndex(int wire, String field) throws IOException, WireException {
        return checkIndex(varint(wire, field));
    }

    private int flag(int wire, int bit) throws IOException, WireException {
        return varint(wire, "Mapping flag") != 0 ? bit : 0;
    }

    /** String indexes are checked against the table in build(); here only that they fit an int. */
    private static int checkIndex(long v) throws WireException {
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw new WireException("string index " + v + " out of range");
        }
        return (int) v;
    }

    private static void expect(int wire, int expected, String field) throws WireException {
        if (wire != expected) {
            throw new WireException("type mismatch in " + field);
        }
    }

    private void skip(int tag) throws IOException, WireException {
        int wire = WireFormat.getTagWireType(tag);
        if (wire == WireFormat.WIRETYPE_START_GROUP || wire == WireFormat.WIRETYPE_END_GROUP || wire > 5) {
            throw new WireException("unsupported wire type " + wire);
        }
        in.skipField(tag);
    }
}
