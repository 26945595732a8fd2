package dev.leakscope.cli;

import dev.leakscope.focus.FocusQuery;
import dev.leakscope.input.InputSource;
import dev.leakscope.load.Loader;
import dev.leakscope.profile.Profile;
import dev.leakscope.report.pprof.ReportContext;
import dev.leakscope.report.pprof.ReportSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;

/** What every command that reads profiles has: the input options, the root command and its spec. */
abstract class ProfileCommand implements Callable<Integer> {
    @Mixin
    InputOptions input;

    /**
     * The root command and this command's spec, set by {@link Commands} (not by picocli's {@code @ParentCommand}
     * and {@code @Spec}: each annotation type read costs start-up a proxy class).
     */
    LeakscopeCommand root;

    CommandSpec spec;

    /** Loads this command's inputs with its limits, warnings and symbolization. */
    Loader loader() {
        return new Loader(input.limits(), Output.warnings(spec), input.symbolization(root, Output.warnings(spec)));
    }

    /** The report context of sources (merged) with the settings' sample type and filters. */
    ReportContext context(List<InputSource> sources, ReportSettings settings) {
        return ReportContext.of(merged(sources), settings, Output.warnings(spec));
    }

    /** The sources merged, as this command's reports need them (see {@link Loader#merged}). */
    Profile merged(List<InputSource> sources) {
        return loader().merged(sources);
    }

    /** A report's profile, sample value and total, as focus and stack deltas read them. */
    static FocusQuery.Input input(ReportContext rc) {
        return new FocusQuery.Input(rc.profile(), rc.sampleIndex(), rc.total());
    }

    /** All the inputs of a command that compares: the bases, then the current ones. */
    static List<InputSource> both(List<InputSource> bases, List<InputSource> current) {
        List<InputSource> all = new ArrayList<>(bases);
        all.addAll(current);
        return all;
    }
}
