package dev.leakscope.report;

import dev.leakscope.util.Generator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leakscope.trend.TrendGate;
import dev.leakscope.trend.WatchedGate;
import dev.leakscope.trend.Series;
import dev.leakscope.trend.Stats;
import dev.leakscope.report.pprof.ValueFormat;
import dev.leakscope.trend.Trend;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * What {@code watch} prints: one status line per snapshot (time, total, growth rate, top suspect), or
 * with JSON one object per line ({@code leakscope.watch/v1}, JSON Lines), and a summary at the end.
 */
public final class WatchReport {
    public static final String SCHEMA = "leakscope.watch/v1";

    /** The formats a watch is printed in. */
    public static final Format[] FORMATS = {Format.TEXT, Format.JSON};

    /** Suspects listed per snapshot in JSON. */
    private static final int SUSPECTS = 5;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * A watched endpoint.
     *
     * @param url   its URL as shown (credentials hidden)
     * @param label which replica (host:port) when several are watched, else null
     */
    public record Endpoint(String url, String label) {
    }

    /**
     * One snapshot of a watch.
     *
     * @param number   1 for the first snapshot
     * @param time     when it was fetched
     * @param endpoint where from
     * @param file     where it is kept, or null
     * @param trend   the trend of the window ending with it
     * @param gate    how the gate stands at it (news follow the first gate that trips)
     * @param tripping every gate that trips at it ({@link TrendGate#checkAll}), which its report names
     * @param withinNoise the growth gate held at it only because sampling noise explains the total's growth
     *                 past its threshold ({@link TrendGate#heldWithinNoise}), which its report and the summary
     *                 say; else null
     * @param gates   the gate options as given
     */
    public record Snapshot(int number, Instant time, Endpoint endpoint, String file, Trend trend,
                           WatchedGate.Step gate, List<TrendGate.Tripped> tripping, TrendGate.WithinNoise withinNoise,
                           TrendReport.GateOptions gates) {
        /** What tripped the gate at this snapshot, or null. */
        public TrendGate.Tripped tripped() {
            return gate.tripped();
        }
    }

    /**
     * The end of a watch.
     *
     * @param endpoint    what was watched
     * @param snapshots   how many were taken
     * @param first       when the first was fetched (null: none)
     * @param last        the last snapshot (null: none)
     * @param gate        which snapshots tripped the gate
     * @param interrupted whether Ctrl-C ended it
     * @param kept        where the fetched profiles are kept, or null
     */
    public record Summary(Endpoint endpoint, int snapshots, Instant first, Snapshot last, WatchedGate.Tally gate,
                          boolean interrupted, String kept) {
    }

    private final Format format;
    private final ZoneId zone;
    private final TrendReport.Options trendOptions;

    public WatchReport(Format format, TrendReport.Options trendOptions) {
        this.format = format;
        this.zone = trendOptions.zone();
        this.trendOptions = trendOptions;
    }

    /**
     * The snapshot's status line.
     *
     * @param full followed by the full trend report (when the gate trips the first time)
     */
    public void snapshot(Snapshot s, PrintWriter w, boolean full) {
        if (format == Format.JSON) {
            w.println(json(s, full));
        } else {
            w.println(statusLine(s));
            if (full) {
                w.println();
                TrendReport.write(s.trend(), trendOptions, gateStatus(s), w);
                w.println();
            }
        }
        w.flush();
    }

    /** The summary at the end of a watch. */
    public void summary(Summary s, PrintWriter w) {
        if (format == Format.JSON) {
            ObjectNode o = MAPPER.createObjectNode();
            o.put("schema", SCHEMA);
            o.put("generator", Generator.NAME);
            o.put("event", "summary");
            o.put("url", s.endpoint().url());
            o.put("snapshots", s.snapshots());
            o.put("first", s.first() == null ? null : s.first().toString());
            o.put("last", s.last() == null ? null : s.last().time().toString());
            o.put("trippedAt", s.gate().firstTrippedAt() == 0 ? null : s.gate().firstTrippedAt());
            o.put("trippedSnapshots", s.gate().trippedCount());
            o.put("interrupted", s.interrupted());
            o.put("kept", s.kept());
            w.println(o);
        } else {
            w.println(summaryLine(s));
        }
        w.flush();
    }

    /**
     * The JSON a webhook receives when the gate trips: the snapshot's JSON line (with the full trend
     * report) and a plain {@code text} that chat webhooks display.
     */
    public String notification(Snapshot s) {
        ObjectNode o = json(s, true);
        o.put("text", "leakscope watch " + s.endpoint().url() + ": " + gateText(s));
        return o.toString();
    }

    /** How the gate stands at the snapshot, for its trend report; a tripped gate names the top suspect too. */
    private GateStatus gateStatus(Snapshot s) {
        TrendGate.Tripped t = s.tripped();
        String unit = s.trend().series().unit();
        GateStatus gate = TrendReport.gateStatus(s.tripping(), s.withinNoise(), unit, trendOptions.unit(), s.gates());
        Trend.Row top = topSuspect(s.trend());
        return t == null || top == null || top.name().equals(t.name()) ? gate
                : gate.and("top suspect: " + top.nameWithVia() + " " + signed(Math.round(top.stats().slope()), unit) + "/h");
    }

    /** Why the gate tripped, in one line. */
    public String gateText(Snapshot s) {
        return gateStatus(s).reason();
    }

    // ---- text

    private String statusLine(Snapshot s) {
        Trend t = s.trend();
        String unit = t.series().unit();
        StringBuilder b = new StringBuilder();
        b.append(time(s.time())).append("  #").append(s.number()).append("  ");
        if (s.endpoint().label() != null) {
            b.append(s.endpoint().label()).append("  ");
        }
        b.append(t.series().type()).append(' ').append(value(t.total().last(), unit));
        int n = t.series().size();
        if (n < 2) {
            return b.append("  (rates from the 2nd snapshot, by ").append(timeSource(t)).append(')').toString();
        }
        String per = t.perHour() ? "/h" : "/snapshot";
        b.append("  ").append(signed(Math.round(t.total().slope()), unit)).append(per)
                .append(t.total().steady() ? " steady" : "")
                .append("  window ").append(n);
        if (n < 3) {
            b.append("  suspects: from the 3rd snapshot");
        } else {
            Trend.Row top = topSuspect(t);
            b.append("  suspects ").append(t.suspectCount());
            Trend.Row steady = top == null && t.total().steady() ? topSteady(t) : null;
            if (top != null) {
                b.append(", top: ").append(top.nameWithVia()).append(' ')
                        .append(signed(Math.round(top.stats().slope()), unit)).append(per);
            } else if (steady != null) {
                b.append(" (steady, under 1% of the total: ").append(steady.nameWithVia()).append(' ')
                        .append(signed(Math.round(steady.stats().slope()), unit)).append(per).append(')');
            }
        }
        switch (s.gate().news()) {
            case TRIPPED -> b.append("  GATE: ").append(gateText(s));
            case STILL_TRIPPED -> b.append("  gate still tripped (since #").append(s.gate().since()).append(')');
            case HOLDS_AGAIN -> b.append("  gate holds again");
            default -> { }
        }
        return b.toString();
    }

    private String summaryLine(Summary s) {
        StringBuilder b = new StringBuilder("Watched ").append(s.endpoint().url()).append(": ").append(s.snapshots())
                .append(s.snapshots() == 1 ? " snapshot" : " snapshots");
        if (s.first() != null) {
            b.append(" from ").append(time(s.first())).append(" to ").append(time(s.last().time()));
        }
        if (s.interrupted()) {
            b.append(", stopped by Ctrl-C");
        }
        if (s.last() != null && s.last().trend().series().size() >= 2) {
            Trend t = s.last().trend();
            b.append("; last window: ").append(t.series().size()).append(" snapshots, total ")
                    .append(value(t.total().last(), t.series().unit())).append(' ')
                    .append(signed(Math.round(t.total().slope()), t.series().unit()))
                    .append(t.perHour() ? "/h" : "/snapshot").append(", ").append(t.suspectCount())
                    .append(t.suspectCount() == 1 ? " suspect" : " suspects").append(" (times: ")
                    .append(timeSource(t)).append(')');
        }
        if (s.last() != null && !s.last().gates().given().isEmpty()) {
            b.append(tripped(s.gate(), s.snapshots(), s.last().gates()));
            if (s.gate().firstTrippedAt() == 0) {
                // a gate that held only because of sampling noise says so, as in the trend report
                for (GateStatus.Gate g : gateStatus(s.last()).gates()) {
                    if (!g.tripped() && g.reason() != null) {
                        b.append("; last window: ").append(g.reason());
                    }
                }
            }
        }
        if (s.kept() != null) {
            b.append("; profiles kept in ").append(s.kept());
        }
        return b.toString();
    }

    /**
     * "; the gate tripped at #4", and when the watch went on after it "…, at 5 of 6 snapshots in all";
     * or "; the gate (--fail-on-rate 10MB/h) held".
     */
    private static String tripped(WatchedGate.Tally gate, int snapshots, TrendReport.GateOptions given) {
        if (gate.firstTrippedAt() == 0) {
            return "; the gate (" + given.given() + ") held";
        }
        String at = "; the gate tripped at #" + gate.firstTrippedAt();
        return snapshots == gate.firstTrippedAt() ? at
                : at + ", at " + gate.trippedCount() + " of " + snapshots + " snapshots in all";
    }

    /** Which times the rates are per hour of: the profiles' own, or the fetches'. */
    private static String timeSource(Trend t) {
        return t.series().order() == Series.Order.TIME ? "the profiles' time_nanos"
                : "fetch times; the profiles' time_nanos are missing or repeat";
    }

    private static Trend.Row topSuspect(Trend t) {
        for (Trend.Row r : t.rows()) {
            if (r.stats().suspect()) {
                return r;
            }
        }
        return null;
    }

    /**
     * The fastest row growing steadily but by less than the suspect rule's floor: a short window of a big
     * heap's leak, which the gates still see.
     */
    private static Trend.Row topSteady(Trend t) {
        Trend.Row top = null;
        for (Trend.Row r : t.rows()) {
            if (r.stats().steady() && (top == null || r.stats().slope() > top.stats().slope())) {
                top = r;
            }
        }
        return top;
    }

    private String time(Instant i) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ROOT).withZone(zone).format(i);
    }

    /** A value in unit, printed in --unit's unit. */
    private String value(long v, String unit) {
        return ValueFormat.label(v, unit, trendOptions.unit());
    }

    private String signed(long v, String unit) {
        return ValueFormat.signedLabel(v, unit, trendOptions.unit());
    }

    // ---- JSON

    private ObjectNode json(Snapshot s, boolean withReport) {
        Trend t = s.trend();
        ObjectNode o = MAPPER.createObjectNode();
        o.put("schema", SCHEMA);
        o.put("generator", Generator.NAME);
        o.put("event", "snapshot");
        o.put("snapshot", s.number());
        o.put("time", s.time().toString());
        o.put("timeSource", t.series().order() == Series.Order.TIME ? "time_nanos" : "fetch");
        o.put("url", s.endpoint().url());
        o.put("file", s.file());
        o.put("type", t.series().type());
        o.put("unit", t.series().unit());
        o.put("window", t.series().size());
        o.put("slopePer", t.perHour() ? "hour" : "snapshot");
        ObjectNode total = o.putObject("total");
        total.put("value", t.total().last());
        stats(total, t.total());
        ArrayNode suspects = o.putArray("suspects");
        for (Trend.Row r : t.rows()) {
            if (!r.stats().suspect() || suspects.size() == SUSPECTS) {
                break;
            }
            ObjectNode row = suspects.addObject();
            row.put("name", r.name());
            row.put("via", r.via() == null ? null : r.via().printableName());
            row.put("value", r.stats().last());
            stats(row, r.stats());
        }
        if (s.tripped() == null) {
            o.putNull("gate");
        } else {
            ObjectNode g = o.putObject("gate");
            g.put("name", s.tripped().name());
            g.put("slope", s.tripped().stats().slope());
            g.put("growth", s.tripped().stats().growth());
            g.put("failOnRate", s.gates().rate());
            g.put("failOnGrowth", s.gates().growth());
            g.put("text", gateText(s));
        }
        if (withReport) {
            o.set("report", trendJson(s));
        }
        return o;
    }

    private static void stats(ObjectNode o, Stats st) {
        o.put("growth", st.growth());
        o.put("slope", st.slope());
        o.put("r2", st.r2());
        o.put("monotonicity", st.monotonicity());
        o.put("steady", st.steady());
    }

    private JsonNode trendJson(Snapshot s) {
        StringWriter out = new StringWriter();
        try (PrintWriter w = new PrintWriter(out)) {
            TrendReport.write(s.trend(), trendOptions.withFormat(Format.JSON), gateStatus(s), w);
        }
        try {
            return MAPPER.readTree(out.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
