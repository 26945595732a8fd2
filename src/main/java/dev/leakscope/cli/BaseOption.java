package dev.leakscope.cli;

import dev.leakscope.load.Loader;
import dev.leakscope.report.ReportContext;
import dev.leakscope.report.ReportSettings;
import dev.leakscope.util.InputException;
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

    /** The base's context, or null without --base; its sample type must have the current one's unit. */
    ReportContext load(ReportContext current, ReportSettings settings, LeakscopeCommand root, InputOptions input,
                       CommandSpec spec) {
        if (base == null) {
            return null;
        }
        ReportContext b = load(List.of(base), settings.withSampleIndex(current.typeName()), root, input, spec);
        if (!b.sampleUnit().equals(current.sampleUnit())) {
            throw new InputException("the base profile's " + b.typeName() + " is in " + b.sampleUnit()
                    + ", the current one's in " + current.sampleUnit() + ": they cannot be compared");
        }
        return b;
    }
}
