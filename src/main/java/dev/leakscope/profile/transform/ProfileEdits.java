package dev.leakscope.profile.transform;

import dev.leakscope.util.IntList;
import dev.leakscope.util.LongList;
import dev.leakscope.profile.GoMath;
import dev.leakscope.profile.Profile;
import dev.leakscope.profile.ProfileBuilder;
import dev.leakscope.profile.SampleValues;
import dev.leakscope.profile.Units;
import dev.leakscope.profile.ValueType;

/** Copies of a profile with values rescaled, samples replaced or location lines left out; the other tables are shared. */
final class ProfileEdits {
    private ProfileEdits() {
    }

    /** The profile with its values converted to the given sample types' units (and period type). */
    static Profile toUnits(Profile p, ValueType[] types, ValueType periodType) {
        double[] ratios = new double[types.length];
        boolean allOnes = true;
        for (int t = 0; t < types.length; t++) {
            ratios[t] = Units.scale(1, p.sampleTypes[t].unit(), types[t].unit()).value();
            allOnes &= ratios[t] == 1;
        }
        ProfileBuilder.Parts parts = p.parts();
        ValueType[] renamed = new ValueType[types.length];
        for (int t = 0; t < types.length; t++) {
            renamed[t] = new ValueType(p.sampleTypes[t].type(), types[t].unit());
        }
        parts.sampleTypes = renamed;
        if (p.periodType != null && periodType != null) {
            parts.period = (long) Units.scale(p.period, p.periodType.unit(), periodType.unit()).value();
            parts.periodType = new ValueType(p.periodType.type(), periodType.unit());
        }
        if (!allOnes) {
            scaleInto(p, parts, ratios);
        }
        return new Profile(parts);
    }

    /** Multiplies values by per-type ratios (rounded as Go does) and drops samples left all zero. */
    private static void scaleInto(Profile p, ProfileBuilder.Parts parts, double[] ratios) {
        int types = ratios.length;
        SampleValues.Builder values = new SampleValues.Builder();
        IntList keep = new IntList(p.sampleCount);
        long[] row = new long[types];
        for (int s = 0; s < p.sampleCount; s++) {
            boolean nonZero = false;
            for (int t = 0; t < types; t++) {
                long v = p.values.get(s * types + t);
                if (ratios[t] != 1) {
                    v = GoMath.round(v * ratios[t]);
                }
                row[t] = v;
                nonZero |= v != 0;
            }
            if (nonZero) {
                keep.add(s);
                for (long v : row) {
                    values.add(v);
                }
            }
        }
        parts.values = values.build();
        keepSamples(p, parts, keep.toArray());
    }

    /** Restricts parts' stacks and labels to the given samples of p (values already set); p's tree and label sets are shared. */
    static void keepSamples(Profile p, ProfileBuilder.Parts parts, int[] samples) {
        parts.sampleCount = samples.length;
        parts.stackLeaf = p.stackLeaf.pick(samples);
        parts.sampleLabels = p.sampleLabels.pick(samples);
    }

    /** Sets parts' location lines to p's lines that are kept (indexed as p's line table), in their order. */
    static void keepLines(Profile p, ProfileBuilder.Parts parts, boolean[] lineKept) {
        int locs = p.locationCount();
        IntList lineStart = new IntList(locs + 1);
        IntList lineFunction = new IntList(p.lineFunction.length);
        LongList lineNumber = new LongList(p.lineFunction.length);
        for (int l = 0; l < locs; l++) {
            lineStart.add(lineFunction.size());
            for (int i = p.locLineStart[l]; i < p.locLineStart[l + 1]; i++) {
                if (lineKept[i]) {
                    lineFunction.add(p.lineFunction[i]);
                    lineNumber.add(p.lineNumber[i]);
                }
            }
        }
        lineStart.add(lineFunction.size());
        parts.locLineStart = lineStart.toArray();
        parts.lineFunction = lineFunction.toArray();
        parts.lineNumber = lineNumber.toArray();
    }

    /** The value rows of the given samples of p. */
    static SampleValues pickValues(Profile p, int[] samples) {
        int types = p.sampleTypes.length;
        SampleValues.Builder values = new SampleValues.Builder();
        for (int s : samples) {
            for (int t = 0; t < types; t++) {
                values.add(p.values.get(s * types + t));
            }
        }
        return values.build();
    }
}
