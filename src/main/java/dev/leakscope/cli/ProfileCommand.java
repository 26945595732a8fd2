package dev.leakscope.cli;

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
}
