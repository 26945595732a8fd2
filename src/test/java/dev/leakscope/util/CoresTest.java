package dev.leakscope.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class CoresTest {
    @Test
    void aTaskThatSharesEveryCoreStartsNoHelpersAndLeavesItsThreadAsItWas() throws Exception {
        assertFalse(Cores.sharing(Cores.AVAILABLE, Cores::spare).call());
        assertEquals(Cores.AVAILABLE > 1, Cores.spare());
    }

    @Test
    void aTaskWithTwoCoresOfItsOwnMayStartHelpers() throws Exception {
        assertEquals(Cores.AVAILABLE >= 2, Cores.sharing(1, Cores::spare).call());
        assertEquals(Cores.AVAILABLE >= 4, Cores.sharing(2, Cores::spare).call());
    }

    @Test
    void aFailingTaskLeavesItsThreadAsItWas() {
        try {
            Cores.sharing(Cores.AVAILABLE, () -> {
                throw new IllegalStateException("failed");
            }).call();
        } catch (Exception expected) {
            assertEquals("failed", expected.getMessage());
        }
        assertEquals(Cores.AVAILABLE > 1, Cores.spare());
    }
}
