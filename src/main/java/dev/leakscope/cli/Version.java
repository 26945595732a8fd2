package dev.leakscope.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest (or "dev" when run from classes). */
final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {line()};
    }

    /** The one line --version prints. */
    static String line() {
        String v = Version.class.getPackage().getImplementationVersion();
        return "leakscope " + (v == null ? "dev" : v);
    }
}
