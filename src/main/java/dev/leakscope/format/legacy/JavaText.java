package dev.leakscope.format.legacy;

import dev.leakscope.util.InputException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Java heap and contention text ({@code --- heapz 1 ---}, {@code --- contentionz 1 ---}) with their
 * symbol section; also the symbol section of the Java CPU binary. pprof's parseJavaProfile.
 */
final class JavaText {
    private JavaText() {
    }

    private static final Pattern ATTRIBUTE = Pattern.compile("([\\w ]+)=([\\w ]+)");
    private static final Pattern SAMPLE = Pattern.compile(" *(\\d+) +(\\d+) +@ +([ x0-9a-f]*)");
    private static final String GS = "[\\t\\n\\f\\r ]";
    private static final Pattern LOCATION = Pattern.compile("^" + GS + "*0x([0-9A-Fa-f]+)" + GS + "+(.*)" + GS + "*$");
    private static final Pattern FILE_LINE = Pattern.compile("^(.*)" + GS + "+\\((.+):(-?[0-9]+)\\)$");
    private static final Pattern PATH = Pattern.compile("^(.*)" + GS + "+\\((.*)\\)$");
    private static final long JAVA_HEAPZ_SAMPLING_RATE = 524288;

    static LegacyProfile parse(String text) {
        int nl = text.indexOf('\n');
        if (nl < 0) {
            return null;
        }
        String header = text.substring(0, nl).strip();
        String type;
        if (header.equals("--- heapz 1 ---")) {
            type = "heap";
        } else if (header.equals("--- contentionz 1 ---")) {
            type = "contention";
        } else {
            return null;
        }
        LegacyProfile p = new LegacyProfile();
        int pos = header(type, text, nl + 1, p);
        if (pos < 0) {
            return null;
        }
        pos = samples(type, text, pos, p);
        symbols(text, pos, p);
        // pprof aggregates addresses away so that identical frames merge.
        p.clearAddresses();
        return p;
    }

    /** The attribute lines; returns where the samples start, or -1 if the file is not recognised. */
    private static int header(String type, String text, int pos, LegacyProfile p) {
        int nl;
        while ((nl = text.indexOf('\n', pos)) >= 0) {
            String line = text.substring(pos, nl).strip();
            if (!line.isEmpty()) {
                Matcher h = ATTRIBUTE.matcher(line);
                if (!h.find()) {
                    return pos;
                }
                String attribute = h.group(1).strip();
                String value = h.group(2).strip();
                switch (type + "/" + attribute) {
                    case "heap/format", "contention/format" -> {
                        if (!value.equals("java")) {
                            return -1;
                        }
                    }
                    case "heap/resolution" -> {
                        p.sampleTypes.clear();
                        p.addSampleType("inuse_objects", "count");
                        p.addSampleType("inuse_space", value);
                    }
                    case "contention/resolution" -> {
                        p.sampleTypes.clear();
                        p.addSampleType("contentions", "count");
                        p.addSampleType("delay", value);
                    }
                    case "contention/sampling period" -> {
                        p.setPeriodType("contentions", "count");
                        p.period = attributeNumber(line, value);
                    }
                    case "contention/ms since reset" -> p.durationNanos = attributeNumber(line, value) * 1000 * 1000;
                    default -> {
                        return -1;
                    }
                }
            }
            pos = nl + 1;
        }
        return pos;
    }

    private static long attributeNumber(String line, String value) {
        try {
            return Text.parseIntBase0(value);
        } catch (NumberFormatException e) {
            throw new InputException("failed to parse attribute " + Text.utf8(line));
        }
    }

    /** The sample lines; returns where the symbol section starts. */
    private static int samples(String type, String text, int pos, LegacyProfile p) {
        int nl;
        if (type.equals("heap")) {
            p.bytesLabel = true;
        }
        while ((nl = text.indexOf('\n', pos)) >= 0) {
            String line = text.substring(pos, nl).strip();
            if (!line.isEmpty()) {
                Matcher m = SAMPLE.matcher(line);
                if (!m.find()) {
                    return pos;
                }
                long[] addrs = Text.hexAddresses(m.group(3));
                if (addrs == null) {
                    throw new InputException("malformed sample: " + Text.utf8(line));
                }
                long count;
                long value;
                try {
                    // Java puts the value first and the count second, unlike the C++ formats.
                    count = Text.parseIntBase0(m.group(2));
                    value = Text.parseIntBase0(m.group(1));
                } catch (NumberFormatException e) {
                    throw new InputException("parsing sample " + Text.utf8(line) + ": number out of range");
                }
                if (type.equals("heap")) {
                    if (count == 0) {
                        throw new InputException("parsing sample " + Text.utf8(line)
                                + ": second value must be non-zero");
                    }
                    p.blockSize.add(value / count);
                    long[] scaled = HeapSampling.scale(count, value, JAVA_HEAPZ_SAMPLING_RATE);
                    count = scaled[0];
                    value = scaled[1];
                } else if (p.period != 0) {
                    String what = " times the sampling period " + p.period;
                    count = ExactValues.times(count, p.period, "the count " + count + what);
                    value = ExactValues.times(value, p.period, "the value " + value + what);
                }
                p.beginSample(count, value);
                for (long a : addrs) {
                    p.addFrame(p.location(a));
                }
            }
            pos = nl + 1;
        }
        return pos;
    }

    /**
     * The symbol section: {@code 0xID description} lines give the location with that id one frame.
     * Functions are shared by name; ids no sample uses are ignored. Finishes the profile.
     */
    static void symbols(String text, int pos, LegacyProfile p) {
        java.util.Map<String, Integer> functions = new java.util.HashMap<>();
        Lines s = new Lines(text, pos);
        while (s.next()) {
            String line = s.text().strip();
            if (line.isEmpty()) {
                continue;
            }
            Matcher loc = LOCATION.matcher(line);
            if (!loc.find()) {
                continue;
            }
            long addr;
            try {
                addr = Long.parseUnsignedLong(loc.group(1), 16);
            } catch (NumberFormatException e) {
                throw new InputException("parsing sample " + Text.utf8(line) + ": id does not fit 64 bits");
            }
            int l = p.existingLocation(addr);
            if (l < 0) {
                continue;
            }
            String desc = loc.group(2);
            String name;
            String file = "";
            long lineNo = 0;
            Matcher m;
            if ((m = FILE_LINE.matcher(desc)).find()) {
                name = m.group(1);
                file = m.group(2);
                try {
                    long n = Long.parseLong(m.group(3));
                    lineNo = Math.max(n, 0);
                } catch (NumberFormatException e) {
                    lineNo = 0;
                }
            } else if ((m = PATH.matcher(desc)).find()) {
                name = m.group(1);
                file = Text.base(m.group(2));
            } else if (desc.contains("generated stub/JIT")) {
                name = "STUB";
            } else {
                name = desc;
            }
            String fnName = Text.utf8(name);
            Integer f = functions.get(fnName);
            if (f == null) {
                f = p.function(fnName, Text.utf8(file));
                functions.put(fnName, f);
            }
            p.setLines(l, new int[] {f}, new long[] {lineNo});
            p.locAddress.set(l, 0);
        }
        p.finish(java.util.List.of());
    }
}
