package dev.leakscope.report;

import dev.leakscope.input.InputSource;
import dev.leakscope.input.Limits;
import dev.leakscope.profile.Combination;
import dev.leakscope.profile.FramePruner;
import dev.leakscope.profile.Profile;
import dev.leakscope.profile.format.ProfileLoader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the inputs of one report and combines them as pprof does: sources merged, the base (if any)
 * subtracted, drop_frames applied.
 */
public final class ProfileInputs {
    private ProfileInputs() {
    }

    /** Loads and merges sources, one input at a time. */
    public static Profile merged(List<InputSource> sources, Limits limits, ProfileLoader.Reading reading) {
        List<Profile> profiles = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (InputSource s : sources) {
            profiles.add(ProfileLoader.load(s, limits, reading));
            names.add(s.name());
        }
        return Combination.merge(profiles, names);
    }

    /** The sources merged and pruned: the profile a report on them is computed from. */
    public static Profile forReport(List<InputSource> sources, Limits limits) {
        return FramePruner.prune(merged(sources, limits, ProfileLoader.Reading.LEAKSCOPE));
    }

    /** The profile a pprof report is computed from (inputs read exactly as pprof reads them). */
    public static Profile forReport(List<InputSource> sources, List<InputSource> bases,
                                    Combination.BaseMode mode, boolean normalize, Limits limits) {
        Profile p = merged(sources, limits, ProfileLoader.Reading.PPROF);
        if (!bases.isEmpty()) {
            Profile base = merged(bases, limits, ProfileLoader.Reading.PPROF);
            p = Combination.subtract(p, sources.get(0).name(), base, bases.get(0).name(), mode, normalize);
        }
        return FramePruner.prune(p);
    }
}
