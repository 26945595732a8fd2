package dev.leakscope.report;

import dev.leakscope.diff.Side;
import dev.leakscope.diff.Snapshot;
import dev.leakscope.input.InputSource;
import dev.leakscope.input.Limits;
import dev.leakscope.profile.Combination;
import dev.leakscope.profile.Compatibility;
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

    /**
     * Loads and merges sources, one input at a time (see {@link Combination#merge} for graphOnly),
     * reading formats as leakscope does or exactly as pprof does.
     */
    public static Profile merged(List<InputSource> sources, Limits limits, ProfileLoader.Reading reading,
                                 boolean graphOnly) {
        List<Supplier<Profile>> loaders = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (InputSource s : sources) {
            loaders.add(() -> ProfileLoader.load(s, limits, reading));
            names.add(s.name());
        }
        return Combination.mergeLoading(loaders, names, graphOnly);
    }

    /** The sources merged and pruned: the profile a report on them is computed from. */
    public static Profile forReport(List<InputSource> sources, Limits limits) {
        return FramePruner.prune(merged(sources, limits, ProfileLoader.Reading.LEAKSCOPE, true));
    }

    /** The profile a pprof report is computed from (inputs read exactly as pprof reads them). */
    public static Profile forReport(List<InputSource> sources, List<InputSource> bases,
                                    Combination.BaseMode mode, boolean normalize, Limits limits,
                                    boolean graphOnly) {
        Profile p = merged(sources, limits, ProfileLoader.Reading.PPROF, graphOnly && bases.isEmpty());
        if (!bases.isEmpty()) {
            Profile base = merged(bases, limits, ProfileLoader.Reading.PPROF, false);
            p = Combination.subtract(p, sources.get(0).name(), base, bases.get(0).name(), mode, normalize);
        }
        return FramePruner.prune(p);
    }

    /**
     * The two sides of a diff, each merged from its files, brought to common units and pruned; their
     * sample types must agree (by name and unit), or the error names both sides.
     *
     * @return base, then current
     */
    public static List<Side> forDiff(List<InputSource> base, List<InputSource> current, Limits limits) {
        List<Snapshot> baseInputs = new ArrayList<>();
        List<Snapshot> currentInputs = new ArrayList<>();
        Profile b = loadSide(base, limits, baseInputs);
        Profile c = loadSide(current, limits, currentInputs);
        List<Profile> both = Compatibility.harmonize(List.of(b, c), List.of(sideName(base), sideName(current)));
        return List.of(new Side(FramePruner.prune(both.get(0)), baseInputs),
                new Side(FramePruner.prune(both.get(1)), currentInputs));
    }

    private static Profile loadSide(List<InputSource> sources, Limits limits, List<Snapshot> inputs) {
        List<Supplier<Profile>> loaders = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (InputSource s : sources) {
            loaders.add(() -> {
                Profile p = ProfileLoader.load(s, limits);
                inputs.add(new Snapshot(s.name(), s.storedSize(), p.timeNanos()));
                return p;
            });
            names.add(s.name());
        }
        return Combination.mergeLoading(loaders, names, true);
    }

    private static String sideName(List<InputSource> sources) {
        List<String> names = new ArrayList<>();
        for (InputSource s : sources) {
            names.add(s.name());
        }
        return String.join("+", names);
    }
}
