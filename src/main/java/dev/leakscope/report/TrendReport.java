package dev.leakscope.report;

import dev.leakscope.util.Generator;
import dev.leakscope.util.Plural;
import dev.leakscope.util.SnapshotOrder;
import dev.leakscope.report.pprof.ProfileHeader;
import dev.leakscope.report.pprof.ValueFormat;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.leakscope.profile.SampleCap;
import dev.leakscope.profile.TimeSource;
import dev.leakscope.graph.Granularity;
import dev.leakscope.profile.ValueType;
import dev.leakscope.report.html.TrendHtmlReport;
import dev.leakscope.trend.Projection;
import dev.leakscope.trend.SeriesEnds;
import dev.leakscope.trend.Series;
import dev.leakscope.trend.Stats;
import dev.leakscope.trend.Trend;
import dev.leakscope.trend.TrendAnalysis;
import dev.leakscope.trend.TrendGate;
import dev.leakscope.trend.TwinSnapshots;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link Trend} as text, markdown or JSON ({@code leakscope.trend/v1}); its header, rows and
 * cells are shared with the HTML page ({@code report.html.TrendHtmlReport}).
 */
public final class TrendReport {
    public static final String SCHEMA = "leakscope.trend/v1";
    /** How a series is ordered by time when forms of a snapshot without a time of their own take their twins'. */
    static final String TWINS = "time_nanos; a snapshot saved in two forms at the time of the form that has one";

    /**
     * @param format     output format: text, markdown or JSON (HTML: {@code report.html.TrendHtmlReport})
     * @param ascii      sparklines in ASCII instead of Unicode blocks
     * @param rows       which node rows are shown
     * @param projection the {@code --limit} projection, or null
     * @param zone       time zone of the snapshot times
     * @param maxChars   the Markdown budget in characters
     * @param unit       the unit of printed values (pprof's -unit; {@code minimum}: each value in its own unit)
     * @param ratesOverSeconds whether rates per hour are shown over a series that spans less than a minute
     *                   ({@link Trend#ratedPerHour}): trend does not, as diff does not; watch does, as its
     *                   status lines rate its window however short
     */
    public record Options(Format format, boolean ascii, RowLimit rows, Projection projection, ZoneId zone,
                          int maxChars, String unit, boolean ratesOverSeconds) {
        /** The same options in another format. */
        public Options withFormat(Format f) {
            return new Options(f, ascii, rows, projection, zone, maxChars, unit, ratesOverSeconds);
        }
    }

    /**
     * The node rows shown (pprof's -nodecount and -nodefraction).
     *
     * @param nodeCount    at most this many (0: all)
     * @param nodeFraction none that is no suspect and whose growth (first to last, up or down) is below this
     *                     fraction of the gross change, the sum of every node's |growth| (0: all)
     */
    public record RowLimit(int nodeCount, double nodeFraction) {
    }

    /**
     * The gate options as the user wrote them, for gate messages.
     *
     * @param rate   the --fail-on-rate value, or null
     * @param growth the --fail-on-growth value, or null
     */
    public record GateOptions(String rate, String growth) {
        /** "--fail-on-rate 10MB/h and --fail-on-growth 5%", as many as were given. */
        public String given() {
            List<String> g = new ArrayList<>();
            if (rate != null) {
                g.add("--fail-on-rate " + rate);
            }
            if (growth != null) {
                g.add("--fail-on-growth " + growth);
            }
            return String.join(" and ", g);
        }
    }

    /**
     * How each gate given stands (tripped: {@link TrendGate#checkAll}), as diff states its gates; values in
     * unit printed in outputUnit (pprof's -unit).
     *
     * @param withinNoise the growth gate held only because sampling noise explains the total's growth past
     *                    its threshold ({@link TrendGate#heldWithinNoise}), which its line says as diff's does;
     *                    else null
     */
    public static GateStatus gateStatus(List<TrendGate.Tripped> tripped, TrendGate.WithinNoise withinNoise,
                                        String unit, String outputUnit, GateOptions given) {
        List<GateStatus.Gate> gates = new ArrayList<>(2);
        if (given.rate() != null) {
            gates.add(GateStatus.Gate.of("--fail-on-rate", given.rate(), why(tripped, TrendGate.Kind.RATE, unit, outputUnit)));
        }
        if (given.growth() != null) {
            String why = why(tripped, TrendGate.Kind.GROWTH, unit, outputUnit);
            if (why == null && withinNoise != null) {
                Stats total = withinNoise.total();
                gates.add(GateStatus.Gate.heldWithinNoise("--fail-on-growth", given.growth(), GateStatus.withinNoise(
                        GateStatus.grew("total", total.first(), total.last(), unit, outputUnit), withinNoise.margin(),
                        unit, outputUnit)));
            } else {
                gates.add(GateStatus.Gate.of("--fail-on-growth", given.growth(), why));
            }
        }
        return GateStatus.of(gates);
    }

    private static String why(List<TrendGate.Tripped> tripped, TrendGate.Kind kind, String unit, String outputUnit) {
        for (TrendGate.Tripped t : tripped) {
            if (t.kind() == kind) {
                return why(t, unit, outputUnit);
            }
        }
        return null;
    }

    /** "total grows at +2.96GB/h", "total grew by +32MB (8MB -> 40MB, +400.0%)". */
    private static String why(TrendGate.Tripped t, String unit, String outputUnit) {
        Stats s = t.stats();
        return t.kind() == TrendGate.Kind.RATE
                ? t.name() + " grows at " + ValueFormat.signedLabel(Math.round(s.slope()), unit, outputUnit) + "/h"
                : GateStatus.grew(t.name(), s.first(), s.last(), unit, outputUnit);
    }

    private final Trend trend;
    private final Options o;
    private final GateStatus gate;
    private final String unit;
    private final String per;
    /** Whether the slopes are shown: per snapshot, or per hour over a series long enough for a rate. */
    private final boolean rated;

    private TrendReport(Trend trend, Options o, GateStatus gate) {
        this.trend = trend;
        this.o = o;
        this.gate = gate;
        this.unit = trend.series().unit();
        this.per = trend.perHour() ? "/h" : "/snapshot";
        this.rated = !trend.perHour() || trend.ratedPerHour() || o.ratesOverSeconds();
    }

    /** The report's pieces, for another rendering of the same facts. */
    public static TrendReport of(Trend trend, Options o, GateStatus gate) {
        return new TrendReport(trend, o, gate);
    }

    /**
     * The first and last snapshots the HTML page draws the growth between, with nodes made at this
     * granularity.
     */
    public record Ends(SeriesEnds snapshots, Granularity granularity, boolean noInlines) {
    }

    /**
     * The trend in the options' format; gate: how the gates stand; ends: what the HTML page draws (null for
     * the other formats).
     */
    public static void render(Trend trend, Options o, GateStatus gate, Ends ends, PrintWriter w) {
        if (o.format() != Format.HTML) {
            write(trend, o, gate, w);
            return;
        }
        ValueType type = new ValueType(trend.series().type(), trend.series().unit());
        TrendHtmlReport.write(trend, o, gate, ends.snapshots().tree(ends.granularity(), ends.noInlines(), type),
                ends.snapshots().noise(type)::margin, w);
    }

    /** The trend as text, Markdown or JSON. */
    public static void write(Trend trend, Options o, GateStatus gate, PrintWriter w) {
        TrendReport r = new TrendReport(trend, o, gate);
        switch (o.format()) {
            case TEXT -> r.text(w);
            case MARKDOWN -> r.markdown(w);
            case JSON -> r.json(w);
            default -> throw new IllegalStateException();
        }
    }

    /**
     * The node rows that pass --nodefraction and --nodecount, in rank order. The fraction is of the gross
     * change, as diff's: of the largest total, it would hide every node of a big heap that grew by a
     * little of it (a leak of 1 GB in a heap of 288 GB). A node that did not change is cut by any
     * fraction above 0; a suspect by none.
     */
    public List<Trend.Row> shownRows() {
        double fraction = o.rows().nodeFraction();
        double cutoff = fraction * grossChange();
        List<Trend.Row> out = new ArrayList<>();
        for (Trend.Row r : trend.rows()) {
            long growth = Math.abs(r.stats().growth());
            if (fraction > 0 && !r.stats().suspect() && (growth == 0 || growth < cutoff)) {
                continue;
            }
            if (o.rows().nodeCount() > 0 && out.size() == o.rows().nodeCount()) {
                break;
            }
            out.add(r);
        }
        return out;
    }

    /** The sum of every node's |growth| from the first snapshot to the last. */
    public long grossChange() {
        long gross = 0;
        for (Trend.Row r : trend.rows()) {
            gross += Math.abs(r.stats().growth());
        }
        return gross;
    }

    /** The node rows {@link #shownRows()} leaves out. */
    public int hiddenRows() {
        return trend.rows().size() - shownRows().size();
    }

    // ---- text and markdown

    /**
     * The header lines ("Type: inuse_space (bytes)", "Snapshots: …", the projection, the gate…) of the text
     * report.
     */
    public List<String> headerLines() {
        Series s = trend.series();
        List<String> lines = new ArrayList<>();
        lines.add("Type: " + s.type() + " (" + s.unit() + ")");
        String order = switch (s.order()) {
            case TIME -> "ordered by time (" + switch (timesTakenFrom(s)) {
                case OWN -> "time_nanos";
                case MIXED_WITH_OWN -> "time_nanos, else taken from their files, see Times";
                default -> "taken from their files, see Times";
            } + "), " + timeSpan(s);
            case TWIN_TIMES -> "ordered by time (" + TWINS + "), " + timeSpan(s);
            case FILE_NAMES -> "ordered by the times in their file names (the profiles have none), " + timeSpan(s);
            case FILE_TIMES -> "ordered by the times in their file names, else their files' modification times"
                    + " (the profiles have none), " + timeSpan(s);
            case FETCH_TIMES -> "ordered by fetch time (the profiles' own times are missing or repeat), " + timeSpan(s);
            case ARGUMENTS -> "in argument order (" + SnapshotOrder.untimed(s.timeNanos(), "snapshot")
                    + "); growth is per snapshot";
            case NAMES -> "in name order (" + SnapshotOrder.untimed(s.timeNanos(), "snapshot")
                    + "); growth is per snapshot";
        };
        lines.add("Snapshots: " + s.size() + ", " + order);
        String times = counted(s.notes().stream().map(Series.Notes::timeSource).toList(), "recorded in the profile");
        if (times != null) {
            lines.add("Times: " + times);
        }
        String parts = counted(s.notes().stream().map(Series.Notes::textPart).toList(), "all of the input");
        if (parts != null) {
            lines.add("Histograms: " + parts);
        }
        String capped = capped(s);
        if (capped != null) {
            lines.add("Capped: " + capped);
        }
        if (s.replaced() != null) {
            lines.add("Counted: " + s.type() + ", not the default " + s.replaced() + ": near the cap the sizes of so"
                    + " few samples jump with each large object sampled; the JVM picks its samples as memory is"
                    + " allocated, so their count follows the bytes too (-i " + s.replaced() + " follows the sizes)");
        }
        String harmonized = ProfileHeader.harmonized(s.harmonization());
        if (harmonized != null) {
            lines.add(harmonized);
        }
        if (s.size() < 3) {
            lines.add("Leak suspects: none can be told with 2 snapshots (a steady trend needs at least 3)");
        } else {
            // the verb agrees with "1 of", or with "of 1 node"
            lines.add("Leak suspects: " + trend.suspectCount() + " of " + Plural.of(trend.rows().size(), "node")
                    + (trend.suspectCount() == 1 || trend.rows().size() == 1 ? " grows" : " grow")
                    + " steadily (rule: see leakscope trend --help)");
            List<String> small = new ArrayList<>();
            for (Trend.Row r : TrendAnalysis.steadyBelowFloor(trend, 3)) {
                long[] v = r.stats().values();
                small.add(r.name() + " " + signed(r.stats().growth())
                        + (v[0] > 0 ? String.format(Locale.ROOT, " (x%.1f)", (double) v[v.length - 1] / v[0]) : ""));
            }
            if (!small.isEmpty()) {
                lines.add("Also steady, each under 1% of the total: " + String.join(", ", small));
            }
        }
        for (String note : notes()) {
            lines.add("Note: " + note);
        }
        if (o.projection() != null) {
            lines.add("Limit: " + projection(o.projection()));
        }
        if (gate.line() != null) {
            lines.add("Gate: " + gate.line());
        }
        return lines;
    }

    /** That the service restarted before these snapshots, so growth across them is not one process's. */
    private static String restartNote(Series s, List<Integer> restarts) {
        List<String> at = restarts.stream().map(i -> "#" + (i + 1) + " " + s.snapshots().get(i)).toList();
        return "the service restarted before snapshot " + String.join(", ", at) + " (it counts fewer allocations"
                + " since its process started than the snapshot before): the series is not one process's";
    }

    /**
     * The caveats on how the series reads, one sentence each (the header's Note: lines, JSON's notes): the
     * service restarted within the series; an allocation type grows without a leak ({@link AllocationNote}); a snapshot saved in two forms counts
     * twice ({@link TwinSnapshots}, stderr's warning without its "warning: ").
     */
    List<String> notes() {
        Series s = trend.series();
        List<String> notes = new ArrayList<>();
        List<Integer> restarts = s.restarts();
        if (!restarts.isEmpty()) {
            notes.add(restartNote(s, restarts));
        }
        Series.Notes last = s.notes().get(s.size() - 1);
        String allocations = AllocationNote.of(s.type(), last.allocationsSince(), last.retainedType());
        if (allocations != null) {
            notes.add(allocations);
        }
        TwinSnapshots.warning(s.snapshots(), "the series").ifPresent(w -> notes.add(w.substring("warning: ".length())));
        List<Trend.Row> byGate = trend.gateSuspects();
        if (!byGate.isEmpty()) {
            notes.add(String.join(", ", byGate.stream().map(Trend.Row::nameWithVia).toList())
                    + (byGate.size() == 1 ? " is a suspect" : " are suspects") + " because the gate tripped: growing"
                    + " steadily, by less than the rule's floor of 1% of the total, which the gate's threshold replaces");
        }
        return notes;
    }

    /**
     * A per-snapshot note, each with how many snapshots have it, when some have one: where the times came
     * from ("from the file name (6)"), or which part of a longer text was read; the rest count as none.
     */
    /** Where the times of a series ordered by TIME were taken from (a class histogram's: its file's). */
    private static TimeSource.Summary timesTakenFrom(Series s) {
        return TimeSource.Summary.of(s.notes().stream().map(Series.Notes::timeSource).toList());
    }

    private static String counted(List<String> notes, String none) {
        java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        for (String t : notes) {
            counts.merge(t == null ? none : t, 1, Integer::sum);
        }
        if (notes.stream().allMatch(java.util.Objects::isNull)) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((how, n) -> parts.add(how + " (" + n + ")"));
        return String.join(", ", parts);
    }

    /** What the producer's cap on samples does to the series, or null when no snapshot is near it. */
    private static String capped(Series s) {
        int first = s.firstCapped();
        if (first < 0) {
            return null;
        }
        SampleCap cap = s.notes().get(first).cap();
        String near = "snapshot" + (first == s.size() - 1 ? " " + (first + 1) : "s " + (first + 1) + " to " + s.size())
                + " hold " + Math.round(SampleCap.NEAR * 100) + "% or more of the at most " + cap.cap()
                + " samples the producer keeps: from there new samples replace old ones, and their number stops"
                + " growing whatever leaks; ";
        String sizes = s.type().endsWith("_space") && cap.covers(s.type().replace("_space", "_objects"))
                ? " (the sizes of so few samples jump with each large object sampled: -i "
                        + s.type().replace("_space", "_objects") + " follows their count)" : "";
        return near + (first < 2 ? "too few snapshots before it to tell a steady trend"
                : "rows are fitted over snapshots 1 to " + (first + 1) + ", and a suspect must keep 95% of its samples after")
                + sizes;
    }

    private String timeSpan(Series s) {
        long[] t = s.timeNanos();
        DateTimeFormatter full = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(o.zone());
        DateTimeFormatter day = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(o.zone());
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm:ss z", Locale.ROOT).withZone(o.zone());
        Instant first = Instant.ofEpochSecond(0, t[0]);
        Instant last = Instant.ofEpochSecond(0, t[t.length - 1]);
        String end = day.format(first).equals(day.format(last)) ? "" : day.format(last) + " ";
        return full.format(first) + " to " + end + time.format(last) + " (" + duration((t[t.length - 1] - t[0]) / 3.6e12)
                + (rated ? "" : "; no rate per hour under a minute") + ")";
    }

    /** The sentence of a projection: "reaches 2GB in ~3.4 h at +150MB/h", or why it cannot be said. */
    String projection(Projection p) {
        String limit = label(p.limit());
        return switch (p.outcome()) {
            case REACHES -> "reaches " + limit + " in ~" + duration(p.hours()) + " at " + rate(p.rate());
            case ALREADY_ABOVE -> "the last snapshot (" + label(trend.total().last())
                    + ") is already at or above " + limit;
            case NOT_GROWING -> "the total is not growing (" + rate(p.rate()) + "); it does not reach " + limit;
            case NO_TIMESTAMPS -> "cannot project when the total reaches " + limit
                    + ": the snapshots have no timestamps (growth is " + rate(p.rate()) + ")";
            case TOO_SHORT -> "cannot project when the total reaches " + limit + ": the snapshots span "
                    + duration(trend.series().spanNanos() / 3.6e12) + ", and a rate per hour needs a minute or more";
            case POOR_FIT -> "cannot project when the total reaches " + limit + ": its growth is not steady"
                    + " enough (" + (o.ascii() ? "R2 " : "R² ") + fixed(p.r2()) + " of a straight line, below 0.8)";
        };
    }

    /** A span of hours in the unit that reads best: "12.0 s", "3.5 min", "4.2 h", "3.1 days". */
    public static String duration(double hours) {
        if (hours < 1.0 / 60) {
            return String.format(Locale.ROOT, "%.1f s", hours * 3600);
        }
        if (hours < 1) {
            return String.format(Locale.ROOT, "%.1f min", hours * 60);
        }
        if (hours < 48) {
            return String.format(Locale.ROOT, "%.1f h", hours);
        }
        return String.format(Locale.ROOT, "%.1f days", hours / 24);
    }

    private String rate(double r) {
        return signed(Math.round(r)) + per;
    }

    private String signed(long v) {
        return ValueFormat.signedLabel(v, unit, o.unit());
    }

    private String label(long v) {
        return ValueFormat.label(v, unit, o.unit());
    }

    private static String fixed(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String percent(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.0f%%", v * 100);
    }

    private boolean hasRetention() {
        return !Double.isNaN(trend.series().totalRetention());
    }

    /**
     * The column headings of the table: suspect mark, first, last, growth, [rate], R², mono, [retained], trend,
     * name.
     */
    public List<String> header() {
        List<String> h = new ArrayList<>(List.of("", "first", "last", "growth"));
        if (rated) {
            h.add("rate" + per);
        }
        // R² in ASCII too: with --ascii, or in the C locale, a report keeps to ASCII
        h.add(o.ascii() ? "R2" : "R²");
        h.add("mono");
        if (hasRetention()) {
            h.add("retained");
        }
        h.add("trend");
        h.add("name");
        return h;
    }

    /** A row's cells under {@link #header()}; the trend cell is a text sparkline. */
    public List<String> cells(String name, Stats st) {
        List<String> c = new ArrayList<>(List.of(st.suspect() ? "*" : "", label(st.first()),
                label(st.last()), signed(st.growth())));
        if (rated) {
            c.add(signed(Math.round(st.slope())));
        }
        c.add(fixed(st.r2()));
        c.add(fixed(st.monotonicity()));
        if (hasRetention()) {
            c.add(percent(st.retention()));
        }
        c.add(Sparkline.of(st.values(), o.ascii()));
        c.add(name);
        return c;
    }

    private List<List<String>> table() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(header());
        rows.add(cells("(total)", trend.total()));
        for (Trend.Row r : shownRows()) {
            rows.add(cells(r.nameWithVia(), r.stats()));
        }
        return rows;
    }

    private void text(PrintWriter w) {
        for (String l : headerLines()) {
            w.println(l);
        }
        w.println();
        List<List<String>> rows = table();
        int cols = rows.get(0).size();
        int[] width = new int[cols];
        for (List<String> r : rows) {
            for (int c = 0; c < cols; c++) {
                width[c] = Math.max(width[c], r.get(c).length());
            }
        }
        for (List<String> r : rows) {
            StringBuilder b = new StringBuilder();
            for (int c = 0; c < cols; c++) {
                String cell = r.get(c);
                if (c > 0) {
                    b.append("  ");
                }
                if (c == cols - 1) {
                    b.append(cell);
                } else if (c == cols - 2 || c == 0) {
                    b.append(cell).append(" ".repeat(width[c] - cell.length()));
                } else {
                    b.append(" ".repeat(width[c] - cell.length())).append(cell);
                }
            }
            w.println(b.toString().stripTrailing());
        }
        int hidden = hiddenRows();
        if (hidden > 0) {
            w.println("(" + Plural.of(hidden, "more node", "more nodes") + " not shown; --nodefraction 0 --nodecount 0 shows all)");
        }
    }

    private void markdown(PrintWriter w) {
        StringBuilder head = new StringBuilder("**leakscope trend** of ").append(Markdown.textCode(trend.series().type()))
                .append("\n\n");
        for (String l : headerLines()) {
            head.append(Markdown.escape(l)).append("  \n");
        }
        head.append('\n');
        List<List<String>> rows = table();
        head.append(markdownRow(rows.get(0), false));
        StringBuilder sep = new StringBuilder("|");
        int cols = rows.get(0).size();
        for (int c = 0; c < cols; c++) {
            sep.append(c == 0 || c >= cols - 2 ? " --- |" : " ---: |");
        }
        head.append(sep).append('\n');
        head.append(markdownRow(rows.get(1), true)); // the total: never cut
        List<String> lines = new ArrayList<>();
        for (List<String> r : rows.subList(2, rows.size())) {
            lines.add(markdownRow(r, true));
        }
        int hidden = hiddenRows();
        String more = hidden == 0 ? ""
                : "\n_" + Plural.of(hidden, "more node", "more nodes") + " not shown; `--nodefraction 0 --nodecount 0`"
                + (hidden == 1 ? " shows it._\n" : " shows them._\n");
        w.print(new Markdown.Page().table(head, lines, cut -> Markdown.cutNote(cut, o.maxChars()) + more)
                .render(o.maxChars()));
    }

    private static String markdownRow(List<String> cells, boolean nameAsCode) {
        StringBuilder b = new StringBuilder("|");
        for (int c = 0; c < cells.size(); c++) {
            String cell = nameAsCode && c == cells.size() - 1 ? Markdown.code(cells.get(c)) : cells.get(c).replace("|", "\\|");
            b.append(' ').append(cell).append(" |");
        }
        return b.append('\n').toString();
    }

    // ---- JSON

    private void json(PrintWriter w) {
        try (JsonGenerator g = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).createGenerator(w)) {
            g.useDefaultPrettyPrinter();
            Series s = trend.series();
            g.writeStartObject();
            g.writeStringField("schema", SCHEMA);
            g.writeStringField("generator", Generator.NAME);
            g.writeStringField("type", s.type());
            g.writeStringField("unit", s.unit());
            if (s.replaced() != null) {
                g.writeStringField("replacedType", s.replaced());
            }
            g.writeStringField("order", s.order().timed() ? "time" : s.order().name().toLowerCase(java.util.Locale.ROOT));
            if (s.order().timed()) {
                g.writeStringField("timeSource", switch (s.order()) {
                    case FILE_NAMES -> "file names";
                    case FILE_TIMES -> "file names or modification times";
                    case FETCH_TIMES -> "fetch times";
                    case TIME -> switch (timesTakenFrom(s)) {
                        case OWN -> "time_nanos";
                        case FILE_NAMES -> "file names";
                        case FILE_NAMES_OR_MODIFICATION_TIMES -> "file names or modification times";
                        case TEXTS -> "texts";
                        case MIXED, MIXED_WITH_OWN -> "mixed";
                    };
                    default -> "time_nanos";
                });
            }
            g.writeStringField("slopePer", trend.perHour() ? "hour" : "snapshot");
            if (s.firstCapped() >= 0) {
                g.writeNumberField("fittedSnapshots", Math.min(s.size(), s.firstCapped() + 1));
            }
            HarmonizationNote.write(g, s.harmonization());
            g.writeArrayFieldStart("notes");
            for (String note : notes()) {
                g.writeString(note);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("snapshots");
            for (int i = 0; i < s.size(); i++) {
                g.writeStartObject();
                g.writeStringField("name", s.snapshots().get(i));
                g.writeNumberField("timeNanos", s.timeNanos()[i]);
                Series.Notes notes = s.notes().get(i);
                if (notes.timeSource() != null) {
                    g.writeStringField("timeSource", notes.timeSource());
                }
                if (notes.textPart() != null) {
                    g.writeStringField("textPart", notes.textPart());
                }
                if (s.restarts().contains(i)) {
                    g.writeBooleanField("afterRestart", true);
                }
                SampleCap cap = notes.cap();
                if (cap != null && cap.covers(s.type())) {
                    g.writeObjectFieldStart("sampleCap");
                    g.writeNumberField("held", cap.held());
                    g.writeNumberField("cap", cap.cap());
                    g.writeEndObject();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeFieldName("total");
            row(g, null, trend.total());
            g.writeEndObject();
            if (o.projection() != null) {
                Projection p = o.projection();
                g.writeObjectFieldStart("projection");
                g.writeStringField("outcome", p.outcome().name().toLowerCase(Locale.ROOT));
                g.writeNumberField("limit", p.limit());
                if (p.outcome() == Projection.Outcome.REACHES) {
                    g.writeNumberField("hours", p.hours());
                }
                g.writeStringField("text", projection(p));
                g.writeEndObject();
            }
            g.writeObjectFieldStart("gate");
            g.writeBooleanField("tripped", gate.tripped());
            g.writeStringField("reason", gate.reason());
            if (!gate.gates().isEmpty()) {
                g.writeArrayFieldStart("gates");
                for (GateStatus.Gate one : gate.gates()) {
                    g.writeStartObject();
                    g.writeStringField("option", one.option());
                    g.writeStringField("threshold", one.threshold());
                    g.writeBooleanField("tripped", one.tripped());
                    g.writeStringField("reason", one.reason());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
            g.writeArrayFieldStart("rows");
            for (Trend.Row r : shownRows()) {
                row(g, r.name(), r.stats());
                g.writeStringField("via", r.via() == null ? null : r.via().printableName());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNumberField("hiddenRows", hiddenRows());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        w.println();
    }

    private void row(JsonGenerator g, String name, Stats st) throws IOException {
        g.writeStartObject();
        if (name != null) {
            g.writeStringField("name", name);
        }
        g.writeArrayFieldStart("values");
        for (long v : st.values()) {
            g.writeNumber(v);
        }
        g.writeEndArray();
        if (rated) {
            g.writeNumberField("slope", st.slope());
        } else {
            g.writeNullField("slope");
        }
        g.writeNumberField("r2", st.r2());
        g.writeNumberField("monotonicity", st.monotonicity());
        g.writeNumberField("growth", st.growth());
        if (Double.isNaN(st.retention())) {
            g.writeNullField("retention");
        } else {
            g.writeNumberField("retention", st.retention());
        }
        g.writeNumberField("score", st.score());
        g.writeBooleanField("suspect", st.suspect());
    }
}
