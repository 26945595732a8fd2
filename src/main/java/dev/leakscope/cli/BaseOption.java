package dev.leakscope.cli;

import dev.leakscope.load.Loader;
import dev.leakscope.profile.Harmonization;
import dev.leakscope.profile.Profile;
import dev.leakscope.profile.SampleIndex;
import dev.leakscope.profile.ValueType;
import dev.leakscope.profile.transform.SampleTypeHarmonizer;
import dev.leakscope.report.ReportContext;
import dev.leakscope.report.ReportSettings;
import dev.leakscope.util.InputException;
import dev.leakscope.util.UsageException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** {@code --base FILE}: the earlier profile a command compares the current one with. */
final class BaseOption {
    @Option(names = {"-b", "--base"}, paramLabel = "FILE",
            description = "Compare with this earlier profile: show base, current and the growth.")
    String base;

    /** The report context of files (merged) with the settings' filters applied. */
    static ReportContext load(List<String> files, ReportSettings settings, LeakscopeCommand root, InputOptions input,
                              CommandSpec spec) {
        var profile = new Loader(input.limits(), Output.warnings(spec), input.symbolization(root, Output.warnings(spec)))
                .merged(input.sources(files, root));
        return ReportContext.of(profile, settings, Output.notices(spec));
    }

    /**
     * Says on stderr how the files' sample types were brought onto one set, for the reports whose
     * header has no place for it (focus, list).
     */
    static void noteHarmonization(ReportContext current, CommandSpec spec) {
        Harmonization h = current.profile().harmonization;
        if (!h.isNone()) {
            Output.warnings(spec).accept("Harmonized: " + h.describe());
        }
    }

    /** The base's context, or null without --base; its sample type must have the current one's unit. */
    ReportContext load(ReportContext current, ReportSettings settings, LeakscopeCommand root, InputOptions input,
                       CommandSpec spec) {
        if (base == null) {
            return null;
        }
        Profile p = new Loader(input.limits(), Output.warnings(spec), input.symbolization(root, Output.warnings(spec)))
                .merged(input.sources(List.of(base), root));
        // The base may hold the current type in another form: a heap text taken before the first GC has
        // alloc_space and inuse_space as its one space.
        ValueType wanted = SampleTypeHarmonizer.Shape.of(current.profile()).meaning(current.sampleIndex());
        SampleTypeHarmonizer.Shape shape = SampleTypeHarmonizer.Shape.of(p);
        int column = shape.column(wanted.type(), wanted.unit());
        if (column < 0) {
            List<String> has = new ArrayList<>();
            shape.view().forEach(t -> has.add(t.type()));
            throw new UsageException(SampleIndex.missing(wanted.type(), List.of(base), has));
        }
        Harmonization note = SampleTypeHarmonizer.describe(List.of(SampleTypeHarmonizer.Shape.of(current.profile()),
                shape), List.of("the current profile", base));
        if (!note.isNone()) {
            Output.warnings(spec).accept("Harmonized: " + note.describe());
        }
        ReportContext b = ReportContext.of(p, settings.withSampleIndex(Integer.toString(column)), Output.notices(spec));
        if (!b.sampleUnit().equals(current.sampleUnit())) {
            throw new InputException("the base profile's " + b.typeName() + " is in " + b.sampleUnit()
                    + ", the current one's in " + current.sampleUnit() + ": they cannot be compared");
        }
        return b;
    }
}
