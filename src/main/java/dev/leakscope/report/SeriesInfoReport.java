package dev.leakscope.report;

import dev.leakscope.report.pprof.GoDuration;
import dev.leakscope.report.pprof.ValueFormat;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leakscope.profile.Profile;
import dev.leakscope.profile.Snapshot;
import dev.leakscope.profile.TimeSource;
import dev.leakscope.profile.ValueType;
import dev.leakscope.util.FileTime;
import dev.leakscope.util.SnapshotOrder;
import dev.leakscope.util.Printable;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code leakscope info DIR|ARCHIVE}: the profiles a directory or archive holds, one line each in
 * series order (time, then the total of each sample type), and a summary. Each profile is reduced to
 * its line as it is read, so memory holds one profile at a time.
 */
public final class SeriesInfoReport {
    private static final String NO_VALUE = "-";

    private SeriesInfoReport() {
    }

    /**
     * One profile of the series, reduced to what its line shows.
     *
     * @param timeSource where its time was taken from when its input records none ({@link TimeSource}), else null
     */
    public record Line(String name, long size, long timeNanos, String timeSource, List<ValueType> types, long[] totals,
                       FileTime file) {
        /** @param file when its file was captured, for a profile without a time of its own (text formats) */
        public static Line of(Snapshot snapshot, Profile p, FileTime file) {
            return new Line(snapshot.name(), snapshot.size(), snapshot.timeNanos(), snapshot.timeSource(), p.sampleTypes(),
                    p.totals(), file);
        }
    }

    /**
     * A directory or archive of profiles.
     *
     * @param input    its name and stored size
     * @param describe what it is ("directory", "tar.gz archive"...)
     * @param skipped  how many of its entries were skipped
     */
    public record Collection(Snapshot input, String describe, int skipped, List<Line> lines)
            implements InfoReport.Input {
    }

    /** The collection as text, or as Markdown (a list and a table within maxChars) when maxChars > 0. */
    static void write(Collection c, ZoneId zone, int maxChars, PrintWriter out) {
        boolean md = maxChars > 0;
        List<Line> lines = c.lines();
        SnapshotOrder.Timing timing = timing(lines);
        long[] times = timing.times();
        int[] order = order(lines, timing);
        boolean byTime = timing.source().timed();
        long stored = c.input().size();
        int skipped = c.skipped();
        List<String[]> fields = new ArrayList<>();
        fields.add(new String[] {"Input:       ", Printable.of(c.input().name()) + (stored >= 0 ? " (" + stored + " bytes)" : "")
                + ", " + c.describe()});
        fields.add(new String[] {"Profiles:    ", lines.size() + (skipped == 0 ? "" : " (" + skipped
                + (skipped == 1 ? " entry" : " entries") + " skipped)") + ", " + (!byTime ? "in name order ("
                + SnapshotOrder.untimed(lines.stream().mapToLong(Line::timeNanos).toArray(), "profile") + ")"
                : timing.source() == SnapshotOrder.Source.OWN ? "ordered by time (" + ownTimes(lines) + ")"
                : timing.source() == SnapshotOrder.Source.TWINS ? "ordered by time (" + TrendReport.TWINS + ")"
                : lines.stream().allMatch(l -> l.file().source() == FileTime.Source.NAME)
                ? "ordered by the times in their file names (the profiles have none)"
                : "ordered by the times in their file names, else their files' modification times (the profiles have none)")});
        if (byTime) {
            long first = times[order[0]];
            long last = times[order[order.length - 1]];
            fields.add(new String[] {"Time:        ", time(first, zone) + " to " + time(last, zone)
                    + " (" + GoDuration.format(last - first) + ")"});
        }
        Map<String, String> columns = columns(lines);
        fields.add(new String[] {"Sample types: ", String.join(", ", columns.values())});
        for (String[] f : fields) {
            out.println(md ? "- **" + f[0].strip() + "** " + Markdown.escape(f[1]) : f[0] + f[1]);
        }
        out.println();

        List<String[]> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("#", "time"));
        header.addAll(columns.keySet());
        header.add("name");
        rows.add(header.toArray(new String[0]));
        for (int i = 0; i < order.length; i++) {
            Line l = lines.get(order[i]);
            List<String> row = new ArrayList<>();
            row.add(Integer.toString(i + 1));
            row.add(l.timeNanos() == 0 ? "not recorded" : time(l.timeNanos(), zone));
            for (String type : columns.keySet()) {
                row.add(total(l, type));
            }
            row.add(l.name());
            rows.add(row.toArray(new String[0]));
        }
        if (md) {
            table(rows, maxChars, out);
        } else {
            print(rows, out);
        }
    }

    /** The collection as a JSON object: its profiles in series order, totals raw in their units. */
    static void json(Collection c, ObjectNode o) {
        List<Line> lines = c.lines();
        SnapshotOrder.Timing timing = timing(lines);
        o.put("kind", "collection").put("name", Printable.of(c.input().name())).put("storedSize", c.input().size())
                .put("container", c.describe()).put("skipped", c.skipped())
                .put("order", timing.source().timed() ? "time" : "names");
        ArrayNode profiles = o.putArray("profiles");
        for (int i : order(lines, timing)) {
            Line l = lines.get(i);
            ObjectNode p = profiles.addObject().put("name", l.name()).put("size", l.size())
                    .put("timeNanos", l.timeNanos()).put("timeSource", l.timeSource());
            ArrayNode types = p.putArray("sampleTypes");
            for (int t = 0; t < l.types().size(); t++) {
                types.addObject().put("type", l.types().get(t).type()).put("unit", l.types().get(t).unit())
                        .put("total", l.totals()[t]);
            }
        }
    }

    private static int[] order(List<Line> lines, SnapshotOrder.Timing timing) {
        return SnapshotOrder.order(new int[lines.size()], names(lines), timing);
    }

    private static List<String> names(List<Line> lines) {
        return lines.stream().map(Line::name).toList();
    }

    /** The times that order the lines, as trend's ({@link SnapshotOrder#times}). */
    private static SnapshotOrder.Timing timing(List<Line> lines) {
        return SnapshotOrder.times(lines.stream().mapToLong(Line::timeNanos).toArray(),
                lines.stream().mapToLong(l -> l.file().nanos()).toArray(),
                lines.stream().anyMatch(l -> l.file().nanos() != 0 && l.file().source() == FileTime.Source.MODIFIED),
                names(lines));
    }

    /** Where the times of profiles ordered by their own come from: time_nanos, or a class histogram's file. */
    private static String ownTimes(List<Line> lines) {
        return switch (TimeSource.Summary.of(lines.stream().map(Line::timeSource).toList())) {
            case OWN -> "time_nanos";
            case FILE_NAMES -> "taken from their file names";
            case FILE_NAMES_OR_MODIFICATION_TIMES -> "taken from their file names, else their modification times";
            case TEXTS -> "taken from their texts";
            case MIXED -> "taken from their files";
            case MIXED_WITH_OWN -> "time_nanos, else taken from their files";
        };
    }

    /** Rows as a Markdown table within maxChars: the first is the header; values right-aligned, time and name left. */
    private static void table(List<String[]> rows, int maxChars, PrintWriter out) {
        int cols = rows.get(0).length;
        StringBuilder head = new StringBuilder();
        List<String> lines = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder sb = new StringBuilder("|");
            for (int c = 0; c < cols; c++) {
                String cell = rows.get(r)[c];
                sb.append(' ').append(r > 0 && c == cols - 1 ? Markdown.code(cell) : Markdown.escape(cell)).append(" |");
            }
            if (r == 0) {
                head.append(sb).append('\n').append('|');
                for (int c = 0; c < cols; c++) {
                    head.append(c == 1 || c == cols - 1 ? ":--|" : "--:|");
                }
                head.append('\n');
            } else {
                lines.add(sb + "\n");
            }
        }
        out.print(new Markdown.Page().table(head, lines, cut -> Markdown.cutNote(cut, maxChars)).render(maxChars));
    }

    /** The sample types of all lines, in first-seen order: type name to "type/unit". */
    private static Map<String, String> columns(List<Line> lines) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (Line l : lines) {
            for (ValueType t : l.types()) {
                columns.putIfAbsent(t.type(), t.type() + "/" + t.unit());
            }
        }
        return columns;
    }

    private static String total(Line l, String type) {
        for (int t = 0; t < l.types().size(); t++) {
            if (l.types().get(t).type().equals(type)) {
                return ValueFormat.autoLabel(l.totals()[t], l.types().get(t).unit());
            }
        }
        return NO_VALUE;
    }


    private static String time(long nanos, ZoneId zone) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS z", Locale.ROOT).withZone(zone)
                .format(Instant.ofEpochSecond(0, nanos));
    }

    /** Columns padded to their widest cell: text left-aligned, values right-aligned. */
    private static void print(List<String[]> rows, PrintWriter out) {
        int cols = rows.get(0).length;
        int[] width = new int[cols];
        for (String[] r : rows) {
            for (int c = 0; c < cols; c++) {
                width[c] = Math.max(width[c], r[c].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < cols; c++) {
                boolean left = c == 1 || c == cols - 1;
                String cell = r[c];
                String pad = " ".repeat(width[c] - cell.length());
                sb.append(c == 0 ? "" : "  ").append(left ? cell + (c == cols - 1 ? "" : pad) : pad + cell);
            }
            out.println(sb);
        }
    }
}
