package dev.leakscope.profile.transform;

import dev.leakscope.util.InputException;
import java.util.ArrayList;
import java.util.List;
import dev.leakscope.profile.Profile;
import dev.leakscope.profile.Units;
import dev.leakscope.profile.ValueType;

/**
 * Checks that profiles can be merged or compared, and brings them to common units (pprof's
 * ScaleProfiles): sample types must match pairwise by name (a trailing {@code s} ignored) and unit
 * family; values are converted to the finest unit present.
 */
public final class Compatibility {
    private Compatibility() {
    }

    /**
     * The profiles, converted to common units where they differ.
     *
     * @param names the inputs' names, for the error message
     * @throws InputException naming both inputs when their sample types disagree
     */
    public static List<Profile> harmonize(List<Profile> profiles, List<String> names) {
        if (profiles.size() <= 1) {
            return profiles;
        }
        Profile first = profiles.get(0);
        ValueType period = commonType(profiles, -1, names);
        int types = first.typeCount();
        for (int i = 1; i < profiles.size(); i++) {
            if (profiles.get(i).typeCount() != types) {
                String words = "inconsistent samples type count: " + types + " != " + profiles.get(i).typeCount();
                throw new Mismatch(words, words);
            }
        }
        ValueType[] common = new ValueType[types];
        for (int t = 0; t < types; t++) {
            common[t] = commonType(profiles, t, names);
        }
        List<Profile> out = new ArrayList<>(profiles.size());
        for (Profile p : profiles) {
            out.add(ProfileEdits.toUnits(p, common, period));
        }
        return out;
    }

    /**
     * pprof's Merge check, after {@link #harmonize}: sample and period types must be equal, not only
     * compatible (types that differ by a trailing {@code s} pass harmonize but not this).
     *
     * @throws Mismatch in pprof's words; where pprof prints the addresses of its ValueType structs,
     *                  their types and units are shown instead
     */
    public static void requireEqualTypes(List<Profile> scaled) {
        Profile first = scaled.get(0);
        for (Profile p : scaled.subList(1, scaled.size())) {
            if (first.periodType() != null && p.periodType() != null && !first.periodType().equals(p.periodType())) {
                String words = "incompatible period types &" + goValue(first.periodType()) + " and &"
                        + goValue(p.periodType());
                throw new Mismatch(words, words);
            }
            if (!first.sampleTypes().equals(p.sampleTypes())) {
                String words = "incompatible sample types " + goList(first) + " and " + goList(p);
                throw new Mismatch(words, words);
            }
        }
    }

    private static String goList(Profile p) {
        List<String> types = new ArrayList<>();
        for (ValueType v : p.sampleTypes()) {
            types.add(v.toString());
        }
        return "[" + String.join(" ", types) + "]";
    }

    /** The finest of the profiles' types at index t (-1: the period type), or null if none is set. */
    private static ValueType commonType(List<Profile> profiles, int t, List<String> names) {
        ValueType min = null;
        int minIndex = -1;
        for (int i = 0; i < profiles.size(); i++) {
            Profile p = profiles.get(i);
            ValueType v = t < 0 ? p.periodType() : p.sampleType(t);
            if (v == null) {
                continue;
            }
            if (min == null) {
                min = v;
                minIndex = i;
                continue;
            }
            if (!compatible(min, v)) {
                // pprof's words (ScaleProfiles, CommonValueType): Go's %v of the two ValueType structs
                String words = (t < 0 ? "period type" : "sample types") + ": incompatible types: " + goValue(min)
                        + " " + goValue(v);
                if (t < 0) {
                    throw new Mismatch("cannot combine " + names.get(minIndex) + " (period type " + min
                            + ") with " + names.get(i) + " (period type " + v + ")", words);
                }
                throw new Mismatch("cannot combine profiles with different sample types: "
                        + names.get(0) + " has " + profiles.get(0).sampleTypes() + ", "
                        + names.get(i) + " has " + profiles.get(i).sampleTypes(), words);
            }
            if (Units.scale(1, v.unit(), min.unit()).value() < 1) {
                min = v;
                minIndex = i;
            }
        }
        return min;
    }

    static boolean compatible(ValueType a, ValueType b) {
        String ta = a.type().endsWith("s") ? a.type().substring(0, a.type().length() - 1) : a.type();
        String tb = b.type().endsWith("s") ? b.type().substring(0, b.type().length() - 1) : b.type();
        return ta.equals(tb) && Units.compatible(a.unit(), b.unit());
    }

    /** Go's {@code %v} of pprof's ValueType struct (its two string-table indexes are 0 once decoded). */
    private static String goValue(ValueType v) {
        return "{" + v.type() + " " + v.unit() + " 0 0}";
    }

    /** Profiles that cannot be merged or compared as pprof merges them. */
    public static final class Mismatch extends InputException {
        private static final long serialVersionUID = 1L;
        private final String pprofWords;

        Mismatch(String message, String pprofWords) {
            super(message);
            this.pprofWords = pprofWords;
        }

        /** The error as go tool pprof words it. */
        public String pprofWords() {
            return pprofWords;
        }
    }
}
