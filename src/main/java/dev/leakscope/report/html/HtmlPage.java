package dev.leakscope.report.html;

import dev.leakscope.profile.Harmonization;
import dev.leakscope.util.Generator;
import dev.leakscope.util.Plural;
import dev.leakscope.util.Printable;
import dev.leakscope.profile.Units;
import dev.leakscope.report.pprof.ValueFormat;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

/**
 * The frame of every HTML report: one self-contained document with its style sheet and script inline.
 * Its Content-Security-Policy allows no network access at all and runs only the page's own script and
 * style (by hash), so even a name that escaped escaping could run nothing.
 */
final class HtmlPage {
    private static final String CSS = Html.resource("flame.css");
    private static final String JS = Html.resource("flame.js");
    /** Table rows a page lays out on load; the others wait for the reader's "Show more rows". */
    static final int FIRST_ROWS = 100;

    private HtmlPage() {
    }

    static void begin(String title, PrintWriter out) {
        out.println("<!DOCTYPE html>");
        out.println("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        out.println("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src '"
                + hash(CSS) + "'; script-src '" + hash(JS) + "'; img-src data:\">");
        out.println("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        out.println("<meta name=\"generator\" content=\"" + Html.text(Generator.NAME) + "\">");
        out.println("<title>" + Html.text(title) + "</title>");
        out.print("<style>");
        out.print(CSS);
        out.println("</style></head><body>");
        out.println("<h1>" + Html.text(title) + "</h1>");
    }

    /** A definition list of the report's facts: label, value pairs (escaped here). */
    /**
     * The fact saying how the inputs' sample types were brought onto one set (the text report's
     * {@code Harmonized:} line), as a name and value pair; none when the inputs agreed.
     */
    static List<String> harmonized(Harmonization h) {
        return h.isNone() ? List.of() : List.of("Harmonized", Printable.of(h.describe()));
    }

    static void facts(PrintWriter out, String... pairs) {
        out.println("<dl class=\"facts\">");
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            out.println("<dt>" + Html.text(pairs[i]) + "</dt><dd>" + Html.text(pairs[i + 1]) + "</dd>");
        }
        out.println("</dl>");
    }

    /**
     * The flame graph section: controls, legend, the graph and its data. diff: colour by change (the data
     * has base and current columns); else colour by each frame's own share of the total. Values are in
     * unit, labelled in outputUnit (pprof's -unit, as the report's tables: {@code minimum} or {@code auto},
     * each value in its own unit).
     */
    static void flame(PrintWriter out, String heading, FlameData data, String unit, String outputUnit, boolean diff) {
        out.println("<h2>" + Html.text(heading) + "</h2>");
        out.println("<div class=\"bar\"><input type=\"search\" id=\"search\" placeholder=\"Search frames (substring)\""
                + " aria-label=\"Search frames\"><span id=\"found\" title=\"cum: the samples through any matching frame, each"
                + " counted once; flat: the matching frames' own values. Only the frames in the graph are searched,"
                + " not those folded into [other].\"></span>"
                + "<button id=\"flip\" type=\"button\">Icicle / flame</button>"
                + "<button id=\"reset\" type=\"button\">Reset zoom</button></div>");
        if (diff) {
            out.println("<div class=\"legend\"><span class=\"sw-grow\">grew (own change; deeper = larger share of the"
                    + " gross change)</span><span class=\"sw-shrink\">shrank</span><span class=\"sw-new\">new (not in"
                    + " the base)</span><span class=\"sw-same\">unchanged</span><span class=\"sw-other\">folded small"
                    + " frames</span><span>pale: within sampling noise; width: current value</span></div>");
        } else {
            out.println("<div class=\"legend\"><span class=\"sw-hot\">own (self) value; deeper = larger share"
                    + "</span><span class=\"sw-same\">no self value</span><span class=\"sw-other\">folded small"
                    + " frames</span><span>width: value</span></div>");
        }
        out.println("<div id=\"crumbs\" class=\"bar\"></div><p id=\"zoomnote\" class=\"note\" hidden></p>");
        out.println("<div id=\"flame\"></div><div id=\"tip\"></div>");
        out.println("<p class=\"note\">" + Html.text(foldNote(data, unit, outputUnit)) + " Hover a frame for its values,"
                + " click to zoom, use the breadcrumb to go back.</p>");
        out.print("<script type=\"application/json\" id=\"leakscope-data\">{\"mode\":\"" + (diff ? "diff" : "single")
                + "\",\"unit\":");
        Html.jsonString(unit, out);
        if (!outputUnit.equals("minimum") && !outputUnit.equals("auto")) {
            // every label in one unit: the factor from the sample unit to it, and its name
            Units.Scaled one = Units.scale(1, unit, outputUnit);
            out.print(",\"to\":{\"f\":" + one.value() + ",\"u\":");
            Html.jsonString(one.unit(), out);
            out.print("}");
        }
        out.print(",\"total\":" + data.value(0, data.columns - 1) + ",\"gross\":" + (diff ? data.grossChange() : 0) + ",");
        data.writeJson(out);
        out.println("}</script>");
    }

    /**
     * The opening tag of a table's row number index (from 0) that finds frame in the graph when clicked
     * (null: none): its frame of that name, or, when every path through it is folded, the "[other]" frame
     * that holds it (the page then says so). Rows past the first {@link #FIRST_ROWS} start hidden, so a long
     * table costs the page no layout until the reader asks for them ({@link #endRows}).
     */
    static String tr(int index, String frame, FlameData data) {
        int other = data.foldedInto(frame);
        return "<tr" + (frame == null ? "" : " data-name=\"" + Html.text(frame) + "\"")
                + (other >= 0 ? " data-other=\"" + other + "\"" : "") + (index >= FIRST_ROWS ? " hidden" : "") + ">";
    }

    /**
     * As {@link #tr(int, String, FlameData)} for a row that is a call path (names from the outermost frame
     * down): it finds the frame at the end of that path, not merely a frame of its last name.
     */
    static String trPath(int index, List<String> path, FlameData data) {
        int frame = data.frameOfPath(path);
        return "<tr data-name=\"" + Html.text(path.get(path.size() - 1)) + "\""
                + (frame >= 0 ? " data-frame=\"" + frame + "\"" : "") + (index >= FIRST_ROWS ? " hidden" : "") + ">";
    }

    /** Closes a table of that many rows begun with {@link #tr}: with a button that shows hidden rows, if any. */
    static void endRows(PrintWriter out, int rows) {
        out.println("</tbody></table>");
        if (rows > FIRST_ROWS) {
            out.println("<p class=\"bar\"><button type=\"button\" class=\"more\" data-step=\"" + FIRST_ROWS
                    + "\">Show more rows</button><span class=\"note\">" + Html.text((rows - FIRST_ROWS) + " of " + rows
                    + " rows hidden") + "</span></p>");
        }
    }

    private static String foldNote(FlameData d, String unit, String outputUnit) {
        if (d.foldedPaths == 0) {
            return "Every call path is in the graph (" + Plural.of(d.size() - 1, "frame") + "; those under a pixel wide show"
                    + " when zoomed).";
        }
        return Plural.of(d.foldedPaths, "call path") + " smaller than " + ValueFormat.label(d.cut, unit, outputUnit)
                + (d.foldedPaths == 1 ? " is" : " are") + " folded into \"" + FlameData.OTHER_NAME + "\" frames (size budget: at most "
                + FlameData.MAX_FRAMES + " frames; frames under " + (FlameData.MIN_FRACTION * 100)
                + "% of the total always folded); " + Plural.of(d.size() - 1, "frame") + " in the graph (those under a pixel"
                + " wide show when zoomed).";
    }

    static void end(PrintWriter out) {
        out.println("<footer class=\"note\">" + Html.text(Generator.NAME) + "</footer>");
        out.print("<script>");
        out.print(JS);
        out.println("</script>");
        out.println("</body></html>");
    }

    private static String hash(String s) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(h);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
