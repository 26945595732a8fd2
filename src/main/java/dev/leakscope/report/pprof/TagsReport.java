package dev.leakscope.report.pprof;

import dev.leakscope.profile.NumericLabelUnits;
import dev.leakscope.profile.Profile;
import dev.leakscope.profile.Units;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * pprof's {@code -tags}: for each label key, the value summed per label value, with its share of the
 * key's own total (not the profile total).
 */
public final class TagsReport {
    private TagsReport() {
    }

    public static void write(ReportContext rc, PrintWriter out) {
        Profile p = rc.profile();
        String outputUnit = rc.settings().unit();
        Map<String, String> numUnits = NumericLabelUnits.of(p);
        Map<String, Map<String, Long>> byKey = new TreeMap<>();
        for (int s = 0; s < p.sampleCount(); s++) {
            long v = p.value(s, rc.sampleIndex());
            for (int i = p.labelStart(s); i < p.labelEnd(s); i++) {
                String key = p.string(p.labelKey(i));
                String value = p.labelStr(i) != 0 ? p.string(p.labelStr(i))
                        : ValueFormat.label(p.labelNum(i), numUnits.get(key), outputUnit);
                byKey.computeIfAbsent(key, k -> new HashMap<>()).merge(value, v, Long::sum);
            }
        }
        GoTabWriter tw = new GoTabWriter();
        byKey.forEach((key, values) -> {
            long total = 0;
            for (long v : values.values()) {
                total += v;
            }
            tw.line(key + ":\t Total " + amount(total, rc.sampleUnit(), outputUnit));
            List<Map.Entry<String, Long>> rows = new ArrayList<>(values.entrySet());
            rows.sort(Comparator.comparingLong((Map.Entry<String, Long> e) -> -Math.abs(e.getValue()))
                    .thenComparing(Map.Entry::getKey));
            for (Map.Entry<String, Long> row : rows) {
                String a = amount(row.getValue(), rc.sampleUnit(), outputUnit);
                tw.line(" \t" + a + (total > 0 ? " (" + GoNumbers.percentage(row.getValue(), total) + ")" : "")
                        + ":\t " + row.getKey());
            }
            tw.line("");
        });
        out.print(tw.format());
    }

    /** Go's {@code %.1f%s} of a value scaled to the output unit. */
    private static String amount(long v, String sampleUnit, String outputUnit) {
        Units.Scaled s = Units.scale(v, sampleUnit, outputUnit);
        return GoNumbers.fixed1(s.value()) + s.unit();
    }
}
