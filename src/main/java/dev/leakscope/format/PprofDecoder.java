package dev.leakscope.format;

import dev.leakscope.input.Limits;
import dev.leakscope.profile.Profile;
import dev.leakscope.profile.ProfileBuilder;
import dev.leakscope.proto.ProfileProto;
import java.io.IOException;
import java.io.InputStream;
import dev.leakscope.profile.Mapping;
import dev.leakscope.profile.ValueType;

/**
 * Decodes profile.proto in one streaming pass, straight into a {@link ProfileBuilder}: no message
 * objects, no per-sample allocation. Field order is free (the Go runtime writes the string table
 * last), repeated scalars may be packed or not, unknown fields are skipped. The wire rules are
 * pprof's ({@link WireReader}).
 */
public final class PprofDecoder {
    private static final int WIRE_VARINT = WireReader.VARINT;
    private static final int WIRE_LEN = WireReader.LEN;

    /** The wire error for several profiles concatenated; pprof does not try legacy formats then. */
    static final String CONCATENATED = "concatenated profiles detected";

    /** Raised when the bytes are not a well-formed profile.proto message. */
    public static final class WireException extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean cut;

        WireException(String message) {
            this(message, false);
        }

        private WireException(String message, boolean cut) {
            super(message);
            this.cut = cut;
        }

        /**
         * Whether a profile came before the error: sample types and samples read whole. Other data
         * (text, an image) does not decode that far; a profile cut short or corrupt does.
         */
        public boolean afterProfileData() {
            return cut;
        }
    }

    private final WireReader in;
    private final ProfileBuilder b = new ProfileBuilder();
    private final SampleScanner samples = new SampleScanner(b);
    // Sample types and the period type reference strings that may come later; kept as indexes.
    private boolean timeSeen;
    /** Top-level fields read whole, to tell a profile cut short from other data ({@link WireException#afterProfileData}). */
    private int sampleTypesRead;
    private int samplesRead;
    private static final int MAX_PACKED = 1 << 16;
    /** The values of one packed field, decoded in one go. */
    private long[] packed = new long[256];

    private PprofDecoder(WireReader in) {
        this.in = in;
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
        return decode(new WireReader(stream));
    }

    /** As {@link #decode(InputStream)}, with a reader of another buffer size. */
    static Decoded decode(InputStream stream, int bufferSize) throws WireException {
        return decode(new WireReader(stream, bufferSize));
    }

    private static Decoded decode(WireReader reader) throws WireException {
        PprofDecoder d = new PprofDecoder(reader);
        try {
            if (d.in.atEnd()) {
                throw new WireException("empty input");
            }
            d.readProfile();
        } catch (IOException e) {
            throw new WireException("read error: " + e.getMessage());
        } catch (WireException e) {
            throw new WireException(e.getMessage(), d.sampleTypesRead > 0 && d.samplesRead > 0);
        }
        return new Decoded(d.b, d.in.offset());
    }

    private void readProfile() throws IOException, WireException {
        boolean first = true;
        while (true) {
            if (in.atEnd()) {
                return;
            }
            int tag = in.readTag();
            if (first && tag >>> 3 == 0) {
                // pprof would skip field 0, but no producer writes it: zeros (a legacy CPU profile,
                // /dev/zero) are not a profile.proto message, and need not be read to the end to tell.
                throw new WireException("not a profile.proto message (field 0)");
            }
            first = false;
            int wire = tag & 7;
            switch (tag >>> 3) {
                case ProfileProto.Profile.SAMPLE_TYPE_FIELD_NUMBER -> {
                    long[] vt = readValueType(wire);
                    b.addSampleType((int) vt[0], (int) vt[1]);
                    sampleTypesRead++;
                }
                case ProfileProto.Profile.SAMPLE_FIELD_NUMBER -> {
                    readSample(wire);
                    samplesRead++;
                }
                case ProfileProto.Profile.MAPPING_FIELD_NUMBER -> readMapping(wire);
                case ProfileProto.Profile.LOCATION_FIELD_NUMBER -> readLocation(wire);
                case ProfileProto.Profile.FUNCTION_FIELD_NUMBER -> readFunction(wire);
                case ProfileProto.Profile.STRING_TABLE_FIELD_NUMBER -> {
                    expect(wire, WIRE_LEN, "string_table");
                    b.addRawString(in.readString(in.readLength()));
                }
                case ProfileProto.Profile.DROP_FRAMES_FIELD_NUMBER -> b.setDropFrames(stringIndex(wire, "drop_frames"));
                case ProfileProto.Profile.KEEP_FRAMES_FIELD_NUMBER -> b.setKeepFrames(stringIndex(wire, "keep_frames"));
                case ProfileProto.Profile.TIME_NANOS_FIELD_NUMBER -> {
                    long t = varint(wire, "time_nanos");
                    if (timeSeen) {
                        // pprof's rule: a second time_nanos means several profiles were concatenated.
                        throw new WireException(CONCATENATED);
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
        long old = in.enter(in.readLength());
        long type = 0;
        long unit = 0;
        while (true) {
            if (in.atEnd()) {
                break;
            }
            int tag = in.readTag();
            int w = tag & 7;
            switch (tag >>> 3) {
                case ProfileProto.ValueType.TYPE_FIELD_NUMBER -> type = varint(w, "ValueType.type");
                case ProfileProto.ValueType.UNIT_FIELD_NUMBER -> unit = varint(w, "ValueType.unit");
                default -> skip(tag);
            }
        }
        in.exit(old);
        return new long[] {checkIndex(type), checkIndex(unit)};
    }

    private enum Target { LOCATION_ID, VALUE, COMMENT }

    private void readSample(int wire) throws IOException, WireException {
        expect(wire, WIRE_LEN, "sample");
        int length = in.readLength();
        b.beginSample();
        if (in.buffered(length)) {
            int from = in.position();
            if (samples.scan(in.buffer(), from, from + length)) {
                in.advance(length);
                return;
            }
            // Malformed: read again by the rules below, which say what is wrong with it.
        }
        long old = in.enter(length);
        while (true) {
            if (in.atEnd()) {
                break;
            }
            int tag = in.readTag();
            int w = tag & 7;
            switch (tag >>> 3) {
                case ProfileProto.Sample.LOCATION_ID_FIELD_NUMBER -> readRepeatedVarint(w, "Sample.location_id", Target.LOCATION_ID);
                case ProfileProto.Sample.VALUE_FIELD_NUMBER -> readRepeatedVarint(w, "Sample.value", Target.VALUE);
                case ProfileProto.Sample.LABEL_FIELD_NUMBER -> readLabel(w);
                default -> skip(tag);
            }
        }
        in.exit(old);
    }

    /** A repeated varint field, packed (one length-delimited run) or not (one varint each). */
    private void readRepeatedVarint(int wire, String field, Target target) throws IOException, WireException {
        if (wire == WIRE_VARINT) {
            add(target, in.readVarint());
        } else if (wire == WIRE_LEN) {
            int length = in.readLength();
            if (length > MAX_PACKED) {
                // Longer than the reader's buffer: read as it streams, without an array of its size.
                long old = in.enter(length);
                while (!in.atEnd()) {
                    add(target, in.readVarint());
                }
                in.exit(old);
                return;
            }
            if (packed.length < length) {
                packed = new long[Math.max(length, packed.length * 2)];
            }
            int n = in.readPacked(length, packed);
            for (int i = 0; i < n; i++) {
                add(target, packed[i]);
            }
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
        long old = in.enter(in.readLength());
        long key = 0;
        long str = 0;
        long num = 0;
        long unit = 0;
        while (true) {
            if (in.atEnd()) {
                break;
            }
            int tag = in.readTag();
            int w = tag & 7;
            switch (tag >>> 3) {
                case ProfileProto.Label.KEY_FIELD_NUMBER -> key = varint(w, "Label.key");
                case ProfileProto.Label.STR_FIELD_NUMBER -> str = varint(w, "Label.str");
                case ProfileProto.Label.NUM_FIELD_NUMBER -> num = varint(w, "Label.num");
                case ProfileProto.Label.NUM_UNIT_FIELD_NUMBER -> unit = varint(w, "Label.num_unit");
                default -> skip(tag);
            }
        }
        in.exit(old);
        // pprof drops a label whose value, number and unit are all unset.
        if (str != 0 || num != 0 || unit != 0) {
            b.addLabel(checkIndex(key), checkIndex(str), num, checkIndex(unit));
        }
    }

    private void readMapping(int wire) throws IOException, WireException {
        expect(wire, WIRE_LEN, "mapping");
        long old = in.enter(in.readLength());
        long id = 0;
        long start = 0;
        long limit = 0;
        long offset = 0;
        long file = 0;
        long buildId = 0;
        int flags = 0;
        while (true) {
            if (in.atEnd()) {
                break;
            }
            int tag = in.readTag();
            int w = tag & 7;
            switch (tag >>> 3) {
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
        in.exit(old);
        b.addMapping(id, start, limit, offset, checkIndex(file), checkIndex(buildId), flags);
    }

    private void readLocation(int wire) throws IOException, WireException {
        expect(wire, WIRE_LEN, "location");
        long old = in.enter(in.readLength());
        // Lines are appended as they come; the location's header fields may follow them.
        int first = b.locationCount();
        b.beginLocation(0, 0, 0, false);
        long id = 0;
        long mappingId = 0;
        long address = 0;
        boolean folded = false;
        while (true) {
            if (in.atEnd()) {
                break;
            }
            int tag = in.readTag();
            int w = tag & 7;
            switch (tag >>> 3) {
                case ProfileProto.Location.ID_FIELD_NUMBER -> id = varint(w, "Location.id");
                case ProfileProto.Location.MAPPING_ID_FIELD_NUMBER -> mappingId = varint(w, "Location.mapping_id");
                case ProfileProto.Location.ADDRESS_FIELD_NUMBER -> address = varint(w, "Location.address");
                case ProfileProto.Location.LINE_FIELD_NUMBER -> readLine(w);
                case ProfileProto.Location.IS_FOLDED_FIELD_NUMBER -> folded = varint(w, "Location.is_folded") != 0;
                default -> skip(tag);
            }
        }
        in.exit(old);
        b.setLocationHeader(first, id, mappingId, address, folded);
    }

    private void readLine(int wire) throws IOException, WireException {
        expect(wire, WIRE_LEN, "line");
        long old = in.enter(in.readLength());
        long function = 0;
        long line = 0;
        while (true) {
            if (in.atEnd()) {
                break;
            }
            int tag = in.readTag();
            int w = tag & 7;
            switch (tag >>> 3) {
                case ProfileProto.Line.FUNCTION_ID_FIELD_NUMBER -> function = varint(w, "Line.function_id");
                case ProfileProto.Line.LINE_FIELD_NUMBER -> line = varint(w, "Line.line");
                default -> skip(tag);
            }
        }
        in.exit(old);
        b.addLine(function, line);
    }

    private void readFunction(int wire) throws IOException, WireException {
        expect(wire, WIRE_LEN, "function");
        long old = in.enter(in.readLength());
        long id = 0;
        long name = 0;
        long systemName = 0;
        long file = 0;
        long startLine = 0;
        while (true) {
            if (in.atEnd()) {
                break;
            }
            int tag = in.readTag();
            int w = tag & 7;
            switch (tag >>> 3) {
                case ProfileProto.Function.ID_FIELD_NUMBER -> id = varint(w, "Function.id");
                case ProfileProto.Function.NAME_FIELD_NUMBER -> name = varint(w, "Function.name");
                case ProfileProto.Function.SYSTEM_NAME_FIELD_NUMBER -> systemName = varint(w, "Function.system_name");
                case ProfileProto.Function.FILENAME_FIELD_NUMBER -> file = varint(w, "Function.filename");
                case ProfileProto.Function.START_LINE_FIELD_NUMBER -> startLine = varint(w, "Function.start_line");
                default -> skip(tag);
            }
        }
        in.exit(old);
        b.addFunction(id, checkIndex(name), checkIndex(systemName), checkIndex(file), startLine);
    }


    // ---- wire helpers


    private long varint(int wire, String field) throws IOException, WireException {
        expect(wire, WIRE_VARINT, field);
        return in.readVarint();
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
        in.skip(tag & 7);
    }
}
