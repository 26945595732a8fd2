package dev.leakscope.report;

import dev.leakscope.diff.Side;
import dev.leakscope.diff.Snapshot;
import dev.leakscope.input.InputSource;
import dev.leakscope.input.Limits;
import dev.leakscope.profile.transform.Combination;
import dev.leakscope.profile.transform.Compatibility;
import dev.leakscope.profile.transform.FramePruner;
import dev.leakscope.profile.transform.PrintableNames;
import dev.leakscope.profile.Profile;
import dev.leakscope.profile.ProfileStream;
import dev.leakscope.symbolize.Symbolization;
import dev.leakscope.format.ProfileLoader;
import dev.leakscope.format.SnapshotReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads the inputs of one report and combines them as pprof does: sources merged, the base (if any)
 * subtracted, symbolized, drop_frames applied.
 */
public final class ProfileInputs {
    private ProfileInputs() {
    }

    /**
     * Loads and merges the sources as {@code go tool pprof} reads them: each a single file (see
     * {@link Combination#mergeLoading} for graphOnly).
     */
    private static Profile mergedAsPprof(List<InputSource> sources, Limits limits, boolean graphOnly,
                                         Symbolization symbolization) {
        return Combination.mergeLoading(each -> {
            for (InputSource s : sources) {
                Profile p = ProfileLoader.load(s, limits, ProfileLoader.Reading.PPROF);
                each.accept(s.name(), symbolization.located(p));
            }
        }, graphOnly);
    }

    /**
     * The sources merged and pruned: the profile a report on them is computed from. A directory or
     * archive among them stands for all the profiles in it; warn receives one line per skipped member.
     */
    public static Profile forReport(List<InputSource> sources, Limits limits, Consumer<String> warn,
                                    Symbolization symbolization) {
        ProfileStream profiles = SnapshotReader.stream(sources, limits, warn);
        return PrintableNames.of(FramePruner.prune(Combination.mergeLoading(
                each -> profiles.forEach((name, p) -> each.accept(name, symbolization.prepared(p))), true)));
    }

    /**
     * The profile a pprof report is computed from (inputs read exactly as pprof reads them): merged,
     * the base subtracted, symbolized, pruned.
     */
    public static Profile forReport(List<InputSource> sources, List<InputSource> bases,
                                    Combination.BaseMode mode, boolean normalize, Limits limits,
                                    boolean graphOnly, Symbolization symbolization) {
        Profile p = mergedAsPprof(sources, limits, graphOnly && bases.isEmpty(), symbolization);
        if (!bases.isEmpty()) {
            Profile base = mergedAsPprof(bases, limits, false, symbolization);
            p = Combination.subtract(p, sources.get(0).name(), base, bases.get(0).name(), mode, normalize);
        }
        return FramePruner.prune(symbolization.symbolized(p));
    }

    /**
     * The two sides of a diff, each merged from its inputs (a directory or archive stands for the
     * profiles in it), brought to common units and pruned; their sample types must agree (by name and
     * unit), or the error names both sides.
     *
     * @return base, then current
     */
    public static List<Side> forDiff(List<InputSource> base, List<InputSource> current, Limits limits,
                                     Consumer<String> warn, Symbolization symbolization) {
        List<Snapshot> baseInputs = new ArrayList<>();
        List<Snapshot> currentInputs = new ArrayList<>();
        Profile b = loadSide(base, limits, warn, baseInputs, symbolization);
        Profile c = loadSide(current, limits, warn, currentInputs, symbolization);
        List<Profile> both = Compatibility.harmonize(List.of(b, c), List.of(sideName(base), sideName(current)));
        return List.of(new Side(PrintableNames.of(FramePruner.prune(both.get(0))), baseInputs),
                new Side(PrintableNames.of(FramePruner.prune(both.get(1))), currentInputs));
    }

    /** The side's profiles merged; inputs receives each profile's name, size and time (once). */
    private static Profile loadSide(List<InputSource> sources, Limits limits, Consumer<String> warn,
                                    List<Snapshot> inputs, Symbolization symbolization) {
        boolean[] listed = new boolean[1];
        return Combination.mergeLoading(each -> {
            SnapshotReader.forEach(sources, limits, listed[0] ? line -> { } : warn, (m, p) -> {
                if (!listed[0]) {
                    inputs.add(new Snapshot(m.name(), m.source().storedSize(), p.timeNanos()));
                }
                each.accept(m.name(), symbolization.prepared(p));
            });
            listed[0] = true;
        }, true);
    }

    private static String sideName(List<InputSource> sources) {
        List<String> names = new ArrayList<>();
        for (InputSource s : sources) {
            names.add(s.name());
        }
        return String.join("+", names);
    }
}
