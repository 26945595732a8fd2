package dev.leakscope.profile.transform;

import dev.leakscope.profile.Mapping;
import dev.leakscope.profile.Profile;
import dev.leakscope.profile.ProfileBuilder;
import dev.leakscope.profile.ValueType;
import dev.leakscope.util.Printable;
import java.util.ArrayList;
import java.util.List;

/**
 * A profile whose every displayed string (names, files, labels, sample types, mappings, comments) is
 * {@link Printable}: done once, after loading, for leakscope's own reports, so no renderer can print a
 * control character from a profile. drop_frames and keep_frames stay as they are: they are patterns,
 * applied before this step. {@code leakscope pprof} keeps pprof's bytes instead (see PprofCommand).
 */
public final class PrintableNames {
    private PrintableNames() {
    }

    /** p itself when all its strings are printable (the common case). */
    public static Profile of(Profile p) {
        String[] strings = printable(p.strings);
        ValueType[] types = new ValueType[p.sampleTypes.length];
        boolean changed = strings != p.strings;
        for (int i = 0; i < types.length; i++) {
            types[i] = printable(p.sampleTypes[i]);
            changed |= types[i] != p.sampleTypes[i];
        }
        ValueType period = printable(p.periodType);
        Mapping[] mappings = new Mapping[p.mappings.length];
        for (int i = 0; i < mappings.length; i++) {
            Mapping m = p.mappings[i];
            String file = Printable.of(m.file());
            String buildId = Printable.of(m.buildId());
            mappings[i] = file == m.file() && buildId == m.buildId() ? m : new Mapping(m.id(), m.start(), m.limit(),
                    m.offset(), file, buildId, m.hasFunctions(), m.hasFilenames(), m.hasLineNumbers(),
                    m.hasInlineFrames());
            changed |= mappings[i] != m;
        }
        List<String> comments = new ArrayList<>(p.comments.size());
        for (String c : p.comments) {
            comments.add(Printable.of(c));
            changed |= comments.get(comments.size() - 1) != c;
        }
        String defaultType = Printable.of(p.defaultSampleType);
        changed |= period != p.periodType || defaultType != p.defaultSampleType;
        if (!changed) {
            return p;
        }
        ProfileBuilder.Parts parts = p.parts();
        parts.strings = strings;
        parts.sampleTypes = types;
        parts.periodType = period;
        parts.mappings = mappings;
        parts.comments = comments;
        parts.defaultSampleType = defaultType;
        return new Profile(parts);
    }

    private static String[] printable(String[] strings) {
        String[] out = strings;
        for (int i = 0; i < strings.length; i++) {
            String s = Printable.of(strings[i]);
            if (s != strings[i]) {
                if (out == strings) {
                    out = strings.clone();
                }
                out[i] = s;
            }
        }
        return out;
    }

    private static ValueType printable(ValueType t) {
        if (t == null) {
            return null;
        }
        String type = Printable.of(t.type());
        String unit = Printable.of(t.unit());
        return type == t.type() && unit == t.unit() ? t : new ValueType(type, unit);
    }
}
