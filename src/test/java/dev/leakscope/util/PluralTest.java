package dev.leakscope.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PluralTest {
    @Test
    void oneTakesTheSingularEveryOtherCountThePlural() {
        assertEquals("1 node", Plural.of(1, "node"));
        assertEquals("0 nodes", Plural.of(0, "node"));
        assertEquals("2 nodes", Plural.of(2, "node"));
        assertEquals("-1 nodes", Plural.of(-1, "node"));
        assertEquals("1 entry", Plural.of(1, "entry", "entries"));
        assertEquals("3 entries", Plural.of(3, "entry", "entries"));
        assertEquals("node", Plural.noun(1, "node"));
        assertEquals("nodes", Plural.noun(7, "node"));
    }
}
