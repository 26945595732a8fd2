package dev.leakscope.symbolize;

import dev.leakscope.binary.ObjectFiles;
import java.util.function.Consumer;
import dev.leakscope.profile.Profile;

/**
 * How reports get names for addresses, as pprof's symbolization does: the binaries of each profile's
 * mappings are located as the profile is read; then, as pprof's {@code -symbolize} option says (parsed
 * on first use, once the inputs were read, as pprof does), locations are symbolized from those
 * binaries and function names demangled (C++ names simplified).
 */
public final class Symbolization {
    private final BinaryLocator locator;
    private final ObjectFiles files;
    private final String option;
    private final Consumer<String> notices;
    private final LocalSymbolizer.Style style;
    private SymbolizeMode mode;

    /**
     * @param option  pprof's {@code -symbolize} value ("" for the default)
     * @param notices receives the warnings about the option and the binaries that cannot be used
     */
    public Symbolization(BinaryLocator locator, ObjectFiles files, String option, Consumer<String> notices,
                         LocalSymbolizer.Style style) {
        this.locator = locator;
        this.files = files;
        this.option = option;
        this.notices = notices;
        this.style = style;
    }

    /** A profile as read, with its mappings' binaries located. */
    public Profile located(Profile p) {
        return locator.locate(p);
    }

    /** A (combined) profile symbolized and demangled, as the mode says. */
    public Profile symbolized(Profile p) {
        if (mode == null) {
            mode = SymbolizeMode.parse(option, notices);
        }
        if (mode.none()) {
            return p;
        }
        Profile s = mode.local() ? LocalSymbolizer.symbolize(p, mode.force(), files, notices, style) : p;
        return Demangler.apply(s, mode.force(), mode.demangling());
    }

    /** A profile as read, made ready for leakscope's own reports: located and symbolized. */
    public Profile prepared(Profile p) {
        return symbolized(located(p));
    }
}
