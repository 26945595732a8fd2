package dev.leakscope;

import com.google.protobuf.ByteString;
import dev.leakscope.proto.ProfileProto;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import dev.leakscope.profile.Profile;
import dev.leakscope.profile.ValueType;

/**
 * Builds small profile.proto messages for tests with the classes generated from proto/profile.proto:
 * a string table that interns as it goes, and shorthands for the usual shapes.
 */
public final class TestProfiles {
    private final ProfileProto.Profile.Builder p = ProfileProto.Profile.newBuilder();
    private final List<String> strings = new ArrayList<>();

    public TestProfiles() {
        str("");
    }

    public int str(String s) {
        int i = strings.indexOf(s);
        if (i >= 0) {
            return i;
        }
        strings.add(s);
        return strings.size() - 1;
    }

    public TestProfiles sampleType(String type, String unit) {
        p.addSampleType(ProfileProto.ValueType.newBuilder().setType(str(type)).setUnit(str(unit)));
        return this;
    }

    public TestProfiles function(long id, String name, String file) {
        return function(id, name, name, file);
    }

    public TestProfiles function(long id, String name, String systemName, String file) {
        p.addFunction(ProfileProto.Function.newBuilder().setId(id).setName(str(name)).setSystemName(str(systemName))
                .setFilename(str(file)));
        return this;
    }

    /** A location with one line per function id, innermost first. */
    public TestProfiles location(long id, long address, long... functionIds) {
        ProfileProto.Location.Builder l = ProfileProto.Location.newBuilder().setId(id).setAddress(address);
        for (long f : functionIds) {
            l.addLine(ProfileProto.Line.newBuilder().setFunctionId(f).setLine(10 + f));
        }
        p.addLocation(l);
        return this;
    }

    /** A sample: values, then location ids leaf first. */
    public TestProfiles sample(long[] values, long... locationIds) {
        ProfileProto.Sample.Builder s = ProfileProto.Sample.newBuilder();
        for (long v : values) {
            s.addValue(v);
        }
        for (long l : locationIds) {
            s.addLocationId(l);
        }
        p.addSample(s);
        return this;
    }

    public ProfileProto.Profile.Builder proto() {
        return p;
    }

    public byte[] bytes() {
        ProfileProto.Profile.Builder copy = p.clone();
        copy.clearStringTable();
        for (String s : strings) {
            copy.addStringTable(ByteString.copyFrom(s, StandardCharsets.UTF_8));
        }
        return copy.build().toByteArray();
    }

    public byte[] gzipped() {
        return gzip(bytes());
    }

    public static byte[] gzip(byte[] raw) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(raw);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A small valid heap-like profile: two sample types, three functions, two stacks. */
    public static TestProfiles small() {
        TestProfiles t = new TestProfiles();
        t.sampleType("objects", "count").sampleType("space", "bytes");
        t.function(1, "main.leak", "main.go").function(2, "main.work", "main.go").function(3, "main.main", "main.go");
        t.location(1, 0x1000, 1).location(2, 0x2000, 2).location(3, 0x3000, 3);
        t.sample(new long[] {4, 4096}, 1, 2, 3);
        t.sample(new long[] {1, 512}, 2, 3);
        return t;
    }
}
