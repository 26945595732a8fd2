package dev.leakscope.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leakscope.graph.GraphOptions;
import dev.leakscope.graph.NodeTable;
import dev.leakscope.profile.NumericLabelUnits;
import dev.leakscope.profile.Profile;
import dev.leakscope.report.pprof.GoNumbers;
import dev.leakscope.report.pprof.ProfileHeader;
import dev.leakscope.report.pprof.ReportContext;
import dev.leakscope.report.pprof.ReportSettings;
import dev.leakscope.report.pprof.SampleLabels;
import dev.leakscope.report.pprof.ValueFormat;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * pprof's {@code -traces}: every sample's stack, leaf first, with its labels and value; as text (pprof's,
 * byte for byte), Markdown or JSON ({@value #SCHEMA}).
 */
public final class TracesReport {
    public static final String SCHEMA = "leakscope.traces/v1";
    /** The formats traces are rendered in. */
    public static final Format[] FORMATS = {Format.TEXT, Format.MARKDOWN, Format.JSON};
    public static final String SEPARATOR = "-----------+-------------------------------------------------------";

    /**
     * One sample's stack.
     *
     * @param labels string labels then numeric ones, each group sorted: key to its values as printed
     * @param frames frame names, leaf first ("(inline)" marks a frame inlined into the next)
     */
    record Trace(long value, Map<String, List<String>> labels, List<String> frames) {
    }

    private TracesReport() {
    }

    /** pprof's text report. */
    public static void write(ReportContext rc, PrintWriter out) {
        render(rc, RenderOptions.of(Format.TEXT), out);
    }

    public static void render(ReportContext rc, RenderOptions o, PrintWriter out) {
        List<Trace> traces = traces(rc);
        switch (o.format()) {
            case TEXT -> text(rc, traces, out);
            case MARKDOWN -> markdown(rc, traces, o.maxChars(), out);
            case JSON -> json(rc, traces, out);
            default -> throw new IllegalArgumentException("traces has no " + o.format() + " rendering");
        }
    }

    private static List<Trace> traces(ReportContext rc) {
        Profile p = rc.profile();
        ReportSettings s = rc.settings();
        // Trace frames are named at the report's granularity, file names left as they are.
        NodeTable t = NodeTable.build(p, GraphOptions.of(s.granularity(), s.noInlines(), rc.sampleIndex())
                .keepingFileNames());
        Map<String, String> numUnits = NumericLabelUnits.of(p);
        List<Trace> out = new ArrayList<>();
        for (int sample = 0; sample < p.sampleCount(); sample++) {
            List<String> frames = new ArrayList<>();
            for (int n = p.stackLeaf(sample); n >= 0; n = p.stacks.parent(n)) {
                int l = p.stacks.location(n);
                for (int f = t.frameStart(l); f < t.frameEnd(l); f++) {
                    String name = t.info(t.frameNode(f)).printableName();
                    frames.add(f != t.frameEnd(l) - 1 ? name + " (inline)" : name);
                }
            }
            if (frames.isEmpty()) {
                continue;
            }
            long v = p.value(sample, rc.sampleIndex());
            if (s.mean()) {
                long d = p.value(sample, 0);
                if (d != 0) {
                    v = v / d;
                }
            }
            out.add(new Trace(v, labels(p, sample, numUnits), frames));
        }
        return out;
    }

    private static void text(ReportContext rc, List<Trace> traces, PrintWriter out) {
        for (String line : ProfileHeader.lines(rc)) {
            out.println(line);
        }
        for (Trace trace : traces) {
            out.println(SEPARATOR);
            trace.labels().forEach((k, vs) -> out.print(labelLine(k, vs)));
            for (int i = 0; i < trace.frames().size(); i++) {
                String vs = i == 0 ? rc.format(trace.value()) : "";
                out.print(GoNumbers.pad(vs, 10) + "   " + trace.frames().get(i) + "\n");
            }
        }
        out.println(SEPARATOR);
    }

    private static void markdown(ReportContext rc, List<Trace> traces, int maxChars, PrintWriter out) {
        StringBuilder head = new StringBuilder("**leakscope traces** of ").append(Markdown.textCode(rc.typeName())).append("\n\n");
        for (String line : ProfileHeader.lines(rc)) {
            head.append("- ").append(Markdown.escape(line.strip())).append('\n');
        }
        head.append("\n| value | stack (leaf first) | labels |\n|--:|:--|:--|\n");
        List<String> rows = new ArrayList<>();
        for (Trace trace : traces) {
            List<String> frames = new ArrayList<>();
            trace.frames().forEach(f -> frames.add(Markdown.code(f)));
            List<String> labels = new ArrayList<>();
            trace.labels().forEach((k, vs) -> labels.add(Markdown.code(k + ":" + String.join(" ", vs))));
            rows.add("| " + rc.format(trace.value()) + " | " + String.join("<br>", frames) + " | "
                    + String.join(" ", labels) + " |\n");
        }
        out.print(new Markdown.Page().text(head).table("", rows, cut -> Markdown.cutNote(cut, maxChars))
                .render(maxChars));
    }

    /** Without a base: base values 0, current and delta the sample's value (as focus does). */
    private static void json(ReportContext rc, List<Trace> traces, PrintWriter out) {
        ObjectNode root = Json.report(SCHEMA);
        root.put("sampleType", rc.typeName());
        root.put("unit", rc.sampleUnit());
        root.put("withBase", false);
        ArrayNode header = root.putArray("header");
        ProfileHeader.lines(rc).forEach(header::add);
        root.put("total", rc.total());
        ArrayNode ts = root.putArray("traces");
        for (Trace trace : traces) {
            ObjectNode labels = json(ts.addObject(), trace.frames(), 0, trace.value());
            trace.labels().forEach((k, vs) -> vs.forEach(labels.withArray(k)::add));
        }
        root.put("unchanged", 0);
        Json.print(root, out);
    }

    /** One trace's object: frames, values, and its labels object (returned, to fill). */
    public static ObjectNode json(ObjectNode o, List<String> frames, long base, long current) {
        frames.forEach(o.putArray("frames")::add);
        o.put("base", base).put("current", current).put("delta", current - base);
        return o.putObject("labels");
    }

    /** A sample's labels as pprof prints them: string keys, then numeric keys, each group sorted. */
    private static Map<String, List<String>> labels(Profile p, int sample, Map<String, String> numUnits) {
        SampleLabels labels = SampleLabels.of(p, sample);
        Map<String, List<String>> numbers = new LinkedHashMap<>();
        labels.numbers().forEach((key, is) -> numbers.put(key,
                is.stream().map(i -> ValueFormat.autoLabel(p.labelNum(i), numUnits.get(key))).toList()));
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Map<String, List<String>> group : List.of(labels.strings(), numbers)) {
            // pprof sorts the printed lines, keys right-aligned: a shorter key comes first
            List<String> keys = new ArrayList<>(group.keySet());
            keys.sort(Comparator.comparing(k -> labelLine(k, group.get(k))));
            keys.forEach(k -> out.put(k, group.get(k)));
        }
        return out;
    }

    private static String labelLine(String key, List<String> values) {
        return GoNumbers.pad(key, 10) + ":  " + String.join(" ", values) + "\n";
    }
}
