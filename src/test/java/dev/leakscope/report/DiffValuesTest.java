package dev.leakscope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.leakscope.diff.DiffRow;
import org.junit.jupiter.api.Test;

class DiffValuesTest {
    private final DiffValues bytes = new DiffValues("bytes", "minimum");

    @Test
    void aViaCarryingPartOfTheChangeSaysWhichPercentage() {
        assertEquals("byte[] (via a/B.c: 99%)", bytes.name(new DiffRow("byte[]", 0, 1000, 0, "a/B.c", 990)));
        assertEquals("byte[] (via a/B.c: 50%)", bytes.name(new DiffRow("byte[]", 1000, 0, 0, "a/B.c", -500)));
    }

    @Test
    void aViaCarryingMoreThanTheNetChangeShowsItsOwnChange() {
        // other callers shrank: the via grew by 2MB of a node that grew by 1MB net
        assertEquals("byte[] (via a/B.c: +2MB)",
                bytes.name(new DiffRow("byte[]", 0, 1 << 20, 0, "a/B.c", 2 << 20)));
        assertEquals("byte[] (via a/B.c: -2MB)",
                bytes.name(new DiffRow("byte[]", 1 << 20, 0, 0, "a/B.c", -(2 << 20))));
        assertEquals("java.lang.String (via a/B.c: +10)",
                new DiffValues("count", "minimum").name(new DiffRow("java.lang.String", 5, 14, 0, "a/B.c", 10)));
    }

    @Test
    void aRowWithoutViaIsItsName() {
        assertEquals("main.leak", bytes.name(new DiffRow("main.leak", 0, 1, 0, null, 0)));
    }
}
