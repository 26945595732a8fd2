package dev.leakscope.format.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakscope.profile.Profile;
import dev.leakscope.util.InputException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LegacyParsersTest {
    private static Profile parse(String text, boolean extended) {
        return LegacyParsers.parse(text.getBytes(StandardCharsets.UTF_8), extended).build();
    }

    @Test
    void goHeapTextIsUnsampledWithHalfTheHeaderRate() {
        // FORMATS.md 4.3: R = 1048576 / 2; "1: 524288 [3: 1572864]" becomes 4 2488234 1 829411.
        Profile p = parse("heap profile: 1: 524288 [3: 1572864] @ heap/1048576\n"
                + "1: 524288 [3: 1572864] @ 0x1001 0x2002\n", false);
        assertEquals(524288, p.period());
        assertEquals(4, p.value(0, 0));
        assertEquals(2488234, p.value(0, 1));
        assertEquals(1, p.value(0, 2));
        assertEquals(829411, p.value(0, 3));
        assertEquals(0x1000, p.locationAddress(p.stacks.location(p.stackLeaf(0))));
    }

    @Test
    void equalTotalsGiveTwoSampleTypesAndExactFormatsStayUnscaled() {
        Profile p = parse("heap profile: 2: 64 [2: 64] @ heapprofile\n2: 64 [2: 64] @ 0x10\n", false);
        assertEquals(2, p.typeCount());
        assertEquals("objects", p.sampleType(0).type());
        assertEquals(64, p.value(0, 1));
    }

    @Test
    void zeroCountWithBytesIsMalformed() {
        InputException e = assertThrows(InputException.class,
                () -> parse("heap profile: 1: 8 [1: 8] @ heapprofile\n0: 8 [1: 8] @ 0x10\n", false));
        assertTrue(e.getMessage().contains("inuse count was 0 but inuse bytes was 8"), e.getMessage());
    }

    @Test
    void threadsSameAsPreviousAddToTheLastSample() {
        Profile p = parse("--- threadz 1 ---\n\n--- Thread 1 (name: a/1) stack: ---\n  PC: 0x10 0x21\n"
                + "--- Thread 2 (name: b/2) stack: ---\n  same as previous thread\n"
                + "--- Memory map: ---\n", false);
        assertEquals(1, p.sampleCount());
        assertEquals(2, p.value(0, 0));
    }

    @Test
    void contentionDelaysAreScaledFromCycles() {
        // FORMATS.md 5: 100 cycles, 10 events, 3.201 GHz, period 100 -> 3124 ns and 1000 contentions.
        Profile p = parse("--- contentionz 1 ---\ncycles/second = 3201000000\nsampling period = 100\n"
                + "100 10 @ 0x10\n", false);
        assertEquals(1000, p.value(0, 0));
        assertEquals(3124, p.value(0, 1));
    }

    @Test
    void unknownTextIsNotRecognised() {
        assertNull(LegacyParsers.parse("hello\n".getBytes(StandardCharsets.UTF_8), true));
        assertNull(LegacyParsers.parse(new byte[0], true));
    }

    @Test
    void goSymbolCommentsNameFramesOnlyInLeakscopesReading() {
        String text = "heap profile: 1: 8 [1: 8] @ heap/2\n1: 8 [1: 8] @ 0x101 0x201 0x301\n"
                + "#\t0x100\tmain.leaf+0x10\t/src/a.go:3\n#\t0x200\tmain.main+0x20\t/src/a.go:9\n\n";
        Profile pprof = parse(text, false);
        assertEquals(0, pprof.functionCount());
        Profile ours = parse(text, true);
        // runtime.goexit (0x300, no comment) is cut; the two named frames remain.
        assertEquals(2, ours.stack(0, ours.stackBuffer()));
        assertEquals("main.leaf", ours.functionName(ours.lineFunction(ours.lineStart(ours.stacks.location(ours.stackLeaf(0))))));
        assertEquals(3, ours.lineNumber(ours.lineStart(ours.stacks.location(ours.stackLeaf(0)))));
        assertEquals("", ours.dropFrames);
    }

    @Test
    void goExpIsWithinOneUlpOfJavasExp() {
        Random r = new Random(5);
        for (int i = 0; i < 100_000; i++) {
            double x = -r.nextDouble() * 40;
            double ours = HeapSampling.goExp(x);
            assertTrue(Math.abs(ours - Math.exp(x)) <= 2 * Math.ulp(Math.exp(x)), x + ": " + ours);
        }
        assertEquals(1.0, HeapSampling.goExp(0));
        assertEquals(0.0, HeapSampling.goExp(Double.NEGATIVE_INFINITY));
    }
}
