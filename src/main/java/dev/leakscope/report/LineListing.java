package dev.leakscope.report;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * leakscope's {@code list}: pprof's -list per line; lines are still listed by number when the source
 * cannot be found. With a base, each line shows the base, current and delta flat values and the
 * line that grew most in each function is marked.
 */
public final class LineListing {
    static final String GREW = "  <== grew most";

    private LineListing() {
    }

    /** Lists fn in current (and base, when not null). */
    public static void write(ReportContext base, ReportContext current, Pattern fn, Path workDir, PrintWriter out) {
        ReportSettings s = current.settings();
        SourceReader reader = new SourceReader(s.sourcePath().isEmpty() ? workDir.toString() : s.sourcePath(),
                s.trimPath(), workDir);
        Map<String, SourceListing.Routine> now = byKey(SourceListing.routines(current, fn));
        Map<String, SourceListing.Routine> before = base == null ? Map.of() : byKey(routinesOrNone(base, fn));
        TreeSet<String> keys = new TreeSet<>(now.keySet());
        keys.addAll(before.keySet());
        String unit = current.sampleUnit();
        out.print(base == null ? "Total: " + FocusReport.auto(current.total(), unit) + "\n"
                : "Total: " + FocusReport.auto(base.total(), unit) + " -> " + FocusReport.auto(current.total(), unit)
                + " (" + FocusReport.signed(current.total() - base.total(), unit) + ")\n");
        for (String key : keys) {
            SourceListing.Routine r = now.get(key);
            SourceListing.Routine b = before.get(key);
            SourceListing.Routine any = r != null ? r : b;
            if (any.file().isEmpty()) {
                out.print("No source information for " + any.function() + "\n");
                continue;
            }
            out.print("ROUTINE ======================== " + any.function() + " in " + any.file() + "\n");
            long start = Math.min(r != null ? r.start() : Long.MAX_VALUE, b != null ? b.start() : Long.MAX_VALUE);
            long end = Math.max(r != null ? r.end() : 0, b != null ? b.end() : 0);
            Map<Long, long[]> lines = r != null ? r.lines() : Map.of();
            Map<Long, long[]> baseLines = b != null ? b.lines() : Map.of();
            if (base == null) {
                out.print(GoNumbers.pad(current.format(r.flat()), 10) + " " + GoNumbers.pad(current.format(r.cum()), 10)
                        + " (flat, cum) " + GoNumbers.percentage(r.cum(), current.total()) + " of Total\n");
            } else {
                long flat = r != null ? r.flat() : 0;
                long baseFlat = b != null ? b.flat() : 0;
                out.print(String.format("%10s %10s %10s (flat: base, current, delta)%n", FocusReport.auto(baseFlat, unit),
                        FocusReport.auto(flat, unit), FocusReport.signed(flat - baseFlat, unit)));
            }
            List<Long> numbers = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            for (long n = start; n <= end; n++) {
                String text = reader.line(any.file(), n);
                if (text == null) {
                    break;
                }
                numbers.add(n);
                texts.add(text);
            }
            String error = reader.error(any.file());
            if (error != null) {
                out.print(" (no source: " + error + "; sampled lines only)\n");
                TreeSet<Long> sampled = new TreeSet<>(lines.keySet());
                sampled.addAll(baseLines.keySet());
                numbers = new ArrayList<>(sampled);
                texts = new ArrayList<>();
                for (int i = 0; i < numbers.size(); i++) {
                    texts.add("");
                }
            }
            long most = 0;
            for (long n : numbers) {
                most = Math.max(most, value(lines, n, 0) - value(baseLines, n, 0));
            }
            for (int i = 0; i < numbers.size(); i++) {
                long n = numbers.get(i);
                long flat = value(lines, n, 0);
                String prefix;
                if (base == null) {
                    prefix = GoNumbers.pad(dot(current, flat), 10) + " " + GoNumbers.pad(dot(current, value(lines, n, 1)), 10);
                    out.print(prefix + " " + GoNumbers.pad(Long.toString(n), 6) + ":" + texts.get(i) + "\n");
                } else {
                    long before0 = value(baseLines, n, 0);
                    long delta = flat - before0;
                    prefix = GoNumbers.pad(before0 == 0 ? "." : FocusReport.auto(before0, unit), 10) + " "
                            + GoNumbers.pad(flat == 0 ? "." : FocusReport.auto(flat, unit), 10) + " "
                            + GoNumbers.pad(delta == 0 ? "." : FocusReport.signed(delta, unit), 10);
                    out.print(prefix + " " + GoNumbers.pad(Long.toString(n), 6) + ":" + texts.get(i)
                            + (most > 0 && delta == most ? GREW : "") + "\n");
                }
            }
        }
    }

    private static List<SourceListing.Routine> routinesOrNone(ReportContext rc, Pattern fn) {
        try {
            return SourceListing.routines(rc, fn);
        } catch (dev.leakscope.util.UsageException e) {
            return List.of(); // the function may be new in the current profile
        }
    }

    private static Map<String, SourceListing.Routine> byKey(List<SourceListing.Routine> routines) {
        Map<String, SourceListing.Routine> m = new TreeMap<>();
        for (SourceListing.Routine r : routines) {
            m.put(r.function() + "\u0000" + r.file(), r);
        }
        return m;
    }

    private static long value(Map<Long, long[]> lines, long n, int i) {
        long[] v = lines.get(n);
        return v == null ? 0 : v[i];
    }

    private static String dot(ReportContext rc, long v) {
        return v == 0 ? "." : rc.format(v);
    }
}
