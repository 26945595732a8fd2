package dev.leakscope.symbolize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakscope.symbolize.SymbolizeMode.Demangling;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** pprof's -symbolize option, part by part as its Symbolize function reads it. */
class SymbolizeModeTest {
    private final List<String> notices = new ArrayList<>();

    private SymbolizeMode parse(String option) {
        return SymbolizeMode.parse(option, notices::add);
    }

    private static List<String> warning(String option) {
        return List.of("ignoring unrecognized symbolization option: " + option,
                "expecting -symbolize=[local|fastlocal|remote|none][:force][:demangle=[none|full|templates|default]");
    }

    @Test
    void emptyPartsGiveTheDefault() {
        assertEquals(SymbolizeMode.DEFAULT, parse(""));
        assertEquals(SymbolizeMode.DEFAULT, parse("::"));
        assertEquals(SymbolizeMode.DEFAULT, parse("demangle=default"));
        assertEquals(SymbolizeMode.DEFAULT, parse("DEFAULT"));
        assertEquals(List.of(), notices);
        assertTrue(SymbolizeMode.DEFAULT.local());
        assertFalse(SymbolizeMode.DEFAULT.none() || SymbolizeMode.DEFAULT.force() || SymbolizeMode.DEFAULT.fast());
        assertEquals(Demangling.DEFAULT, SymbolizeMode.DEFAULT.demangling());
    }

    @Test
    void noneStopsEverythingAndWhatFollowsIsNotRead() {
        assertTrue(parse("none").none());
        assertTrue(parse("No").none());
        assertTrue(parse("force:demangle=full:none").none());
        assertTrue(parse("none:bogus").none());
        assertEquals(List.of(), notices);
        assertTrue(parse("bogus:none:other").none());
        assertEquals(warning("bogus:none:other"), notices);
    }

    @Test
    void sourcesOfSymbols() {
        assertEquals(new SymbolizeMode(false, true, false, false, Demangling.DEFAULT), parse("local"));
        assertEquals(new SymbolizeMode(false, true, true, false, Demangling.DEFAULT), parse("fastlocal"));
        assertEquals(new SymbolizeMode(false, false, false, false, Demangling.DEFAULT), parse("remote"));
        assertEquals(new SymbolizeMode(false, true, false, false, Demangling.DEFAULT), parse("remote:local"));
        // as in pprof, local after fastlocal keeps fast; remote after it turns local off only
        assertEquals(new SymbolizeMode(false, true, true, false, Demangling.DEFAULT), parse("fastlocal:local"));
        assertEquals(new SymbolizeMode(false, false, true, false, Demangling.DEFAULT), parse("FastLocal:Remote"));
        assertEquals(List.of(), notices);
    }

    @Test
    void demanglingModesForce() {
        assertEquals(new SymbolizeMode(false, true, false, true, Demangling.DEFAULT), parse("force"));
        assertEquals(new SymbolizeMode(false, true, false, true, Demangling.FULL), parse("demangle=full"));
        assertEquals(new SymbolizeMode(false, true, false, true, Demangling.TEMPLATES), parse("Demangle=Templates"));
        assertEquals(new SymbolizeMode(false, true, false, true, Demangling.NONE), parse("demangle=none"));
        // pprof accepts the mode without its "demangle=" too
        assertEquals(new SymbolizeMode(false, false, false, true, Demangling.FULL), parse("remote:full"));
        assertEquals(new SymbolizeMode(false, true, false, true, Demangling.TEMPLATES), parse("templates"));
        assertEquals(new SymbolizeMode(false, true, false, true, Demangling.TEMPLATES), parse("full:templates"));
        assertEquals(List.of(), notices);
    }

    @Test
    void unrecognizedPartsAreIgnoredWithTwoLinesEachNamingTheWholeOption() {
        assertEquals(new SymbolizeMode(false, true, false, true, Demangling.DEFAULT), parse("Locals:force"));
        assertEquals(warning("Locals:force"), notices);
        notices.clear();
        assertEquals(SymbolizeMode.DEFAULT, parse("demangle=:demangle=x"));
        List<String> twice = new ArrayList<>(warning("demangle=:demangle=x"));
        twice.addAll(warning("demangle=:demangle=x"));
        assertEquals(twice, notices);
    }
}
