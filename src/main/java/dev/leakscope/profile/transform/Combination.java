package dev.leakscope.profile.transform;

import java.util.ArrayList;
import java.util.List;
import dev.leakscope.profile.Harmonization;
import dev.leakscope.profile.Profile;
import dev.leakscope.profile.ProfileBuilder;
import dev.leakscope.profile.ProfileStream;

/**
 * Combines the profiles of one report as pprof does: the sources are merged into one; a base, when
 * given, is merged likewise, optionally normalised against the sources, negated and merged in (with
 * {@code -diff_base} its samples keep the label {@code pprof::base}); then drop_frames is applied.
 */
public final class Combination {
    private Combination() {
    }

    /** How a base profile takes part. */
    public enum BaseMode {
        /** pprof's -base: subtract it. */
        SUBTRACT,
        /** pprof's -diff_base: subtract it and keep its samples apart (percentages relative to it). */
        DIFF_BASE
    }

    /**
     * The sources merged into one profile (each with a placeholder mapping if it has none).
     *
     * @param graphOnly the result only feeds graph reports (top, diff, list…), which give the same
     *                  numbers for a single profile merged or not unless it has negative values; the
     *                  merge is then skipped. Sample-level reports (-raw, -traces) need it.
     */
    public static Profile merge(List<Profile> profiles, List<String> names, boolean graphOnly) {
        return merge(profiles, names, graphOnly, false);
    }

    /** As {@link #merge(List, List, boolean)}; asPprof: sample types must be equal after scaling, as pprof's Merge requires. */
    private static Profile merge(List<Profile> profiles, List<String> names, boolean graphOnly, boolean asPprof) {
        List<Profile> mapped = new ArrayList<>();
        for (Profile p : profiles) {
            mapped.add(p.withPlaceholderMapping());
        }
        if (graphOnly && mapped.size() == 1 && !mapped.get(0).hasNegativeValue()) {
            return mapped.get(0);
        }
        List<Profile> scaled = Compatibility.harmonize(mapped, names);
        if (asPprof) {
            Compatibility.requireEqualTypes(scaled);
        }
        List<Merger.Input> inputs = new ArrayList<>();
        for (Profile p : scaled) {
            inputs.add(Merger.Input.of(p));
        }
        return Merger.merge(inputs);
    }

    /**
     * Merges profiles produced one at a time, without holding them all in memory: each is merged in
     * and dropped. Only when sample types differ in units (which needs the finest unit of all of
     * them) are they produced again and merged together.
     */
    public static Profile mergeLoading(ProfileStream profiles, boolean graphOnly) {
        return mergeLoading(profiles, graphOnly, false);
    }

    /**
     * As {@link #mergeLoading(ProfileStream, boolean)}, but profiles whose sample types differ in form
     * are first brought onto common types ({@link SampleTypeHarmonizer}); the result says how in its
     * {@link Profile#harmonization}. For leakscope's own commands, never for pprof's.
     */
    public static Profile mergeHarmonizing(ProfileStream profiles, boolean graphOnly) {
        return mergeLoading(profiles, graphOnly, true);
    }

    private static Profile mergeLoading(ProfileStream profiles, boolean graphOnly, boolean harmonize) {
        var state = new Object() {
            Profile first;
            String firstName;
            Merger merger;
            boolean mixed;
        };
        profiles.forEach((name, p) -> {
            if (state.first == null) {
                state.first = p;
                state.firstName = name;
                return;
            }
            if (state.mixed) {
                return;
            }
            if (!p.sampleTypes().equals(state.first.sampleTypes())
                    || !java.util.Objects.equals(p.periodType(), state.first.periodType())) {
                state.mixed = true;
                state.merger = null;
                return;
            }
            if (state.merger == null) {
                state.merger = new Merger(state.first.typeCount());
                state.merger.add(Merger.Input.of(state.first.withPlaceholderMapping()));
            }
            state.merger.add(Merger.Input.of(p.withPlaceholderMapping()));
        });
        if (state.mixed) {
            List<Profile> all = new ArrayList<>();
            List<String> names = new ArrayList<>();
            profiles.forEach((name, p) -> {
                all.add(p);
                names.add(name);
            });
            if (!harmonize) {
                return merge(all, names, graphOnly, true);
            }
            SampleTypeHarmonizer.Result h = SampleTypeHarmonizer.harmonize(all, names);
            return withHarmonization(merge(h.profiles(), names, graphOnly, false), h.harmonization());
        }
        if (state.merger == null) {
            return merge(List.of(state.first), List.of(state.firstName), graphOnly, !harmonize);
        }
        return state.merger.finish();
    }

    /** p noting how its inputs were harmonised. */
    public static Profile withHarmonization(Profile p, Harmonization h) {
        if (h.isNone()) {
            return p;
        }
        ProfileBuilder.Parts parts = p.parts();
        parts.harmonization = h;
        return new Profile(parts);
    }

    /** source minus base, as one profile (pprof's -base / -diff_base, with -normalize). */
    public static Profile subtract(Profile source, String sourceName, Profile base, String baseName,
                                   BaseMode mode, boolean normalize) {
        List<Profile> both = Compatibility.harmonize(List.of(source, base), List.of(sourceName, baseName));
        Compatibility.requireEqualTypes(both);
        Profile p = both.get(0);
        Profile b = both.get(1);
        List<double[]> sourceScales = normalize ? List.of(normalization(p, b)) : List.of();
        double[] negate = new double[b.typeCount()];
        java.util.Arrays.fill(negate, -1);
        return Merger.merge(List.of(
                new Merger.Input(p, sourceScales, false),
                new Merger.Input(b, List.<double[]>of(negate), mode == BaseMode.DIFF_BASE)));
    }

    /** pprof's Normalize: per sample type, base total / source total (0 when the source is empty). */
    private static double[] normalization(Profile source, Profile base) {
        int types = source.typeCount();
        long[] baseTotals = base.totals();
        long[] sourceTotals = source.totals();
        double[] scale = new double[types];
        for (int t = 0; t < types; t++) {
            scale[t] = sourceTotals[t] == 0 ? 0 : (double) baseTotals[t] / (double) sourceTotals[t];
        }
        return scale;
    }

}
