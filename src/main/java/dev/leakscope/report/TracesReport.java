package dev.leakscope.report;

import dev.leakscope.graph.GraphOptions;
import dev.leakscope.graph.NodeTable;
import dev.leakscope.profile.NumericLabelUnits;
import dev.leakscope.profile.Profile;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** pprof's {@code -traces}: every sample's stack, leaf first, with its labels and value. */
public final class TracesReport {
    static final String SEPARATOR = "-----------+-------------------------------------------------------";

    private TracesReport() {
    }

    public static void write(ReportContext rc, PrintWriter out) {
        Profile p = rc.profile();
        for (String line : ProfileHeader.lines(rc)) {
            out.println(line);
        }
        ReportSettings s = rc.settings();
        // Trace frames are named at the report's granularity, file names left as they are.
        NodeTable t = NodeTable.build(p, new GraphOptions(s.granularity(), s.noInlines(), rc.sampleIndex(),
                false, false, null, "", false));
        Map<String, String> numUnits = NumericLabelUnits.of(p);
        for (int sample = 0; sample < p.sampleCount(); sample++) {
            List<String> frames = new ArrayList<>();
            for (int i = p.stackStart(sample); i < p.stackEnd(sample); i++) {
                int l = p.stackLocation(i);
                for (int f = t.frameStart(l); f < t.frameEnd(l); f++) {
                    String name = t.info(t.frameNode(f)).printableName();
                    frames.add(f != t.frameEnd(l) - 1 ? name + " (inline)" : name);
                }
            }
            if (frames.isEmpty()) {
                continue;
            }
            out.println(SEPARATOR);
            printLabels(p, sample, numUnits, out);
            long v = p.value(sample, rc.sampleIndex());
            if (s.mean()) {
                long d = p.value(sample, 0);
                if (d != 0) {
                    v = v / d;
                }
            }
            for (int i = 0; i < frames.size(); i++) {
                String vs = i == 0 ? rc.format(v) : "";
                out.print(GoNumbers.pad(vs, 10) + "   " + frames.get(i) + "\n");
            }
        }
        out.println(SEPARATOR);
    }

    private static void printLabels(Profile p, int sample, Map<String, String> numUnits, PrintWriter out) {
        Map<String, List<String>> strings = new LinkedHashMap<>();
        Map<String, List<String>> numbers = new LinkedHashMap<>();
        for (int i = p.labelStart(sample); i < p.labelEnd(sample); i++) {
            String key = p.string(p.labelKey(i));
            if (p.labelStr(i) != 0) {
                strings.computeIfAbsent(key, k -> new ArrayList<>()).add(p.string(p.labelStr(i)));
            } else {
                numbers.computeIfAbsent(key, k -> new ArrayList<>())
                        .add(ValueFormat.autoLabel(p.labelNum(i), numUnits.get(key)));
            }
        }
        for (Map<String, List<String>> group : List.of(strings, numbers)) {
            List<String> lines = new ArrayList<>();
            group.forEach((k, vs) -> lines.add(GoNumbers.pad(k, 10) + ":  " + String.join(" ", vs) + "\n"));
            Collections.sort(lines);
            lines.forEach(out::print);
        }
    }
}
