package dev.leakscope.report;

import dev.leakscope.input.InputSource;
import dev.leakscope.input.Limits;
import dev.leakscope.profile.Combination;
import dev.leakscope.profile.FramePruner;
import dev.leakscope.profile.Profile;
import dev.leakscope.profile.format.ProfileLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reads the inputs of one report and combines them as pprof does: sources merged, the base (if any)
 * subtracted, drop_frames applied.
 */
public final class ProfileInputs {
    private ProfileInputs() {
    }

    /** Loads and merges sources, one input at a time (see {@link Combination#merge} for graphOnly). */
    public static Profile merged(List<InputSource> sources, Limits limits, boolean graphOnly) {
        List<Supplier<Profile>> loaders = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (InputSource s : sources) {
            loaders.add(() -> ProfileLoader.load(s, limits));
            names.add(s.name());
        }
        return Combination.mergeLoading(loaders, names, graphOnly);
    }

    /** The sources merged and pruned: the profile a report on them is computed from. */
    public static Profile forReport(List<InputSource> sources, Limits limits) {
        return FramePruner.prune(merged(sources, limits, true));
    }

    /** The profile a pprof report is computed from. */
    public static Profile forReport(List<InputSource> sources, List<InputSource> bases,
                                    Combination.BaseMode mode, boolean normalize, Limits limits,
                                    boolean graphOnly) {
        Profile p = merged(sources, limits, graphOnly && bases.isEmpty());
        if (!bases.isEmpty()) {
            Profile base = merged(bases, limits, false);
            p = Combination.subtract(p, sources.get(0).name(), base, bases.get(0).name(), mode, normalize);
        }
        return FramePruner.prune(p);
    }
}
