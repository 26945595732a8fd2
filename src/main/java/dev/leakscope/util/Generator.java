package dev.leakscope.util;

/**
 * What produced a report: "leakscope 0.1.0", from the jar's manifest ("leakscope dev" when run from
 * classes). --version prints it, and JSON reports and HTML pages carry it, so that an attachment to a
 * ticket says which build computed its numbers.
 */
public final class Generator {
    public static final String NAME = "leakscope " + version();

    private Generator() {
    }

    private static String version() {
        String v = Generator.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
