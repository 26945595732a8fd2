package dev.leakscope.profile;

import dev.leakscope.util.UsageException;
import java.util.ArrayList;
import java.util.List;

/** The sample type a report is about, as {@code -sample_index} names it: a type name or a 0-based number. */
public final class SampleIndex {
    private SampleIndex() {
    }

    /** Resolves a sample type name or number as pprof does; null or empty means the profile's default. */
    public static int resolve(Profile p, String requested) {
        if (p.typeCount() == 0) {
            throw new UsageException("profile has no samples");
        }
        if (requested == null || requested.isEmpty()) {
            return p.defaultSampleIndex();
        }
        // A number as Go's strconv.Atoi reads it; one too large for it is taken as a name, as pprof does.
        Long number = null;
        if (requested.matches("[+-]?\\d+")) {
            try {
                number = Long.parseLong(requested);
            } catch (NumberFormatException e) {
                number = null;
            }
        }
        if (number != null) {
            long i = number;
            if (i < 0 || i >= p.typeCount()) {
                throw new UsageException("sample_index " + requested + " is outside the range [0.."
                        + (p.typeCount() - 1) + "]");
            }
            return (int) i;
        }
        int i = p.sampleTypeIndex(requested);
        if (i < 0) {
            List<String> names = new ArrayList<>();
            for (ValueType t : p.sampleTypes()) {
                names.add(t.type());
            }
            List<String> lacking = p.harmonization.lacking(requested);
            if (!lacking.isEmpty()) {
                throw new UsageException(missing(requested, lacking, names));
            }
            boolean noOldObjects = requested.startsWith("live_") && Producers.lacksOldObjects(p);
            throw new UsageException("sample index \"" + requested + "\" must be one of: " + names
                    + (noOldObjects ? "; " + Producers.NO_OLD_OBJECTS : ""));
        }
        return i;
    }

    /** The error for a sample type that some inputs of a series or merge do not have. */
    public static String missing(String requested, List<String> lacking, List<String> common) {
        return "sample index \"" + requested + "\" is not in every input: " + String.join(", ", lacking)
                + (lacking.size() == 1 ? " has" : " have") + " no " + requested + "; all have " + common;
    }
}
