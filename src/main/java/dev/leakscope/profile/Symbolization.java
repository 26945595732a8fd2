package dev.leakscope.profile;

import dev.leakscope.binary.ObjectFiles;
import java.util.function.Consumer;

/**
 * How a pprof report finds names for addresses: binaries located for each profile as it is read, then
 * local symbolization of the combined profile (unless turned off by {@code -symbolize}).
 *
 * @param locator finds each mapping's binary (and applies the executable given on the command line)
 * @param local   symbolize from local binaries
 * @param force   re-symbolize mappings that already have function names
 */
public record Symbolization(BinaryLocator locator, ObjectFiles files, boolean local, boolean force,
                           Consumer<String> notices, LocalSymbolizer.Style style) {

    /** A profile as read, with its mappings' binaries located. */
    public Profile located(Profile p) {
        return locator.locate(p);
    }

    /** The combined profile, symbolized. */
    public Profile symbolized(Profile p) {
        return local ? LocalSymbolizer.symbolize(p, force, files, notices, style) : p;
    }

    /** A profile as read, its binaries located and its addresses symbolized (leakscope's own reports). */
    public Profile prepared(Profile p) {
        return symbolized(located(p));
    }
}
