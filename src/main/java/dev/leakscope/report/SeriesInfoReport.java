package dev.leakscope.report;

import dev.leakscope.profile.Profile;
import dev.leakscope.profile.Snapshot;
import dev.leakscope.profile.ValueType;
import dev.leakscope.util.SnapshotOrder;
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

    /** One profile of the series, reduced to what its line shows. */
    public record Line(String name, long size, long timeNanos, List<ValueType> types, long[] totals) {
        public static Line of(Snapshot snapshot, Profile p) {
            return new Line(snapshot.name(), snapshot.size(), snapshot.timeNanos(), p.sampleTypes(), p.totals());
        }
    }

    /**
     * @param input    the directory or archive: its name and stored size
     * @param describe what it is ("directory", "tar.gz archive"...)
     * @param skipped  how many of its entries were skipped
     */
    public static void write(Snapshot input, String describe, int skipped, List<Line> lines, ZoneId zone,
                             PrintWriter out) {
        List<String> names = new ArrayList<>();
        long[] times = new long[lines.size()];
        for (int i = 0; i < times.length; i++) {
            names.add(lines.get(i).name());
            times[i] = lines.get(i).timeNanos();
        }
        int[] order = SnapshotOrder.order(new int[times.length], names, times);
        boolean byTime = SnapshotOrder.byTime(times);

        long stored = input.size();
        out.println("Input:       " + input.name() + (stored >= 0 ? " (" + stored + " bytes)" : "")
                + ", " + describe);
        out.println("Profiles:    " + lines.size() + (skipped == 0 ? "" : " (" + skipped + (skipped == 1 ? " entry" : " entries") + " skipped)")
                + ", " + (byTime ? "ordered by time (time_nanos)"
                : "in name order (not every profile has its own timestamp)"));
        if (byTime) {
            out.println("Time:        " + time(times[order[0]], zone) + " to " + time(times[order[order.length - 1]], zone)
                    + " (" + GoDuration.format(times[order[order.length - 1]] - times[order[0]]) + ")");
        }
        Map<String, String> columns = columns(lines);
        out.println("Sample types: " + String.join(", ", columns.values()));
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
        print(rows, out);
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
