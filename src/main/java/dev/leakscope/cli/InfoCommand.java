package dev.leakscope.cli;

import dev.leakscope.input.InputSource;
import dev.leakscope.profile.format.ProfileLoader;
import dev.leakscope.report.InfoReport;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code leakscope info}: what a profile holds. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Describe profiles: sample types, period, time, counts, totals and the likely producer.")
final class InfoCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Profiles to describe.")
    List<String> files;

    @Mixin
    InputOptions input;

    @ParentCommand
    LeakscopeCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<InputSource> sources = InputOptions.sources(files, root);
        return Output.print(spec, w -> {
            for (InputSource s : sources) {
                InfoReport.write(s.name(), s.storedSize(), ProfileLoader.load(s, input.limits()),
                        ZoneId.systemDefault(), w);
            }
        });
    }
}
