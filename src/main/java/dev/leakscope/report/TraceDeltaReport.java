package dev.leakscope.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leakscope.focus.StackDeltas;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Every stack that changed between a base and a current profile, largest growth first: text, Markdown
 * or JSON ({@value TracesReport#SCHEMA}, with {@code withBase} true).
 */
public final class TraceDeltaReport {
    private TraceDeltaReport() {
    }

    public static void render(List<StackDeltas.Stack> stacks, String type, String unit, RenderOptions o,
                              PrintWriter out) {
        switch (o.format()) {
            case TEXT -> text(stacks, unit, out);
            case MARKDOWN -> markdown(stacks, type, unit, o.maxChars(), out);
            case JSON -> json(stacks, type, unit, out);
            default -> throw new IllegalArgumentException("traces has no " + o.format() + " rendering");
        }
    }

    private static void text(List<StackDeltas.Stack> stacks, String unit, PrintWriter out) {
        out.print(String.format("%11s %11s %11s   %s%n", "delta", "base", "current", "stack (leaf first)"));
        for (StackDeltas.Stack s : changed(stacks)) {
            out.print(TracesReport.SEPARATOR + "\n");
            List<String> frames = s.frames();
            for (int i = 0; i < frames.size(); i++) {
                String values = i == 0 ? String.format("%11s %11s %11s", FocusReport.signed(s.delta(), unit),
                        FocusReport.auto(s.base(), unit), FocusReport.auto(s.current(), unit)) : " ".repeat(35);
                out.print(values + "   " + frames.get(i) + "\n");
            }
        }
        out.print(TracesReport.SEPARATOR + "\n");
        out.print(unchangedNote(stacks));
    }

    private static void markdown(List<StackDeltas.Stack> stacks, String type, String unit, int maxChars,
                                 PrintWriter out) {
        String head = "**leakscope traces** of " + Markdown.textCode(type) + ", base -> current\n\n"
                + "| delta | base | current | stack (leaf first) |\n|--:|--:|--:|:--|\n";
        List<String> rows = new ArrayList<>();
        for (StackDeltas.Stack s : changed(stacks)) {
            List<String> frames = new ArrayList<>();
            s.frames().forEach(f -> frames.add(Markdown.code(f)));
            rows.add("| " + FocusReport.signed(s.delta(), unit) + " | " + FocusReport.auto(s.base(), unit) + " | "
                    + FocusReport.auto(s.current(), unit) + " | " + String.join("<br>", frames) + " |\n");
        }
        String note = unchangedNote(stacks);
        out.print(new Markdown.Page().text(head).table("", rows, cut -> Markdown.cutNote(cut, maxChars)
                + (note.isEmpty() ? "" : "\n" + note)).render(maxChars));
    }

    private static void json(List<StackDeltas.Stack> stacks, String type, String unit, PrintWriter out) {
        ObjectNode root = Json.report(TracesReport.SCHEMA);
        root.put("sampleType", type);
        root.put("unit", unit);
        root.put("withBase", true);
        ArrayNode ts = root.putArray("traces");
        List<StackDeltas.Stack> changed = changed(stacks);
        for (StackDeltas.Stack s : changed) {
            TracesReport.json(ts.addObject(), s.frames(), s.base(), s.current());
        }
        root.put("unchanged", stacks.size() - changed.size());
        Json.print(root, out);
    }

    private static List<StackDeltas.Stack> changed(List<StackDeltas.Stack> stacks) {
        return stacks.stream().filter(s -> s.delta() != 0).toList();
    }

    private static String unchangedNote(List<StackDeltas.Stack> stacks) {
        long unchanged = stacks.stream().filter(s -> s.delta() == 0).count();
        return unchanged == 0 ? ""
                : unchanged + (unchanged == 1 ? " stack" : " stacks") + " with the same value in both not shown\n";
    }
}
