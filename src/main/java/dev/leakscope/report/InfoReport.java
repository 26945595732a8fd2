package dev.leakscope.report;

import dev.leakscope.util.Plural;
import dev.leakscope.report.pprof.GoDuration;
import dev.leakscope.report.pprof.ValueFormat;
import dev.leakscope.report.pprof.RawReport;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leakscope.profile.Profile;
import dev.leakscope.profile.TimeSource;
import dev.leakscope.util.Printable;
import dev.leakscope.profile.ValueType;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** {@code leakscope info}: what profiles, directories and archives hold; text, Markdown or JSON ({@value #SCHEMA}). */
public final class InfoReport {
    public static final String SCHEMA = "leakscope.info/v1";
    /** The formats info is rendered in. */
    public static final Format[] FORMATS = {Format.TEXT, Format.MARKDOWN, Format.JSON};

    /** What one command-line input holds: one profile, or a directory or archive of them. */
    public sealed interface Input permits Single, SeriesInfoReport.Collection {
    }

    /**
     * One profile, reduced to what the report shows (so inputs need not be kept while the next is read).
     *
     * @param storedSize the input's size as stored, or -1 when unknown
     * @param defaultType the default sample type's index, -1 without types
     * @param timeSource where its time was taken from when its input records none ({@link TimeSource}), else null
     */
    public record Single(String name, long storedSize, String producer, List<ValueType> types, int defaultType,
                         ValueType periodType, long period, long timeNanos, String timeSource, long durationNanos,
                         int samples, int locations, int functions, int mappings, int strings, List<String> comments,
                         long[] totals) implements Input {
        public static Single of(String name, long storedSize, Profile p) {
            return new Single(Printable.of(name), storedSize, ProducerHint.guess(p), p.sampleTypes(),
                    p.typeCount() > 0 ? p.defaultSampleIndex() : -1, p.periodType(), p.period(), p.timeNanos(),
                    TimeSource.of(p), p.durationNanos(), p.sampleCount(), p.locationCount(), p.functionCount(), p.mappingCount(),
                    p.stringCount(), p.comments(), p.totals());
        }
    }

    private InfoReport() {
    }

    /** The Markdown budget applies to each directory's or archive's table. */
    public static void render(List<Input> inputs, ZoneId zone, RenderOptions o, PrintWriter out) {
        Format format = o.format();
        switch (format) {
            case TEXT, MARKDOWN -> {
                boolean md = format == Format.MARKDOWN;
                for (int i = 0; i < inputs.size(); i++) {
                    if (i > 0) {
                        out.println();
                    }
                    if (inputs.get(i) instanceof Single s) {
                        fields(s, zone, md, out);
                    } else {
                        SeriesInfoReport.write((SeriesInfoReport.Collection) inputs.get(i), zone, md ? o.maxChars() : 0, out);
                    }
                }
            }
            case JSON -> {
                ObjectNode root = Json.report(SCHEMA);
                ArrayNode array = root.putArray("inputs");
                for (Input in : inputs) {
                    if (in instanceof Single s) {
                        json(s, array.addObject());
                    } else {
                        SeriesInfoReport.json((SeriesInfoReport.Collection) in, array.addObject());
                    }
                }
                Json.print(root, out);
            }
            default -> throw new IllegalArgumentException("info has no " + format + " rendering");
        }
    }

    /** The profile's fields: "Label:  value" lines, or in Markdown a list with bold labels. */
    private static void fields(Single s, ZoneId zone, boolean md, PrintWriter out) {
        List<String[]> f = new ArrayList<>();
        f.add(new String[] {"File:        ", s.name() + (s.storedSize() >= 0 ? " (" + s.storedSize() + " bytes)" : "")});
        f.add(new String[] {"Producer:    ", s.producer()});
        StringBuilder types = new StringBuilder();
        for (int t = 0; t < s.types().size(); t++) {
            ValueType vt = s.types().get(t);
            types.append(t == 0 ? "" : ", ").append(vt.type()).append('/').append(vt.unit());
            if (t == s.defaultType()) {
                types.append(" (default)");
            }
        }
        f.add(new String[] {"Sample types: ", types.toString()});
        if (s.periodType() != null && !s.periodType().type().isEmpty()) {
            f.add(new String[] {"Period:      ", s.period() + " " + s.periodType().unit() + " of " + s.periodType().type()});
        }
        f.add(new String[] {"Time:        ", s.timeNanos() == 0 ? "not recorded" : RawReport.goTime(s.timeNanos(), zone)});
        if (s.durationNanos() != 0) {
            f.add(new String[] {"Duration:    ", GoDuration.format(s.durationNanos())});
        }
        f.add(new String[] {"Counts:      ", Plural.of(s.samples(), "sample") + ", " + Plural.of(s.locations(), "location")
                + ", " + Plural.of(s.functions(), "function") + ", " + Plural.of(s.mappings(), "mapping") + ", "
                + Plural.of(s.strings(), "string")});
        for (String c : s.comments()) {
            f.add(new String[] {"Comment:     ", c});
        }
        for (String[] field : f) {
            out.println(md ? "- **" + field[0].strip() + "** " + Markdown.escape(field[1]) : field[0] + field[1]);
        }
        out.println(md ? "- **Totals:**" : "Totals:");
        for (int t = 0; t < s.types().size(); t++) {
            long total = s.totals()[t];
            ValueType vt = s.types().get(t);
            if (md) {
                out.printf("  - %s: %s (%d %s)%n", Markdown.textCode(vt.type()), ValueFormat.autoLabel(total, vt.unit()),
                        total, Markdown.escape(vt.unit()));
            } else {
                out.printf("  %-16s %s (%d %s)%n", vt.type(), ValueFormat.autoLabel(total, vt.unit()), total, vt.unit());
            }
        }
    }

    private static void json(Single s, ObjectNode o) {
        o.put("kind", "profile").put("name", s.name()).put("storedSize", s.storedSize()).put("producer", s.producer());
        ArrayNode types = o.putArray("sampleTypes");
        for (int t = 0; t < s.types().size(); t++) {
            types.addObject().put("type", s.types().get(t).type()).put("unit", s.types().get(t).unit())
                    .put("default", t == s.defaultType()).put("total", s.totals()[t]);
        }
        if (s.periodType() != null && !s.periodType().type().isEmpty()) {
            o.putObject("period").put("type", s.periodType().type()).put("unit", s.periodType().unit())
                    .put("value", s.period());
        }
        // as diff's inputs say it: null when the profile records its own time (or none)
        o.put("timeNanos", s.timeNanos()).put("timeSource", s.timeSource()).put("durationNanos", s.durationNanos());
        o.putObject("counts").put("samples", s.samples()).put("locations", s.locations())
                .put("functions", s.functions()).put("mappings", s.mappings()).put("strings", s.strings());
        s.comments().forEach(o.putArray("comments")::add);
    }
}
