package dev.leakscope.report;

import dev.leakscope.focus.StackDeltas;
import java.io.PrintWriter;
import java.util.List;

/** Every stack that changed between a base and a current profile, largest growth first. */
public final class TraceDeltaReport {
    private TraceDeltaReport() {
    }

    public static void write(List<StackDeltas.Stack> stacks, String unit, PrintWriter out) {
        out.print(String.format("%11s %11s %11s   %s%n", "delta", "base", "current", "stack (leaf first)"));
        int unchanged = 0;
        for (StackDeltas.Stack s : stacks) {
            if (s.delta() == 0) {
                unchanged++;
                continue;
            }
            out.print(TracesReport.SEPARATOR + "\n");
            List<String> frames = s.frames();
            for (int i = 0; i < frames.size(); i++) {
                String values = i == 0 ? String.format("%11s %11s %11s", FocusReport.signed(s.delta(), unit),
                        FocusReport.auto(s.base(), unit), FocusReport.auto(s.current(), unit)) : " ".repeat(35);
                out.print(values + "   " + frames.get(i) + "\n");
            }
        }
        out.print(TracesReport.SEPARATOR + "\n");
        if (unchanged > 0) {
            out.print(unchanged + (unchanged == 1 ? " stack" : " stacks") + " with the same value in both not shown\n");
        }
    }
}
