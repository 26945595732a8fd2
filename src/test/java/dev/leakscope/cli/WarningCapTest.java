package dev.leakscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class WarningCapTest {
    private static String warn(int count) {
        StringWriter s = new StringWriter();
        PrintWriter w = new PrintWriter(s);
        WarningCap cap = new WarningCap(() -> w);
        for (int i = 0; i < count; i++) {
            cap.accept("leakscope: w" + i);
        }
        cap.finish();
        return s.toString();
    }

    @Test
    void theFirstTenArePrintedTheRestCountedInTheRightNumber() {
        assertEquals(WarningCap.SHOWN, warn(WarningCap.SHOWN).lines().count());
        String one = warn(WarningCap.SHOWN + 1);
        assertEquals("leakscope: warning: … and 1 more warning like these", one.lines().reduce((a, b) -> b).orElseThrow());
        String two = warn(WarningCap.SHOWN + 2);
        assertEquals("leakscope: warning: … and 2 more warnings like these", two.lines().reduce((a, b) -> b).orElseThrow());
    }
}
