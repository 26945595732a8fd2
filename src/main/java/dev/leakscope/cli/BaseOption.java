package dev.leakscope.cli;

import dev.leakscope.input.InputSource;
import dev.leakscope.report.pprof.ReportContext;
import dev.leakscope.report.pprof.ReportSettings;
import dev.leakscope.util.InputException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code -b/--base FILE}: the earlier profiles (merged) a command compares the current ones with. */
final class BaseOption {
    @Option(names = {"-b", "--base"}, paramLabel = "FILE",
            description = "Baseline profile to compare with: show base, current and the growth (repeatable: merged).")
    List<String> bases = new ArrayList<>();

    /** The sources the bases name (URLs are fetched now); empty without --base. */
    List<InputSource> sources(ProfileCommand command) {
        return command.input.sources(bases, command.root);
    }

    /**
     * The bases' context (merged, the current one's sample type and the settings' filters), or null without
     * --base; its sample type must have the current one's unit.
     */
    static ReportContext context(ProfileCommand command, List<InputSource> bases, ReportContext current,
                                 ReportSettings settings) {
        if (bases.isEmpty()) {
            return null;
        }
        ReportContext b = command.context(bases, settings.withSampleIndex(current.typeName()));
        if (!b.sampleUnit().equals(current.sampleUnit())) {
            throw new InputException("the base profile's " + b.typeName() + " is in " + b.sampleUnit()
                    + ", the current one's in " + current.sampleUnit() + ": they cannot be compared");
        }
        return b;
    }
}
