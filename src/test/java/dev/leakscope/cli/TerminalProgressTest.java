package dev.leakscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.leakscope.ManualTime;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Files read at once (a diff's two sides decode on two threads): the line follows one file until it is read. */
class TerminalProgressTest {
    @Test
    void filesReadAtOnceAreFollowedOneAfterTheOther() {
        StringWriter out = new StringWriter();
        TerminalProgress progress = new TerminalProgress(new PrintWriter(out), ManualTime.ticking(Duration.ofMillis(600)));
        progress.read("base", 1, 4);
        progress.read("current", 1, 4);
        progress.read("current", 2, 4);
        progress.read("base", 2, 4);
        assertEquals("\rleakscope: reading base: 2B of 4B (50%)", out.toString().stripTrailing());
        progress.read("current", 3, 4);
        progress.done("current");
        assertEquals("\rleakscope: reading base: 2B of 4B (50%)", out.toString().stripTrailing(), "current is not shown");
        progress.done("base");
        out.getBuffer().setLength(0);
        progress.read("current", 4, 4);
        progress.read("current", 4, 4);
        progress.read("current", 4, 4);
        assertEquals("\rleakscope: reading current: 4B of 4B (100%)", out.toString().stripTrailing(), "then the other");
    }
}
