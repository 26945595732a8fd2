package dev.leakscope.cli;

import dev.leakscope.input.InputSource;
import dev.leakscope.profile.Harmonization;
import dev.leakscope.profile.Profile;
import dev.leakscope.profile.SampleIndex;
import dev.leakscope.profile.ValueType;
import dev.leakscope.profile.transform.SampleTypeHarmonizer;
import dev.leakscope.report.pprof.ReportContext;
import dev.leakscope.report.pprof.ReportSettings;
import dev.leakscope.util.InputException;
import dev.leakscope.util.UsageException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/** {@code -b/--base FILE}: the earlier profiles (merged) a command compares the current ones with. */
final class BaseOption {
    @Option(names = {"-b", "--base"}, paramLabel = "FILE",
            description = "Baseline profile to compare with: show base, current and the growth (repeatable: merged).")
    List<String> bases = new ArrayList<>();

    /**
     * What a command that compares reads.
     *
     * @param target  the --output file, or null for standard output
     * @param base    the bases' context, or null without --base
     * @param baseNote how the bases' sample types were matched to the current ones (none without --base)
     */
    record Loaded(Path target, ReportContext current, ReportContext base, Harmonization baseNote) {
        /** All that was harmonised: the current files among themselves, then the bases to them. */
        Harmonization harmonization() {
            return current.profile().harmonization.plus(baseNote);
        }
    }

    /**
     * The current files and the bases as contexts with these settings, once --output is checked against all
     * of them.
     */
    Loaded load(ProfileCommand command, List<String> files, FormatOptions format, ReportSettings settings) {
        List<InputSource> current = command.input.sources(files, command.root);
        List<InputSource> baseSources = sources(command);
        Path target = format.target(command.root.workDir, ProfileCommand.both(baseSources, current));
        if (baseSources.isEmpty()) {
            return new Loaded(target, command.context(current, settings), null, Harmonization.NONE);
        }
        // a filter's notice (it matched no sample) only when it holds for both sides
        Set<String> currentNotices = new LinkedHashSet<>();
        Set<String> baseNotices = new LinkedHashSet<>();
        ReportContext now = ReportContext.of(command.merged(current), settings, currentNotices::add);
        Profile p = command.merged(baseSources);
        String name = String.join(" ", baseSources.stream().map(InputSource::name).toList());
        // The base may hold the current type in another form: a heap text taken before the first GC has
        // alloc_space and inuse_space as its one space.
        ValueType wanted = SampleTypeHarmonizer.Shape.of(now.profile()).meaning(now.sampleIndex());
        SampleTypeHarmonizer.Shape shape = SampleTypeHarmonizer.Shape.of(p);
        int column = shape.column(wanted.type(), wanted.unit());
        if (column < 0) {
            List<String> has = new ArrayList<>();
            shape.view().forEach(t -> has.add(t.type()));
            throw new UsageException(SampleIndex.missing(wanted.type(),
                    baseSources.stream().map(InputSource::name).toList(), has));
        }
        Harmonization note = SampleTypeHarmonizer.describe(List.of(SampleTypeHarmonizer.Shape.of(now.profile()),
                shape), List.of("the current profile", name));
        ReportContext b = ReportContext.of(p, settings.withSampleIndex(Integer.toString(column)), baseNotices::add);
        currentNotices.retainAll(baseNotices);
        currentNotices.forEach(Output.warnings(command.spec));
        if (!b.sampleUnit().equals(now.sampleUnit())) {
            throw new InputException("the base profile's " + b.typeName() + " is in " + b.sampleUnit()
                    + ", the current one's in " + now.sampleUnit() + ": they cannot be compared");
        }
        return new Loaded(target, now, b, note);
    }

    /** The sources the bases name (URLs are fetched now); empty without --base. */
    List<InputSource> sources(ProfileCommand command) {
        return command.input.sources(bases, command.root);
    }
}
