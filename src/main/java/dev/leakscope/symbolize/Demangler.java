package dev.leakscope.symbolize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import dev.leakscope.profile.Profile;
import dev.leakscope.profile.ProfileBuilder;

/**
 * pprof's demangling step ({@code symbolizer.Demangle}), the last step of symbolization: every
 * function gets its name from its system name, simplified when it looks like demangled C++.
 *
 * <p>Limitation: pprof demangles mangled names (those starting with {@code _Z}, {@code ___Z},
 * {@code _R} or {@code _GLOBAL_}) with an Itanium/Rust demangler; leakscope has none and keeps them
 * as they are, so such names differ from pprof's. All other names are as pprof gives them.
 */
public final class Demangler {
    private Demangler() {
    }

    /** The profile with its function names demangled; the same instance when no name changes. */
    public static Profile apply(Profile p, boolean force, SymbolizeMode.Demangling mode) {
        String[] strings = p.strings;
        int[] names = null;
        Map<String, Integer> index = null; // string -> index, made when a name is not in the table yet
        List<String> added = new ArrayList<>();
        for (int f = 0; f < p.fnName.length; f++) {
            String name = strings[p.fnName[f]];
            String system = strings[p.fnSystemName[f]];
            // pprof forces by first setting Name = SystemName where both are set; a name that then
            // differs from the system name is taken as already demangled.
            boolean demangle = name.isEmpty() || name.equals(system) || force && !system.isEmpty();
            if (!demangle) {
                continue;
            }
            String demangled = simplify(system, mode);
            if (demangled.equals(name)) {
                continue;
            }
            if (names == null) {
                names = p.fnName.clone();
            }
            if (demangled.equals(system)) {
                names[f] = p.fnSystemName[f];
                continue;
            }
            if (index == null) {
                index = new HashMap<>(strings.length * 2);
                for (int i = 0; i < strings.length; i++) {
                    index.put(strings[i], i);
                }
            }
            Integer i = index.get(demangled);
            if (i == null) {
                i = strings.length + added.size();
                added.add(demangled);
                index.put(demangled, i);
            }
            names[f] = i;
        }
        if (names == null) {
            return p;
        }
        ProfileBuilder.Parts parts = p.parts();
        if (!added.isEmpty()) {
            parts.strings = Arrays.copyOf(strings, strings.length + added.size());
            for (int i = 0; i < added.size(); i++) {
                parts.strings[strings.length + i] = added.get(i);
            }
        }
        parts.fnName = names;
        return new Profile(parts);
    }

    /**
     * What pprof's {@code demangleSingleFunction} makes of a system name that its demangler leaves as
     * it is: a name that looks like demangled C++ loses its parameters and template arguments as the
     * mode says. (A mangled name would be demangled by pprof; see the class comment.)
     */
    static String simplify(String system, SymbolizeMode.Demangling mode) {
        String name = system;
        if (looksLikeDemangledCPlusPlus(name)) {
            if (mode.dropsParams) {
                name = removeMatching(name, '(', ')');
            }
            if (mode.dropsTemplateArgs) {
                name = removeMatching(name, '<', '>');
            }
        }
        return name;
    }

    /** pprof's heuristic for a name that is demangled C++ (and not Java's or Go's own syntax). */
    static boolean looksLikeDemangledCPlusPlus(String name) {
        // most names have none of these (String.indexOf is fast even before this method is compiled)
        if (name.indexOf('<') < 0 && name.indexOf('>') < 0 && name.indexOf('[') < 0 && name.indexOf(']') < 0) {
            return name.contains("::");
        }
        // Java names of the form "class.<init>"
        if (name.contains(".<")) {
            return false;
        }
        // Go names of the form "foo.(*Bar[...]).Method"
        if (name.contains("]).")) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '<' || c == '>' || c == '[' || c == ']') {
                return true;
            }
        }
        return name.contains("::");
    }

    /**
     * Removes the outermost start..end groups (with what they nest) from name, as pprof's
     * {@code removeMatching}: an end without a start stops the removal there, returning what is left
     * (groups before it already removed); an unclosed start is kept.
     */
    static String removeMatching(String name, char start, char end) {
        int nesting = 0;
        int first = 0;
        // The delimiters are ASCII, so searching UTF-16 chars finds the bytes pprof finds in UTF-8.
        for (int current = next(name, 0, start, end); current != -1; current = next(name, current + 1, start, end)) {
            if (name.charAt(current) == start) {
                nesting++;
                if (nesting == 1) {
                    first = current;
                }
            } else {
                nesting--;
                if (nesting < 0) {
                    return name;
                }
                if (nesting == 0) {
                    name = name.substring(0, first) + name.substring(current + 1);
                    current = first - 1;
                }
            }
        }
        return name;
    }

    /** The index of the first start or end at or after from, or -1. */
    private static int next(String s, int from, char start, char end) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == start || c == end) {
                return i;
            }
        }
        return -1;
    }
}
