package dev.leakscope.report;

import dev.leakscope.util.Generator;
import dev.leakscope.util.Plural;
import dev.leakscope.report.pprof.ProfileHeader;
import dev.leakscope.report.pprof.GoNumbers;
import dev.leakscope.report.pprof.ValueFormat;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leakscope.focus.FocusQuery;
import dev.leakscope.focus.FocusResult;
import dev.leakscope.profile.Harmonization;
import dev.leakscope.focus.FocusTree;
import dev.leakscope.report.html.FocusHtmlReport;
import dev.leakscope.util.Printable;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link FocusResult} as text, Markdown, JSON (schema {@code leakscope.focus/v1}) or HTML
 * (with a flame graph of the query's {@link FocusTree}).
 */
public final class FocusReport {
    public static final String JSON_SCHEMA = "leakscope.focus/v1";
    /** The name of the header line (a fact in HTML) that names the active filters, as top's pprof header does. */
    public static final String ACTIVE_FILTERS = "Active filters";
    /** The formats focus is rendered in. */
    public static final Format[] FORMATS = Format.values();

    private FocusReport() {
    }

    /**
     * A focus to render: the query and its result, with the heading's facts.
     *
     * @param title what was compared, e.g. "heap_5.pb.gz" or "heap_0.pb.gz -> heap_5.pb.gz"
     * @param type  the sample type reported
     * @param unit  the unit of the values
     * @param harmonized how the inputs' sample types were brought onto one set
     * @param filters    the active filters as name=value (pprof's), which change every value shown
     */
    public record Input(FocusQuery query, FocusResult result, String title, String type, String unit,
                        Harmonization harmonized, List<String> filters) {
        public Input {
            title = Printable.of(title); // file names as given on the command line
            filters = List.copyOf(filters);
        }

        /** The active filters as the header names them ("ignore=buildTree, hide=runtime"), or null without any. */
        public String activeFilters() {
            return filters.isEmpty() ? null : Printable.of(String.join(", ", filters));
        }
    }

    public static void render(Input f, RenderOptions o, PrintWriter out) {
        FocusResult r = f.result();
        switch (o.format()) {
            case TEXT -> text(r, f.title(), f.type(), f.unit(), f.harmonized(), f.activeFilters(), out);
            case MARKDOWN -> markdown(r, f.title(), f.type(), f.unit(), f.harmonized(), f.activeFilters(), o.maxChars(), out);
            case JSON -> json(r, f.type(), f.unit(), f.harmonized(), f.filters(), out);
            case HTML -> FocusHtmlReport.write(r, f.title(), f.type(), f.unit(), f.harmonized(), f.activeFilters(),
                    FocusTree.of(f.query()), out);
        }
    }

    /**
     * @param title what was compared, e.g. "heap_5.pb.gz" or "heap_0.pb.gz -> heap_5.pb.gz"
     * @param type  the sample type reported
     * @param unit  the unit of the values
     * @param h     how the inputs' sample types were brought onto one set
     */
    private static void text(FocusResult r, String title, String type, String unit, Harmonization h, String filters,
                             PrintWriter out) {
        out.print("Focus: " + Printable.of(r.regex()) + " in " + title + ", " + type + "\n");
        String harmonized = ProfileHeader.harmonized(h);
        if (harmonized != null) {
            out.print(harmonized + "\n");
        }
        if (filters != null) {
            out.print(ACTIVE_FILTERS + ": " + filters + "\n");
        }
        if (r.withBase()) {
            out.print("Total: " + auto(r.baseTotal(), unit) + " -> " + auto(r.total(), unit) + " ("
                    + signed(r.total() - r.baseTotal(), unit) + ")\n");
        } else {
            out.print("Total: " + auto(r.total(), unit) + "\n");
        }
        out.print("\nMatched functions:\n");
        valuesTable(r, r.matched(), unit, out);
        out.print("\nCaller paths (root > ... > match)" + (r.withBase() ? ", by growth" : "") + ":\n");
        sharesTable(r, r.callerPaths(), unit, out);
        out.print("\nCallees of the match" + (r.withBase() ? ", by growth" : "") + ":\n");
        sharesTable(r, r.callees(), unit, out);
        out.print("\nTop nodes of the samples through the match" + (r.withBase() ? ", by growth" : "") + ":\n");
        valuesTable(r, r.top(), unit, out);
        if (r.topCut() > 0) {
            out.print("(" + Plural.of(r.topCut(), "more node", "more nodes") + " not shown; use --nodecount 0 to show all)\n");
        }
    }

    private static void valuesTable(FocusResult r, List<FocusResult.Values> rows, String unit, PrintWriter out) {
        if (r.withBase()) {
            out.print(String.format("%12s %12s %12s %12s  %s%n", "flat delta", "cum base", "cum now", "cum delta", "name"));
            for (FocusResult.Values v : rows) {
                out.print(String.format("%12s %12s %12s %12s  %s%n", signed(v.deltaFlat(), unit), auto(v.baseCum(), unit),
                        auto(v.cum(), unit), signed(v.deltaCum(), unit), v.name()));
            }
        } else {
            out.print(String.format("%12s %6s %12s %6s  %s%n", "flat", "flat%", "cum", "cum%", "name"));
            for (FocusResult.Values v : rows) {
                out.print(String.format("%12s %6s %12s %6s  %s%n", auto(v.flat(), unit),
                        GoNumbers.percentage(v.flat(), r.total()), auto(v.cum(), unit),
                        GoNumbers.percentage(v.cum(), r.total()), v.name()));
            }
        }
    }

    /** What a share row's share is of: the sum of the rows' deltas with a base, else of their values. */
    private static long shareSum(FocusResult r, List<FocusResult.Share> rows) {
        long sum = 0;
        for (FocusResult.Share s : rows) {
            sum += r.withBase() ? s.delta() : s.current();
        }
        return sum;
    }

    private static void sharesTable(FocusResult r, List<FocusResult.Share> rows, String unit, PrintWriter out) {
        long sum = shareSum(r, rows);
        if (r.withBase()) {
            out.print(String.format("%12s %12s %12s %6s  %s%n", "delta", "base", "current", "share", "name"));
        }
        for (FocusResult.Share s : rows) {
            long v = r.withBase() ? s.delta() : s.current();
            String values = r.withBase()
                    ? String.format("%12s %12s %12s", signed(v, unit), auto(s.base(), unit), auto(s.current(), unit))
                    : String.format("%12s", auto(v, unit));
            out.print(values + " " + GoNumbers.percentage(v, sum) + "  " + s.name() + "\n");
        }
    }

    /** Markdown in the text report's units, within maxChars characters (rows cut from the end, with a note). */
    private static void markdown(FocusResult r, String title, String type, String unit, Harmonization h, String filters,
                                 int maxChars, PrintWriter out) {
        Markdown.Page page = new Markdown.Page();
        page.text("## Focus on " + Markdown.textCode(Printable.of(r.regex())) + " in " + Markdown.escape(title) + " ("
                + Markdown.escape(type) + ")\n\n");
        String harmonized = ProfileHeader.harmonized(h);
        if (harmonized != null) {
            page.text(Markdown.escape(harmonized) + "\n\n");
        }
        if (filters != null) {
            page.text(ACTIVE_FILTERS + ": " + Markdown.escape(filters) + "\n\n");
        }
        page.text(r.withBase()
                ? "Total: " + auto(r.baseTotal(), unit) + " → " + auto(r.total(), unit) + " ("
                        + signed(r.total() - r.baseTotal(), unit) + ")\n\n"
                : "Total: " + auto(r.total(), unit) + "\n\n");
        page.text("### Matched functions\n\n");
        valuesMarkdown(r, r.matched(), unit, page, maxChars);
        page.text("\n### Caller paths\n\n");
        sharesMarkdown(r, r.callerPaths(), unit, page, maxChars);
        page.text("\n### Callees\n\n");
        sharesMarkdown(r, r.callees(), unit, page, maxChars);
        page.text("\n### Top nodes of the samples through the match\n\n");
        valuesMarkdown(r, r.top(), unit, page, maxChars);
        if (r.topCut() > 0) {
            page.text("\n" + Plural.of(r.topCut(), "more node", "more nodes") + " not shown; use `--nodecount 0` to show all.\n");
        }
        out.print(page.render(maxChars));
    }

    private static void valuesMarkdown(FocusResult r, List<FocusResult.Values> rows, String unit, Markdown.Page page,
                                       int maxChars) {
        List<String> lines = new ArrayList<>();
        String head;
        if (r.withBase()) {
            head = "| flat Δ | cum base | cum current | cum Δ | function |\n|---:|---:|---:|---:|---|\n";
            for (FocusResult.Values v : rows) {
                lines.add("| " + signed(v.deltaFlat(), unit) + " | " + auto(v.baseCum(), unit) + " | "
                        + auto(v.cum(), unit) + " | " + signed(v.deltaCum(), unit) + " | " + Markdown.code(v.name())
                        + " |\n");
            }
        } else {
            head = "| flat | flat% | cum | cum% | function |\n|---:|---:|---:|---:|---|\n";
            for (FocusResult.Values v : rows) {
                lines.add("| " + auto(v.flat(), unit) + " | " + GoNumbers.percentage(v.flat(), r.total()).strip() + " | "
                        + auto(v.cum(), unit) + " | " + GoNumbers.percentage(v.cum(), r.total()).strip() + " | "
                        + Markdown.code(v.name()) + " |\n");
            }
        }
        page.table(head, lines, cut -> Markdown.cutNote(cut, maxChars));
    }

    private static void sharesMarkdown(FocusResult r, List<FocusResult.Share> rows, String unit, Markdown.Page page,
                                       int maxChars) {
        List<String> lines = new ArrayList<>();
        long sum = shareSum(r, rows);
        String head;
        if (r.withBase()) {
            head = "| Δ | base | current | share | path |\n|---:|---:|---:|---:|---|\n";
            for (FocusResult.Share s : rows) {
                lines.add("| " + signed(s.delta(), unit) + " | " + auto(s.base(), unit) + " | "
                        + auto(s.current(), unit) + " | " + GoNumbers.percentage(s.delta(), sum).strip() + " | "
                        + Markdown.code(s.name()) + " |\n");
            }
        } else {
            head = "| value | share | path |\n|---:|---:|---|\n";
            for (FocusResult.Share s : rows) {
                lines.add("| " + auto(s.current(), unit) + " | " + GoNumbers.percentage(s.current(), sum).strip() + " | "
                        + Markdown.code(s.name()) + " |\n");
            }
        }
        page.table(head, lines, cut -> Markdown.cutNote(cut, maxChars));
    }

    private static void json(FocusResult r, String type, String unit, Harmonization h, List<String> filters,
                             PrintWriter out) {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("schema", JSON_SCHEMA);
        root.put("generator", Generator.NAME);
        root.put("regex", r.regex());
        root.put("sampleType", type);
        root.put("unit", unit);
        filters.forEach(root.putArray("filters")::add);
        root.put("withBase", r.withBase());
        root.put("baseTotal", r.baseTotal());
        root.put("total", r.total());
        values(root.putArray("matched"), r.matched());
        ArrayNode paths = root.putArray("callerPaths");
        for (FocusResult.Share s : r.callerPaths()) {
            ObjectNode o = paths.addObject();
            ArrayNode frames = o.putArray("frames");
            s.frames().forEach(frames::add);
            o.put("base", s.base()).put("current", s.current()).put("delta", s.delta());
        }
        ArrayNode callees = root.putArray("callees");
        for (FocusResult.Share s : r.callees()) {
            callees.addObject().put("name", s.name()).put("base", s.base()).put("current", s.current())
                    .put("delta", s.delta());
        }
        values(root.putArray("top"), r.top());
        root.put("topCut", r.topCut());
        HarmonizationNote.put(root, h);
        try {
            out.print(json.writeValueAsString(root) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void values(ArrayNode array, List<FocusResult.Values> rows) {
        for (FocusResult.Values v : rows) {
            array.addObject().put("name", v.name()).put("baseFlat", v.baseFlat()).put("flat", v.flat())
                    .put("baseCum", v.baseCum()).put("cum", v.cum());
        }
    }

    static String auto(long v, String unit) {
        return ValueFormat.autoLabel(v, unit);
    }

    static String signed(long v, String unit) {
        return (v > 0 ? "+" : "") + ValueFormat.autoLabel(v, unit);
    }
}
