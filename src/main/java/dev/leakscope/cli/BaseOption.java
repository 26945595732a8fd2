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
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
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
     */
    record Loaded(Path target, ReportContext current, ReportContext base) {
    }

    /**
     * The current files and the bases as contexts with these settings, once --output is checked against all
     * of them; with noteHarmonization, stderr says how the current files' sample types were harmonized.
     */
    Loaded load(ProfileCommand command, List<String> files, FormatOptions format, ReportSettings settings,
                boolean noteHarmonization) {
        List<InputSource> current = command.input.sources(files, command.root);
        List<InputSource> baseSources = sources(command);
        Path target = format.target(command.root.workDir, ProfileCommand.both(baseSources, current));
        ReportContext now = command.context(current, settings);
        if (noteHarmonization) {
            noteHarmonization(now, command.spec);
        }
        return new Loaded(target, now, context(command, baseSources, now, settings));
    }

    /** The sources the bases name (URLs are fetched now); empty without --base. */
    List<InputSource> sources(ProfileCommand command) {
        return command.input.sources(bases, command.root);
    }

    /**
     * Says on stderr how the files' sample types were brought onto one set, for the reports whose
     * header has no place for it (focus, list).
     */
    private static void noteHarmonization(ReportContext current, CommandSpec spec) {
        Harmonization h = current.profile().harmonization;
        if (!h.isNone()) {
            Output.warnings(spec).accept("Harmonized: " + h.describe());
        }
    }

    /**
     * The bases' context (merged, the current one's sample type and the settings' filters), or null without
     * --base; its sample type must have the current one's unit.
     */
    private static ReportContext context(ProfileCommand command, List<InputSource> bases, ReportContext current,
                                 ReportSettings settings) {
        if (bases.isEmpty()) {
            return null;
        }
        Profile p = command.loader().merged(bases);
        String name = String.join(" ", bases.stream().map(InputSource::name).toList());
        // The base may hold the current type in another form: a heap text taken before the first GC has
        // alloc_space and inuse_space as its one space.
        ValueType wanted = SampleTypeHarmonizer.Shape.of(current.profile()).meaning(current.sampleIndex());
        SampleTypeHarmonizer.Shape shape = SampleTypeHarmonizer.Shape.of(p);
        int column = shape.column(wanted.type(), wanted.unit());
        if (column < 0) {
            List<String> has = new ArrayList<>();
            shape.view().forEach(t -> has.add(t.type()));
            throw new UsageException(SampleIndex.missing(wanted.type(), bases.stream().map(InputSource::name).toList(),
                    has));
        }
        Harmonization note = SampleTypeHarmonizer.describe(List.of(SampleTypeHarmonizer.Shape.of(current.profile()),
                shape), List.of("the current profile", name));
        if (!note.isNone()) {
            Output.warnings(command.spec).accept("Harmonized: " + note.describe());
        }
        ReportContext b = ReportContext.of(p, settings.withSampleIndex(Integer.toString(column)),
                Output.notices(command.spec));
        if (!b.sampleUnit().equals(current.sampleUnit())) {
            throw new InputException("the base profile's " + b.typeName() + " is in " + b.sampleUnit()
                    + ", the current one's in " + current.sampleUnit() + ": they cannot be compared");
        }
        return b;
    }
}
