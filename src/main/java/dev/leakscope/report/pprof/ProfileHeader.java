package dev.leakscope.report.pprof;

import dev.leakscope.util.GoPaths;
import dev.leakscope.util.Printable;
import dev.leakscope.profile.Harmonization;
import dev.leakscope.profile.Mapping;
import dev.leakscope.profile.Profile;
import dev.leakscope.profile.Units;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The header lines of pprof's text reports: File, Build ID, comments, Type, Time, Duration; and
 * leakscope's one addition, a {@code Harmonized:} line when the inputs' sample types were brought
 * onto one set.
 */
public final class ProfileHeader {
    private static final String HARMONIZED = "Harmonized: ";
    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

    private ProfileHeader() {
    }

    /** The {@code Harmonized:} header line, or null when the inputs agreed. */
    public static String harmonized(Harmonization h) {
        return h.isNone() ? null : HARMONIZED + Printable.of(h.describe());
    }

    public static List<String> lines(ReportContext rc) {
        Profile p = rc.profile();
        List<String> lines = new ArrayList<>();
        if (p.mappingCount() > 0) {
            Mapping main = p.mapping(0);
            if (!main.file().isEmpty()) {
                lines.add("File: " + GoPaths.base(main.file()));
            }
            if (!main.buildId().isEmpty()) {
                lines.add("Build ID: " + main.buildId());
            }
        }
        for (String c : p.comments()) {
            if (!c.startsWith("#")) {
                lines.add(c);
            }
        }
        lines.add("Type: " + rc.typeName());
        String harmonized = harmonized(p.harmonization);
        if (harmonized != null) {
            lines.add(harmonized);
        }
        if (p.timeNanos() != 0) {
            lines.add("Time: " + goReportTime(p.timeNanos(), rc.settings().zone()));
        }
        if (p.durationNanos() != 0) {
            String duration = ValueFormat.autoLabel(p.durationNanos(), "nanoseconds");
            Units.Scaled totalNanos = Units.scale(rc.total(), rc.sampleUnit(), "nanoseconds");
            String ratio = "";
            if (totalNanos.unit().equals("ns") && totalNanos.value() != 0) {
                ratio = "(" + GoNumbers.percentage((long) totalNanos.value(), p.durationNanos()) + ")";
            }
            lines.add("Duration: " + duration + ", Total samples = " + rc.format(rc.total()) + " " + ratio);
        }
        return lines;
    }

    /** Go's layout {@code Jan 2, 2006 at 3:04pm (MST)}. */
    static String goReportTime(long nanos, ZoneId zone) {
        ZonedDateTime t = Instant.ofEpochSecond(0, nanos).atZone(zone);
        int month = t.getMonthValue();
        int hour = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
        String ampm = t.getHour() < 12 ? "am" : "pm";
        return MONTHS.substring(3 * month - 3, 3 * month) + " " + t.getDayOfMonth() + ", " + t.getYear() + " at "
                + hour + ":" + (t.getMinute() < 10 ? "0" : "") + t.getMinute() + ampm + " (" + abbreviation(t) + ")";
    }

    /**
     * The zone's abbreviation, as Go prints it; UTC's without the locale's time-zone names, whose loading
     * cost a short report several milliseconds.
     */
    private static String abbreviation(ZonedDateTime t) {
        String id = t.getZone().getId();
        return id.equals("UTC") || id.equals("Etc/UTC") ? "UTC"
                : DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH).format(t);
    }
}
