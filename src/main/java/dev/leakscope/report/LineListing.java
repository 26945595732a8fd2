package dev.leakscope.report;

import dev.leakscope.report.pprof.ProfileHeader;
import dev.leakscope.profile.Harmonization;
import dev.leakscope.report.pprof.ReportContext;
import dev.leakscope.report.pprof.ReportSettings;
import dev.leakscope.report.pprof.GoNumbers;
import dev.leakscope.report.pprof.SourceListing;
import dev.leakscope.report.pprof.SourceReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leakscope.util.Plural;
import dev.leakscope.util.Printable;
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
 * cannot be found. With a base, each routine states its flat and cum values as base -> current (delta),
 * each line its flat delta and its cum base, current and delta (the deltas are pprof's -list -base
 * values), and the line that grew most in each function is marked. Text, Markdown or JSON ({@value #SCHEMA}).
 */
public final class LineListing {
    public static final String SCHEMA = "leakscope.list/v1";
    /** The formats a listing is rendered in. */
    public static final Format[] FORMATS = {Format.TEXT, Format.MARKDOWN, Format.JSON};
    static final String GREW = "  <== grew most";

    /**
     * One source line of a routine.
     *
     * @param text      the source text, "" when the source was not found
     * @param grewMost  the line that grew most in its routine (with a base)
     */
    record Line(long number, String text, long baseFlat, long flat, long baseCum, long cum, boolean grewMost) {
    }

    /**
     * One function in one file, with its lines.
     *
     * @param file        "" when the profile names no source file (then only sampled lines, if any)
     * @param sourceError why the source could not be read (only sampled lines are listed), or null
     */
    record Routine(String function, String file, long baseFlat, long flat, long baseCum, long cum,
                   String sourceError, List<Line> lines) {
    }

    private final ReportContext base;
    private final ReportContext current;
    private final Harmonization harmonization;
    private final List<Routine> routines = new ArrayList<>();

    private LineListing(ReportContext base, ReportContext current, Harmonization harmonization) {
        this.base = base;
        this.current = current;
        this.harmonization = harmonization;
    }

    /**
     * Lists fn in current (and base, when not null) in the format asked for.
     *
     * @param harmonization how the inputs' sample types were brought onto one set (a header line and a JSON field)
     */
    public static void render(ReportContext base, ReportContext current, Harmonization harmonization, Pattern fn,
                              Path workDir, RenderOptions o, PrintWriter out) {
        LineListing l = new LineListing(base, current, harmonization);
        l.read(fn, workDir);
        switch (o.format()) {
            case TEXT -> l.text(out);
            case MARKDOWN -> l.markdown(o.maxChars(), out);
            case JSON -> l.json(out);
            default -> throw new IllegalArgumentException("list has no " + o.format() + " rendering");
        }
    }

    private void read(Pattern fn, Path workDir) {
        ReportSettings s = current.settings();
        SourceReader reader = new SourceReader(s.sourcePath().isEmpty() ? workDir.toString() : s.sourcePath(),
                s.trimPath(), workDir);
        Map<String, SourceListing.Routine> now = byKey(SourceListing.routines(current, fn, true));
        Map<String, SourceListing.Routine> before = base == null ? Map.of() : byKey(routinesOrNone(base, fn));
        TreeSet<String> keys = new TreeSet<>(now.keySet());
        keys.addAll(before.keySet());
        for (String key : keys) {
            SourceListing.Routine r = now.get(key);
            SourceListing.Routine b = before.get(key);
            SourceListing.Routine any = r != null ? r : b;
            long flat = r != null ? r.flat() : 0;
            long baseFlat = b != null ? b.flat() : 0;
            long cum = r != null ? r.cum() : 0;
            long baseCum = b != null ? b.cum() : 0;
            Map<Long, long[]> lines = r != null ? r.lines() : Map.of();
            Map<Long, long[]> baseLines = b != null ? b.lines() : Map.of();
            boolean named = !any.file().isEmpty();
            if (!named && lines.keySet().stream().allMatch(n -> n == 0) && baseLines.keySet().stream().allMatch(n -> n == 0)) {
                routines.add(new Routine(any.function(), "", baseFlat, flat, baseCum, cum, null, List.of()));
                continue;
            }
            long start = Math.min(r != null ? r.start() : Long.MAX_VALUE, b != null ? b.start() : Long.MAX_VALUE);
            long end = Math.max(r != null ? r.end() : 0, b != null ? b.end() : 0);
            List<Long> numbers = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            for (long n = start; named && n <= end; n++) {
                String text = reader.line(any.file(), n);
                if (text == null) {
                    break;
                }
                numbers.add(n);
                texts.add(Printable.sourceLine(text));
            }
            // a JVM's frames (JFR) have line numbers but no file name: their lines are listed all the same
            String error = named ? reader.error(any.file()) : "the profile names no source file";
            if (error != null) {
                TreeSet<Long> sampled = new TreeSet<>(lines.keySet());
                sampled.addAll(baseLines.keySet());
                numbers = new ArrayList<>(sampled);
                texts = new ArrayList<>();
                for (int i = 0; i < numbers.size(); i++) {
                    texts.add("");
                }
            }
            // the line that allocated most of the growth itself; else (a caller's routine) the call it came through
            int by = mostGrowth(numbers, lines, baseLines, 0) > 0 ? 0 : 1;
            long most = mostGrowth(numbers, lines, baseLines, by);
            List<Line> out = new ArrayList<>();
            for (int i = 0; i < numbers.size(); i++) {
                long n = numbers.get(i);
                out.add(new Line(n, texts.get(i), value(baseLines, n, 0), value(lines, n, 0), value(baseLines, n, 1),
                        value(lines, n, 1), base != null && most > 0 && value(lines, n, by) - value(baseLines, n, by) == most));
            }
            routines.add(new Routine(any.function(), any.file(), baseFlat, flat, baseCum, cum, error, out));
        }
    }

    private static long mostGrowth(List<Long> numbers, Map<Long, long[]> lines, Map<Long, long[]> baseLines, int i) {
        long most = 0;
        for (long n : numbers) {
            most = Math.max(most, value(lines, n, i) - value(baseLines, n, i));
        }
        return most;
    }

    private void text(PrintWriter out) {
        String unit = current.sampleUnit();
        out.print(base == null ? "Total: " + FocusReport.auto(current.total(), unit) + "\n"
                : "Total: " + FocusReport.auto(base.total(), unit) + " -> " + FocusReport.auto(current.total(), unit)
                + " (" + FocusReport.signed(current.total() - base.total(), unit) + ")\n");
        String harmonized = ProfileHeader.harmonized(harmonization);
        if (harmonized != null) {
            out.print(harmonized + "\n");
        }
        for (Routine r : routines) {
            if (r.file().isEmpty() && r.lines().isEmpty()) {
                out.print("No source information for " + r.function() + "\n");
                continue;
            }
            out.print("ROUTINE ======================== " + r.function() + (r.file().isEmpty() ? "" : " in " + r.file())
                    + "\n");
            if (base == null) {
                out.print(GoNumbers.pad(current.format(r.flat()), 10) + " " + GoNumbers.pad(current.format(r.cum()), 10)
                        + " (flat, cum) " + GoNumbers.percentage(r.cum(), current.total()) + " of Total\n");
            } else {
                out.print("  " + change(r) + "\n");
            }
            if (r.sourceError() != null) {
                out.print(" (no source: " + r.sourceError() + "; sampled lines only"
                        + (r.file().isEmpty() ? "" : "; --source-path and --trim-path say where the sources are") + ")\n");
            }
            if (base != null) {
                out.print(String.join(" ", GoNumbers.pad("flat delta", 10), GoNumbers.pad("cum base", 10),
                        GoNumbers.pad("cum now", 10), GoNumbers.pad("cum delta", 10)) + "\n");
            }
            for (Line l : r.lines()) {
                String prefix;
                if (base == null) {
                    prefix = GoNumbers.pad(dot(l.flat()), 10) + " " + GoNumbers.pad(dot(l.cum()), 10);
                } else {
                    prefix = String.join(" ", GoNumbers.pad(signedDot(l.flat() - l.baseFlat()), 10),
                            GoNumbers.pad(autoDot(l.baseCum()), 10), GoNumbers.pad(autoDot(l.cum()), 10),
                            GoNumbers.pad(signedDot(l.cum() - l.baseCum()), 10));
                }
                out.print(prefix + " " + GoNumbers.pad(Long.toString(l.number()), 6) + ":" + l.text()
                        + (l.grewMost() ? GREW : "") + "\n");
            }
        }
    }

    /** A heading and a table of lines per routine; values in the text report's units. */
    private void markdown(int maxChars, PrintWriter out) {
        String unit = current.sampleUnit();
        StringBuilder head = new StringBuilder("**leakscope list** of ").append(Markdown.textCode(current.typeName())).append(": total ")
                .append(base == null ? FocusReport.auto(current.total(), unit) : FocusReport.auto(base.total(), unit)
                        + " -> " + FocusReport.auto(current.total(), unit) + " ("
                        + FocusReport.signed(current.total() - base.total(), unit) + ")")
                .append("\n");
        String harmonized = ProfileHeader.harmonized(harmonization);
        if (harmonized != null) {
            head.append('\n').append(Markdown.escape(harmonized)).append('\n');
        }
        List<String> lines = new ArrayList<>();
        for (Routine r : routines) {
            if (r.file().isEmpty() && r.lines().isEmpty()) {
                lines.add("\n" + Markdown.textCode(r.function()) + ": no source information\n");
                continue;
            }
            lines.add("\n" + Markdown.textCode(r.function()) + (r.file().isEmpty() ? "" : " in " + Markdown.textCode(r.file()))
                    + ": " + (base == null ? "flat " + current.format(r.flat()) + ", cum " + current.format(r.cum()) : change(r))
                    + (r.sourceError() == null ? "" : " (no source: " + Markdown.escape(r.sourceError()) + ")")
                    + "\n\n" + (base == null ? "| flat | cum | line | source |\n|--:|--:|--:|:--|\n"
                    : "| flat delta | cum base | cum current | cum delta | line | source |\n|--:|--:|--:|--:|--:|:--|\n"));
            for (Line l : r.lines()) {
                String values = base == null ? dot(l.flat()) + " | " + dot(l.cum())
                        : String.join(" | ", signedDot(l.flat() - l.baseFlat()), autoDot(l.baseCum()), autoDot(l.cum()),
                        signedDot(l.cum() - l.baseCum()));
                lines.add("| " + values + " | " + l.number() + " | "
                        + (l.text().isBlank() ? "" : Markdown.code(l.text()))
                        + (l.grewMost() ? " **grew most**" : "") + " |\n");
            }
        }
        out.print(new Markdown.Page().text(head).table("", lines, cut -> cutNote(lines.subList(lines.size() - cut,
                lines.size()), maxChars)).render(maxChars));
    }

    /**
     * The note for the items cut from the end of a Markdown listing, a routine's heading (which starts a
     * paragraph) or one of its lines: "18 more rows" would hide that whole functions were cut.
     */
    private static String cutNote(List<String> cut, int maxChars) {
        if (cut.isEmpty()) {
            return "";
        }
        int functions = (int) cut.stream().filter(item -> item.startsWith("\n")).count();
        String lines = Plural.of(cut.size() - functions, "more line");
        return Markdown.cutNote(functions == 0 ? lines : Plural.of(functions, "more function") + " and " + lines, maxChars);
    }

    private void json(PrintWriter out) {
        ObjectNode root = Json.report(SCHEMA);
        root.put("sampleType", current.typeName());
        root.put("unit", current.sampleUnit());
        root.put("withBase", base != null);
        root.put("baseTotal", base == null ? 0 : base.total());
        root.put("total", current.total());
        HarmonizationNote.put(root, harmonization);
        ArrayNode rs = root.putArray("routines");
        for (Routine r : routines) {
            ObjectNode o = rs.addObject().put("function", r.function()).put("file", r.file())
                    .put("baseFlat", r.baseFlat()).put("flat", r.flat()).put("baseCum", r.baseCum()).put("cum", r.cum());
            if (r.sourceError() != null) {
                o.put("sourceError", r.sourceError());
            }
            ArrayNode ls = o.putArray("lines");
            for (Line l : r.lines()) {
                ls.addObject().put("line", l.number()).put("text", l.text()).put("base", l.baseFlat())
                        .put("flat", l.flat()).put("baseCum", l.baseCum()).put("cum", l.cum()).put("grewMost", l.grewMost());
            }
        }
        Json.print(root, out);
    }

    private static List<SourceListing.Routine> routinesOrNone(ReportContext rc, Pattern fn) {
        try {
            return SourceListing.routines(rc, fn, true);
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

    private String dot(long v) {
        return v == 0 ? "." : current.format(v);
    }

    /** A routine's flat and cum as base -> current (delta). */
    private String change(Routine r) {
        String unit = current.sampleUnit();
        return "flat " + FocusReport.auto(r.baseFlat(), unit) + " -> " + FocusReport.auto(r.flat(), unit) + " ("
                + FocusReport.signed(r.flat() - r.baseFlat(), unit) + "), cum " + FocusReport.auto(r.baseCum(), unit)
                + " -> " + FocusReport.auto(r.cum(), unit) + " (" + FocusReport.signed(r.cum() - r.baseCum(), unit) + ")";
    }

    private String autoDot(long v) {
        return v == 0 ? "." : FocusReport.auto(v, current.sampleUnit());
    }

    private String signedDot(long v) {
        return v == 0 ? "." : FocusReport.signed(v, current.sampleUnit());
    }
}
