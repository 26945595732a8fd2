package dev.leakscope.symbolize;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * pprof's {@code -symbolize} option, parsed as pprof's {@code Symbolizer.Symbolize} parses it: what
 * symbolization does to a profile after its sources are combined and before drop_frames is applied.
 *
 * <p>pprof's remote symbolization (symbolz) asks the server a profile was fetched from over HTTP;
 * leakscope reads files only, so the {@code remote} part of the option matters only in that
 * {@code remote} alone turns local symbolization off.
 *
 * @param none       {@code none} or {@code no}: nothing happens at all, not even demangling
 * @param local      symbolize locally (from binaries); off with {@code remote}
 * @param fast       {@code fastlocal}: pprof's fast local symbolization (function names from the symbol table)
 * @param force      {@code force} (or any {@code demangle=} mode): symbolize and demangle again names
 *                   the profile already has
 * @param demangling how names are demangled and simplified
 */
public record SymbolizeMode(boolean none, boolean local, boolean fast, boolean force, Demangling demangling) {
    /** pprof's default (an empty option): local symbolization, names simplified. */
    public static final SymbolizeMode DEFAULT = new SymbolizeMode(false, true, false, false, Demangling.DEFAULT);

    /** pprof's {@code demangle=} modes: how much of a C++ name is kept. */
    public enum Demangling {
        /** Simplified: no parameters, no template arguments (pprof's default). */
        DEFAULT(true, true),
        /** {@code demangle=templates}: no parameters, template arguments kept. */
        TEMPLATES(true, false),
        /** {@code demangle=full}: the whole demangled name. */
        FULL(false, false),
        /** {@code demangle=none}: names are not demangled (nor simplified). */
        NONE(false, false);

        final boolean dropsParams;
        final boolean dropsTemplateArgs;

        Demangling(boolean dropsParams, boolean dropsTemplateArgs) {
            this.dropsParams = dropsParams;
            this.dropsTemplateArgs = dropsTemplateArgs;
        }
    }

    /**
     * Parses option as pprof does: its parts, separated by {@code :}, in order and lower-cased;
     * {@code none} stops there. An unrecognised part is ignored after two lines to notices (naming the
     * whole option, as pprof does).
     */
    public static SymbolizeMode parse(String option, Consumer<String> notices) {
        boolean local = true;
        boolean fast = false;
        boolean force = false;
        Demangling demangling = Demangling.DEFAULT;
        for (String o : option.toLowerCase(Locale.ROOT).split(":", -1)) {
            switch (o) {
                case "" -> { }
                case "none", "no" -> {
                    return new SymbolizeMode(true, false, false, false, Demangling.DEFAULT);
                }
                case "local" -> local = true;
                case "fastlocal" -> {
                    local = true;
                    fast = true;
                }
                case "remote" -> local = false;
                case "force" -> force = true;
                default -> {
                    // As in pprof, "full" alone means "demangle=full".
                    String d = o.startsWith("demangle=") ? o.substring("demangle=".length()) : o;
                    switch (d) {
                        case "full", "none", "templates" -> {
                            demangling = Demangling.valueOf(d.toUpperCase(Locale.ROOT));
                            force = true;
                        }
                        case "default" -> { }
                        default -> {
                            notices.accept("ignoring unrecognized symbolization option: " + option);
                            notices.accept("expecting -symbolize=[local|fastlocal|remote|none][:force]"
                                    + "[:demangle=[none|full|templates|default]");
                        }
                    }
                }
            }
        }
        return new SymbolizeMode(false, local, fast, force, demangling);
    }
}
