package dev.leakscope.cli;

import dev.leakscope.util.Generator;
import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest (or "dev" when run from classes): {@link Generator}. */
final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {line()};
    }

    /** The one line --version prints. */
    static String line() {
        return Generator.NAME;
    }
}
