package dev.leakscope.report.pprof;

import dev.leakscope.profile.Mapping;
import dev.leakscope.profile.Profile;
import dev.leakscope.profile.ValueType;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** pprof's {@code -raw}: the combined profile dumped as text (pprof's Profile.String). */
public final class RawReport {
    private RawReport() {
    }

    public static void write(Profile p, ZoneId zone, PrintWriter out) {
        for (String c : p.comments()) {
            out.print("Comment: " + c + "\n");
        }
        if (p.periodType() != null) {
            out.print("PeriodType: " + p.periodType().type() + " " + p.periodType().unit() + "\n");
        }
        out.print("Period: " + p.period() + "\n");
        if (p.timeNanos() != 0) {
            out.print("Time: " + goTime(p.timeNanos(), zone) + "\n");
        }
        if (p.durationNanos() != 0) {
            String d = GoDuration.format(p.durationNanos());
            out.print("Duration: " + d.substring(0, d.offsetByCodePoints(0, Math.min(4, d.codePointCount(0, d.length())))) + "\n");
        }
        out.print("Samples:\n");
        StringBuilder types = new StringBuilder();
        for (ValueType t : p.sampleTypes()) {
            types.append(t.type()).append('/').append(t.unit());
            if (t.type().equals(p.defaultSampleType())) {
                types.append("[dflt]");
            }
            types.append(' ');
        }
        out.print(types.toString().strip() + "\n");
        for (int s = 0; s < p.sampleCount(); s++) {
            // pprof's focus step (run even without filters) keeps only samples with a focused
            // location, so a sample with an empty stack is never printed.
            if (p.stackLeaf(s) >= 0) {
                writeSample(p, s, out);
            }
        }
        out.print("Locations\n");
        for (int l = 0; l < p.locationCount(); l++) {
            writeLocation(p, l, out);
        }
        out.print("Mappings\n");
        for (int m = 0; m < p.mappingCount(); m++) {
            Mapping mp = p.mapping(m);
            String bits = (mp.hasFunctions() ? "[FN]" : "") + (mp.hasFilenames() ? "[FL]" : "")
                    + (mp.hasLineNumbers() ? "[LN]" : "") + (mp.hasInlineFrames() ? "[IN]" : "");
            out.print(mp.id() + ": " + hex(mp.start()) + "/" + hex(mp.limit()) + "/" + hex(mp.offset()) + " "
                    + mp.file() + " " + mp.buildId() + " " + bits + "\n");
        }
    }

    private static void writeSample(Profile p, int s, PrintWriter out) {
        StringBuilder sb = new StringBuilder();
        for (int t = 0; t < p.typeCount(); t++) {
            sb.append(' ').append(GoNumbers.pad(Long.toString(p.value(s, t)), 10));
        }
        sb.append(": ");
        for (int n = p.stackLeaf(s); n >= 0; n = p.stacks.parent(n)) {
            sb.append(Long.toUnsignedString(p.locationId(p.stacks.location(n)))).append(' ');
        }
        sb.append('\n');
        SampleLabels labels = SampleLabels.of(p, s);
        String header = " ".repeat(16);
        if (!labels.strings().isEmpty()) {
            List<String> ls = new ArrayList<>();
            labels.strings().forEach((k, v) -> ls.add(k + ":[" + String.join(" ", v) + "]"));
            Collections.sort(ls);
            sb.append(header).append(String.join(" ", ls)).append('\n');
        }
        if (!labels.numbers().isEmpty()) {
            List<String> ls = new ArrayList<>();
            labels.numbers().forEach((k, v) -> {
                boolean anyUnit = v.stream().anyMatch(i -> !p.string(p.labelUnit(i)).isEmpty());
                List<String> vs = new ArrayList<>();
                for (int i : v) {
                    vs.add(anyUnit ? p.labelNum(i) + " " + p.string(p.labelUnit(i)) : Long.toString(p.labelNum(i)));
                }
                ls.add(k + ":[" + String.join(" ", vs) + "]");
            });
            Collections.sort(ls);
            sb.append(header).append(String.join(" ", ls)).append('\n');
        }
        out.print(sb);
    }

    private static void writeLocation(Profile p, int l, PrintWriter out) {
        String loc = GoNumbers.pad(Long.toUnsignedString(p.locationId(l)), 6) + ": " + hex(p.locationAddress(l)) + " ";
        if (p.locationMapping(l) >= 0) {
            loc += "M=" + p.mapping(p.locationMapping(l)).id() + " ";
        }
        if (p.locationFolded(l)) {
            loc += "[F] ";
        }
        if (p.lineStart(l) == p.lineEnd(l)) {
            out.print(loc + "\n");
            return;
        }
        for (int i = p.lineStart(l); i < p.lineEnd(l); i++) {
            int f = p.lineFunction(i);
            String line = p.functionName(f) + " " + p.functionFile(f) + ":" + p.lineNumber(i) + " s="
                    + p.functionStartLine(f);
            if (!p.functionName(f).equals(p.functionSystemName(f))) {
                line += "(" + p.functionSystemName(f) + ")";
            }
            out.print(loc + line + "\n");
            loc = " ".repeat(13);
        }
    }

    private static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }

    /** Go's default time rendering: {@code 2006-01-02 15:04:05.999999999 -0700 MST}. */
    public static String goTime(long nanos, ZoneId zone) {
        ZonedDateTime t = Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L),
                Math.floorMod(nanos, 1_000_000_000L)).atZone(zone);
        StringBuilder sb = new StringBuilder(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ENGLISH).format(t));
        if (t.getNano() != 0) {
            String frac = String.format("%09d", t.getNano());
            int end = frac.length();
            while (frac.charAt(end - 1) == '0') {
                end--;
            }
            sb.append('.').append(frac, 0, end);
        }
        sb.append(' ').append(DateTimeFormatter.ofPattern("xx", Locale.ENGLISH).format(t));
        sb.append(' ').append(DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH).format(t));
        return sb.toString();
    }
}
