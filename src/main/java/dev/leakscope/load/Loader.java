package dev.leakscope.load;

import dev.leakscope.format.ProfileLoader;
import dev.leakscope.input.FileTimes;
import dev.leakscope.util.FileTime;
import dev.leakscope.input.InputSource;
import dev.leakscope.input.LimitException;
import dev.leakscope.input.Limits;
import dev.leakscope.input.Snapshots;
import dev.leakscope.profile.Harmonization;
import dev.leakscope.profile.Profile;
import dev.leakscope.profile.ProfileStream;
import dev.leakscope.profile.SampleIndex;
import dev.leakscope.profile.Snapshot;
import dev.leakscope.profile.transform.Combination;
import dev.leakscope.profile.transform.Compatibility;
import dev.leakscope.profile.transform.FramePruner;
import dev.leakscope.profile.transform.PrintableNames;
import dev.leakscope.profile.transform.SampleTypeHarmonizer;
import dev.leakscope.profile.transform.ValueSums;
import dev.leakscope.symbolize.Symbolization;
import dev.leakscope.util.InputException;
import dev.leakscope.util.PprofError;
import dev.leakscope.util.UsageException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The one place that turns command-line sources (files, {@code -}, directories, archives) into what
 * the analyses read: a merged profile, the two sides of a diff, a series. Profiles are merged as
 * pprof merges them, symbolized and pruned (drop_frames) here, so nothing after this reads inputs.
 */
public final class Loader {
    private final Limits limits;
    private final Consumer<String> warn;
    private final Symbolization symbolization;

    /**
     * @param warn receives one line per skipped directory or archive member (and other warnings)
     */
    public Loader(Limits limits, Consumer<String> warn, Symbolization symbolization) {
        this.limits = limits;
        this.warn = warn;
        this.symbolization = symbolization;
    }

    /** Takes each snapshot of a series, in series order (see {@link SnapshotReader.Stages}). */
    @FunctionalInterface
    public interface SeriesStages {
        /**
         * Runs on the calling thread; the task it returns on any thread (at once with other snapshots'
         * tasks), and what that returns back on the calling thread, in series order.
         *
         * @param argument the index of the command-line argument it comes from (members of a directory
         *                 or archive share one)
         * @param file     when its file was captured, for a profile without a time of its own (else none)
         */
        Supplier<Runnable> snapshot(int argument, String name, Profile profile, FileTime file);
    }

    /**
     * The sources merged and pruned: the profile a report on them is computed from. A directory or
     * archive among them stands for all the profiles in it.
     */
    public Profile merged(List<InputSource> sources) {
        return merged(sources, true);
    }

    /**
     * As {@link #merged(List)}, for a report of samples (traces): samples that are the same once merged
     * (the same locations and labels) are one, even of a single profile, as pprof's -traces shows them.
     */
    public Profile mergedSamples(List<InputSource> sources) {
        return merged(sources, false);
    }

    private Profile merged(List<InputSource> sources, boolean graphOnly) {
        ProfileStream profiles = SnapshotReader.stream(sources, limits, warn);
        ValueSums sums = new ValueSums();
        return PrintableNames.of(FramePruner.prune(Combination.mergeHarmonizing(each -> profiles.forEach(
                (name, p) -> each.accept(name, symbolization.prepared(sums.add(name, p)))), graphOnly)));
    }

    /**
     * The profile a pprof report is computed from, its inputs read exactly as pprof reads them (each
     * a single file): merged, the base subtracted, symbolized, pruned.
     *
     * @param graphOnly whether the report only needs the graph (see {@link Combination#mergeLoading})
     * @param unfetched how many more sources were named that could not be fetched (already reported)
     */
    public Profile asPprof(List<InputSource> sources, int unfetched, List<InputSource> bases,
                           Combination.BaseMode mode, boolean normalize, boolean graphOnly) {
        ValueSums sums = new ValueSums();
        Profile p;
        try {
            p = mergedAsPprof(sources, unfetched, graphOnly && bases.isEmpty(), sums);
        } catch (Compatibility.Mismatch e) {
            throw new PprofError("problem fetching source profiles: " + e.pprofWords(), e);
        }
        if (!bases.isEmpty()) {
            // pprof takes one base (its last -base flag): nothing to merge on that side
            Profile base = mergedAsPprof(bases, 0, false, sums);
            try {
                p = Combination.subtract(p, sources.get(0).name(), base, bases.get(0).name(), mode, normalize);
            } catch (Compatibility.Mismatch e) {
                throw new PprofError(e.pprofWords(), e);
            }
        }
        return FramePruner.prune(symbolization.symbolized(p));
    }

    /**
     * The sources merged as pprof merges them. Of several sources (unfetched more were named), those
     * that cannot be read are left out as pprof leaves them out, each named on warn, then {@code Fetched
     * N source profiles out of M} (none: pprof's error). A single source, or a base (pprof takes one),
     * fails with its own error.
     */
    private Profile mergedAsPprof(List<InputSource> sources, int unfetched, boolean graphOnly, ValueSums sums) {
        int named = sources.size() + unfetched;
        if (sources.isEmpty()) {
            throw new PprofError("failed to fetch any source profiles", null);
        }
        boolean[] counted = new boolean[1]; // the sources may be read twice: their values count once
        boolean[] failed = new boolean[sources.size()];
        return Combination.mergeLoading(each -> {
            InputException first = null;
            int loaded = 0;
            for (int i = 0; i < sources.size(); i++) {
                InputSource s = sources.get(i);
                if (failed[i]) {
                    continue;
                }
                Profile p;
                try {
                    p = ProfileLoader.load(s, limits, ProfileLoader.Reading.PPROF);
                } catch (InputException e) {
                    if (named == 1 || LimitException.isCause(e)) {
                        throw e;
                    }
                    failed[i] = true;
                    first = first == null ? e : first;
                    warn.accept(e.getMessage());
                    continue;
                }
                if (!counted[0]) {
                    sums.add(s.name(), p);
                }
                each.accept(s.name(), symbolization.located(p));
                loaded++;
            }
            if (!counted[0] && loaded < named) {
                if (loaded == 0) {
                    throw new PprofError("failed to fetch any source profiles", first);
                }
                warn.accept("Fetched " + loaded + " source profiles out of " + named);
            }
            counted[0] = true;
        }, graphOnly);
    }

    /**
     * The two sides of a diff, each merged from its inputs (a directory or archive stands for the
     * profiles in it), brought to common units and pruned; their sample types must agree (by name and
     * unit), or the error names both sides. Without bases, the first source is the base; a single
     * directory or archive compares its oldest profile with its newest (by name when their times do not
     * order them, which the inputs' warnings say instead of warn: the report says it too).
     *
     * @param sampleIndex the requested sample type (null: the current profile's default)
     */
    public DiffInputs diff(List<InputSource> bases, List<InputSource> sources, String sampleIndex) {
        List<InputSource> base = bases;
        List<InputSource> current = sources;
        String collection = null; // the directory or archive whose oldest and newest are compared, if any
        List<String> warnings = new ArrayList<>();
        if (base.isEmpty()) {
            if (current.size() < 2) {
                Snapshots series = Snapshots.of(current.get(0), limits);
                if (!series.isCollection()) {
                    throw new UsageException("diff needs a baseline and a current profile: diff BASE CURRENT,"
                            + " diff --base BASE CURRENT, or diff DIR|ARCHIVE (its oldest and newest profiles)");
                }
                current = SnapshotReader.oldestAndNewest(series, limits, warn, warnings::add);
                collection = series.source().name();
            }
            base = List.of(current.get(0));
            current = current.subList(1, current.size());
        }
        List<Snapshot> baseInputs = new ArrayList<>();
        List<Snapshot> currentInputs = new ArrayList<>();
        ValueSums sums = new ValueSums();
        Profile b;
        Profile c;
        // both sides decode at once when they are files (the one case where loading is all there is)
        List<InputSource> files = new ArrayList<>(base);
        files.addAll(current);
        try (LoadAhead ahead = LoadAhead.ofFiles(files, limits)) {
            b = side(base, baseInputs, sums, ahead);
            c = side(current, currentInputs, sums, ahead);
        }
        List<String> names = List.of(sideName(base), sideName(current));
        SampleTypeHarmonizer.Result common;
        try {
            common = SampleTypeHarmonizer.harmonize(List.of(b, c), names);
        } catch (InputException e) {
            if (collection == null) {
                throw e;
            }
            throw new InputException(e.getMessage() + "; diff DIR compares the oldest profile in " + collection
                    + " with the newest, and these are of different kinds: name the two to compare (diff BASE CURRENT)", e);
        }
        Harmonization note = b.harmonization.plus(c.harmonization).plus(common.harmonization());
        List<Profile> both = Compatibility.harmonize(common.profiles(), names);
        Profile prunedBase = Combination.withHarmonization(PrintableNames.of(FramePruner.prune(both.get(0))), note);
        Profile prunedCurrent = Combination.withHarmonization(PrintableNames.of(FramePruner.prune(both.get(1))), note);
        return new DiffInputs(prunedBase, baseInputs, prunedCurrent, currentInputs,
                SampleIndex.resolve(prunedCurrent, sampleIndex), warnings);
    }

    /**
     * The side's profiles merged; inputs receives each profile's name, size and time (once). The first
     * pass takes the profiles from ahead when it is not null (they are its next files).
     */
    private Profile side(List<InputSource> sources, List<Snapshot> inputs, ValueSums sums, LoadAhead ahead) {
        boolean[] listed = new boolean[1];
        return Combination.mergeHarmonizing(each -> {
            SnapshotReader.Visitor visitor = (m, p) -> {
                if (!listed[0]) {
                    inputs.add(Snapshot.of(m.name(), m.source().storedSize(), p));
                }
                each.accept(m.name(), symbolization.prepared(listed[0] ? p : sums.add(m.name(), p)));
            };
            if (listed[0] || ahead == null) {
                SnapshotReader.forEach(sources, limits, listed[0] ? line -> { } : warn, visitor);
            } else {
                SnapshotReader.forEach(sources, ahead, visitor);
            }
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

    /**
     * Every snapshot the sources hold, in argument order, symbolized and pruned; they are loaded, and the
     * tasks stages returns run, on the cores the machine has.
     */
    public void series(List<InputSource> sources, SeriesStages stages) {
        SnapshotReader.inStages(sources, limits, warn,
                (m, p) -> stages.snapshot(m.argument(), m.name(),
                        PrintableNames.of(FramePruner.prune(symbolization.prepared(new ValueSums().add(m.name(), p)))),
                        p.timeNanos() == 0 ? FileTimes.of(m.source()) : FileTime.NONE));
    }

    /** What a source holds: one profile, or the members of a directory or archive. */
    public Snapshots expand(InputSource source) {
        return Snapshots.of(source, limits);
    }

    /**
     * One file's profile as it is stored: not symbolized, not pruned (names {@link PrintableNames}); its
     * totals are exact ({@link ValueSums}), as in every report.
     */
    public Profile raw(InputSource source) {
        return PrintableNames.of(new ValueSums().add(source.name(), ProfileLoader.load(source, limits)));
    }

    /** Receives each member of a directory or archive. */
    @FunctionalInterface
    public interface MemberVisitor {
        /** @param file when its file was captured, for a profile without a time of its own (else none) */
        void member(Snapshot snapshot, Profile profile, FileTime file);
    }

    /**
     * Each profile of a directory or archive as it is stored, with its name, size and time.
     *
     * @return how many entries were skipped (not profiles, or not files)
     */
    public int members(Snapshots series, MemberVisitor each) {
        int[] skipped = new int[1];
        SnapshotReader.forEach(0, series, limits, line -> {
            skipped[0]++;
            warn.accept(line);
        }, (m, p) -> each.member(Snapshot.of(m.name(), m.source().storedSize(), p),
                PrintableNames.of(new ValueSums().add(m.name(), p)),
                p.timeNanos() == 0 ? FileTimes.of(m.source()) : FileTime.NONE));
        return skipped[0];
    }
}
