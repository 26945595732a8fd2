package dev.leakscope.report;

import dev.leakscope.profile.Profile;
import dev.leakscope.profile.ValueType;
import java.io.PrintWriter;
import java.time.ZoneId;

/** {@code leakscope info}: what one profile holds. */
public final class InfoReport {
    private InfoReport() {
    }

    public static void write(String name, long storedSize, Profile p, ZoneId zone, PrintWriter out) {
        out.println("File:        " + name + (storedSize >= 0 ? " (" + storedSize + " bytes)" : ""));
        out.println("Producer:    " + ProducerHint.guess(p));
        StringBuilder types = new StringBuilder();
        int dflt = p.typeCount() > 0 ? p.defaultSampleIndex() : -1;
        for (int t = 0; t < p.typeCount(); t++) {
            ValueType vt = p.sampleType(t);
            types.append(t == 0 ? "" : ", ").append(vt.type()).append('/').append(vt.unit());
            if (t == dflt) {
                types.append(" (default)");
            }
        }
        out.println("Sample types: " + types);
        if (p.periodType() != null && !p.periodType().type().isEmpty()) {
            out.println("Period:      " + p.period() + " " + p.periodType().unit() + " of " + p.periodType().type());
        }
        out.println("Time:        " + (p.timeNanos() == 0 ? "not recorded" : RawReport.goTime(p.timeNanos(), zone)));
        if (p.durationNanos() != 0) {
            out.println("Duration:    " + GoDuration.format(p.durationNanos()));
        }
        out.println("Counts:      " + p.sampleCount() + " samples, " + p.locationCount() + " locations, "
                + p.functionCount() + " functions, " + p.mappingCount() + " mappings, "
                + p.stringCount() + " strings");
        for (String c : p.comments()) {
            out.println("Comment:     " + c);
        }
        out.println("Totals:");
        long[] totals = p.totals();
        for (int t = 0; t < p.typeCount(); t++) {
            long total = totals[t];
            ValueType vt = p.sampleType(t);
            out.printf("  %-16s %s (%d %s)%n", vt.type(), ValueFormat.autoLabel(total, vt.unit()), total, vt.unit());
        }
    }
}
