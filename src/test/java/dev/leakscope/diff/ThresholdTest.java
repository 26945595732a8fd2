package dev.leakscope.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakscope.util.UsageException;
import org.junit.jupiter.api.Test;

class ThresholdTest {
    @Test
    void sizesAndPercentages() {
        assertEquals(50L << 20, Threshold.parse("50MB").amount());
        assertEquals(512L << 10, Threshold.parse("512KiB").amount());
        assertEquals(12.5, Threshold.parse("12.5%").percent());
        assertThrows(UsageException.class, () -> Threshold.parse("5 percent"));
        assertThrows(UsageException.class, () -> Threshold.parse("%"));
    }

    @Test
    void anAmountInBytesIsRefusedForValuesOfAnotherUnit() {
        assertTrue(Threshold.parse("1MB").inBytes());
        assertTrue(Threshold.parse("64b").inBytes());
        assertFalse(Threshold.parse("1000").inBytes());
        assertFalse(Threshold.parse("5%").inBytes());
        UsageException e = assertThrows(UsageException.class,
                () -> Threshold.parse("1MB").requireUnit("--fail-on-growth", "live_objects", "count"));
        assertEquals("--fail-on-growth 1MB is an amount of bytes, but the values compared are live_objects (count):"
                + " give a plain number or a percentage (e.g. 5%)", e.getMessage());
        Threshold.parse("1MB").requireUnit("--fail-on-growth", "inuse_space", "bytes");
        Threshold.parse("1000").requireUnit("--fail-on-growth", "live_objects", "count");
        Threshold.parse("5%").requireUnit("--fail-on-growth", "samples", "");
    }

    @Test
    void exceeded() {
        assertTrue(Threshold.parse("1kB").exceededBy(1025, 0));
        assertFalse(Threshold.parse("1kB").exceededBy(1024, 0));
        assertTrue(Threshold.parse("5%").exceededBy(51, 1000));
        assertFalse(Threshold.parse("5%").exceededBy(50, 1000));
        assertTrue(Threshold.parse("5%").exceededBy(1, 0), "any growth from nothing exceeds a percentage");
    }
}
