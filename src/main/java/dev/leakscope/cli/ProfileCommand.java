package dev.leakscope.cli;

import dev.leakscope.load.Loader;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** What every command that reads profiles has: the input options, the root command and its spec. */
abstract class ProfileCommand implements Callable<Integer> {
    @Mixin
    InputOptions input;

    @ParentCommand
    LeakscopeCommand root;

    @Spec
    CommandSpec spec;

    /** Loads this command's inputs with its limits, warnings and symbolization. */
    Loader loader() {
        return new Loader(input.limits(), Output.warnings(spec), input.symbolization(root, Output.warnings(spec)));
    }
}
