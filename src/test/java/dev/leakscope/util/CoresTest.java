package dev.leakscope.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CoresTest {
    @Test
    void whileTasksKeepEveryCoreBusyNoneIsSpare() throws Exception {
        try (BusyCores busy = new BusyCores()) {
            assertFalse(Cores.spare());
            assertFalse(Cores.occupying(Cores::spare).call());
        }
        assertEquals(Cores.AVAILABLE >= 2, Cores.spare());
    }

    @Test
    void aTaskWithTwoCoresOfItsOwnMaySpareOne() throws Exception {
        assertEquals(Cores.AVAILABLE >= 2, Cores.spare());
        assertEquals(Cores.AVAILABLE >= 2, Cores.occupying(Cores::spare).call());
    }

    @Test
    void aFailedTaskNoLongerCounts() {
        assertThrows(IllegalStateException.class, () -> Cores.occupying(() -> {
            throw new IllegalStateException("failed");
        }).call());
        assertEquals(Cores.AVAILABLE >= 2, Cores.spare());
    }
}
