package dev.leakscope.report.html;

import dev.leakscope.report.TrendReport;
import dev.leakscope.report.pprof.ValueFormat;
import dev.leakscope.trend.Projection;
import dev.leakscope.trend.Series;
import dev.leakscope.trend.Trend;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A series over time as inline SVG (drawn here, no script): the total and the top suspects, one point
 * per snapshot (hover: snapshot and value), and with a limit the projection of the total to it when
 * it falls within three times the series' span. Row sparklines are small SVGs of the same kind.
 */
final class TrendChart {
    /** Suspects drawn beside the total: more lines than this no longer read. */
    static final int MAX_LINES = 5;
    private static final int W = 960;
    private static final int H = 300;
    private static final int LEFT = 76;
    private static final int RIGHT = 24;
    private static final int TOP = 12;
    private static final int BOTTOM = 36;

    private final Trend trend;
    private final String unit;
    private final String outputUnit;
    private final double[] x;
    private double xMax;
    private double yMin;
    private double yMax;

    private TrendChart(Trend trend, String outputUnit) {
        this.trend = trend;
        this.unit = trend.series().unit();
        this.outputUnit = outputUnit;
        double[] hours = trend.series().hours();
        int n = trend.series().size();
        x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = hours != null ? hours[i] : i;
        }
    }

    /**
     * The chart of the total and the first suspects of rows (in rank order), with the projection p (or
     * null); values labelled in outputUnit (pprof's -unit: {@code minimum}, each in its own unit).
     */
    static void write(Trend trend, List<Trend.Row> rows, Projection p, String outputUnit, PrintWriter out) {
        new TrendChart(trend, outputUnit).draw(suspects(rows), p, out);
    }

    private String label(long v) {
        return ValueFormat.label(v, unit, outputUnit);
    }

    static List<Trend.Row> suspects(List<Trend.Row> rows) {
        List<Trend.Row> out = new ArrayList<>();
        for (Trend.Row r : rows) {
            if (r.stats().suspect() && out.size() < MAX_LINES) {
                out.add(r);
            }
        }
        return out;
    }

    private void draw(List<Trend.Row> lines, Projection p, PrintWriter out) {
        long[] total = trend.total().values();
        double span = x[x.length - 1] - x[0];
        xMax = Math.max(span, 1e-9);
        yMin = 0;
        yMax = 0;
        range(total);
        for (Trend.Row r : lines) {
            range(r.stats().values());
        }
        boolean projected = p != null && p.outcome() == Projection.Outcome.REACHES && span > 0
                && span + p.hours() <= 3 * span;
        if (projected) {
            xMax = span + p.hours();
            yMax = Math.max(yMax, p.limit());
        }
        double step = niceStep((yMax - yMin) / 4, unit);
        yMax = step * Math.ceil(yMax / step);
        yMin = step * Math.floor(yMin / step);
        out.println("<svg class=\"chart\" viewBox=\"0 0 " + W + " " + H + "\" width=\"" + W + "\" height=\"" + H
                + "\" role=\"img\" aria-label=\"" + Html.text("Total" + (lines.isEmpty() ? "" : " and top suspects")
                + " over the series") + "\">");
        for (double v = yMin; v <= yMax + step / 2; v += step) {
            String y = f(py(v));
            out.println("<line class=\"axis\" x1=\"" + LEFT + "\" x2=\"" + (W - RIGHT) + "\" y1=\"" + y + "\" y2=\"" + y
                    + "\"/><text x=\"" + (LEFT - 6) + "\" y=\"" + f(py(v) + 4) + "\" text-anchor=\"end\">"
                    + Html.text(label(Math.round(v))) + "</text>");
        }
        xLabel(px(0), "start", trend.perHour() ? "0" : "snapshot 1", out);
        xLabel(px(span), projected ? "middle" : "end", trend.perHour()
                ? "+" + TrendReport.duration(span) : "snapshot " + x.length, out);
        if (projected) {
            String y = f(py(p.limit()));
            out.println("<line class=\"limit\" x1=\"" + LEFT + "\" x2=\"" + (W - RIGHT) + "\" y1=\"" + y + "\" y2=\""
                    + y + "\"/><text x=\"" + (LEFT + 4) + "\" y=\"" + f(py(p.limit()) - 4) + "\">"
                    + Html.text("limit " + label(p.limit())) + "</text>");
            out.println("<polyline class=\"proj\" points=\"" + f(px(span)) + "," + f(py(total[total.length - 1])) + " "
                    + f(px(xMax)) + "," + y + "\"><title>" + Html.text("projection: reaches "
                    + label(p.limit()) + " in ~" + TrendReport.duration(p.hours()))
                    + "</title></polyline>");
            xLabel(px(xMax), "end", "limit in ~" + TrendReport.duration(p.hours()), out);
        }
        for (int i = lines.size() - 1; i >= 0; i--) {
            line(lines.get(i).stats().values(), "series s" + i, lines.get(i).name(), out);
        }
        line(total, "total", "(total)", out);
        out.println("</svg>");
        legend(lines, projected, out);
    }

    private void legend(List<Trend.Row> lines, boolean projected, PrintWriter out) {
        StringBuilder b = new StringBuilder("<div class=\"legend\"><span class=\"sw-total\">(total)</span>");
        for (int i = 0; i < lines.size(); i++) {
            b.append("<span class=\"sw-s").append(i).append("\">").append(Html.text(lines.get(i).name())).append("</span>");
        }
        if (projected) {
            b.append("<span class=\"sw-proj\">projection of the total at its fitted rate</span>");
        }
        out.println(b.append("</div>"));
    }

    private void line(long[] values, String cls, String name, PrintWriter out) {
        StringBuilder pts = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        Series s = trend.series();
        for (int i = 0; i < values.length; i++) {
            String cx = f(px(x[i] - x[0]));
            String cy = f(py(values[i]));
            pts.append(i == 0 ? "" : " ").append(cx).append(',').append(cy);
            dots.append("<circle cx=\"").append(cx).append("\" cy=\"").append(cy).append("\" r=\"3\"><title>")
                    .append(Html.text(name + "\n" + s.snapshots().get(i) + ": " + label(values[i])))
                    .append("</title></circle>");
        }
        out.println("<g class=\"" + cls + "\"><polyline points=\"" + pts + "\"/>" + dots + "</g>");
    }

    private void xLabel(double at, String anchor, String text, PrintWriter out) {
        out.println("<text x=\"" + f(at) + "\" y=\"" + (H - BOTTOM + 18) + "\" text-anchor=\"" + anchor + "\">"
                + Html.text(text) + "</text>");
    }

    private void range(long[] values) {
        for (long v : values) {
            yMin = Math.min(yMin, v);
            yMax = Math.max(yMax, v);
        }
    }

    private double px(double v) {
        return LEFT + v / xMax * (W - LEFT - RIGHT);
    }

    private double py(double v) {
        return H - BOTTOM - (v - yMin) / Math.max(yMax - yMin, 1) * (H - TOP - BOTTOM);
    }

    /**
     * The smallest of 1, 2 or 5 times a power of ten that is at least raw: round gridlines. Bytes are
     * counted in the binary unit they are labelled in (kB, MB… of 1024), so the labels are round too.
     */
    static double niceStep(double raw, String unit) {
        if (raw <= 0) {
            return 1;
        }
        double scale = 1;
        if (unit.equals("bytes")) {
            while (raw / scale >= 1024) {
                scale *= 1024;
            }
        }
        double r = raw / scale;
        double base = Math.pow(10, Math.floor(Math.log10(r)));
        for (double m : new double[] {1, 2, 5}) {
            if (m * base >= r) {
                return m * base * scale;
            }
        }
        return 10 * base * scale;
    }

    /** A row's values as a small line between its own minimum and maximum. */
    static String sparkline(long[] values, boolean suspect) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (long v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        int w = 96;
        int h = 18;
        StringBuilder pts = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            double px = values.length == 1 ? 0 : 1 + (double) i / (values.length - 1) * (w - 2);
            double py = max == min ? h - 2 : h - 2 - (double) (values[i] - min) / ((double) max - min) * (h - 4);
            pts.append(i == 0 ? "" : " ").append(f(px)).append(',').append(f(py));
        }
        return "<svg class=\"spark" + (suspect ? "" : " calm") + "\" viewBox=\"0 0 " + w + " " + h + "\" width=\"" + w
                + "\" height=\"" + h + "\" aria-hidden=\"true\"><polyline points=\"" + pts + "\"/></svg>";
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
