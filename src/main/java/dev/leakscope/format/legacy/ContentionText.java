package dev.leakscope.format.legacy;

import dev.leakscope.util.InputException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Contention text profiles: C++ {@code --- contentionz}, Go's debug=1 {@code --- mutex:} and
 * {@code --- contention:} output. pprof's parseContention.
 */
final class ContentionText {
    private ContentionText() {
    }

    private static final Pattern SAMPLE = Pattern.compile("(\\d+) *(\\d+) @([ x0-9a-f]*)");

    static LegacyProfile parse(String text) {
        Lines s = new Lines(text);
        if (!s.next()) {
            return null;
        }
        String first = s.text();
        if (!first.startsWith("--- contentionz ") && !first.startsWith("--- mutex:")
                && !first.startsWith("--- contention:")) {
            return null;
        }
        LegacyProfile p = new LegacyProfile();
        p.setPeriodType("contentions", "count");
        p.period = 1;
        p.addSampleType("contentions", "count");
        p.addSampleType("delay", "nanoseconds");
        long cpuHz = 0;
        while (s.next()) {
            String line = s.text().strip();
            if (Lines.isSpaceOrComment(line)) {
                continue;
            }
            if (line.startsWith("---")) {
                break;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                break;
            }
            String key = line.substring(0, eq).strip();
            String val = line.substring(eq + 1).strip();
            try {
                switch (key) {
                    case "cycles/second" -> cpuHz = Text.parseIntBase0(val);
                    case "sampling period" -> p.period = Text.parseIntBase0(val);
                    case "ms since reset" -> p.durationNanos = Text.parseIntBase0(val) * 1000 * 1000;
                    case "discarded samples" -> {
                        // ignored
                    }
                    // "format" and "resolution" belong to Java contention profiles.
                    default -> {
                        return null;
                    }
                }
            } catch (NumberFormatException e) {
                return null;
            }
        }
        while (true) {
            String line = s.text().strip();
            if (line.startsWith("---")) {
                break;
            }
            if (!Lines.isSpaceOrComment(line)) {
                Matcher m = SAMPLE.matcher(line);
                if (!m.find()) {
                    return null;
                }
                long cycles;
                long count;
                try {
                    cycles = Text.parseDecimal(m.group(1));
                    count = Text.parseDecimal(m.group(2));
                } catch (NumberFormatException e) {
                    throw new InputException("malformed contention profile line \"" + Text.utf8(line)
                            + "\": number out of range");
                }
                // Delays are cycles scaled to nanoseconds; both are multiplied by the sampling period.
                if (p.period > 0) {
                    if (cpuHz > 0) {
                        double cpuGHz = (double) cpuHz / 1e9;
                        cycles = ExactValues.truncated((double) cycles * (double) p.period / cpuGHz,
                                "the delay of " + cycles + " cycles times the sampling period " + p.period);
                    }
                    count = ExactValues.times(count, p.period, "the count " + count + " times the sampling period "
                            + p.period);
                }
                long[] addrs = Text.hexAddresses(m.group(3));
                if (addrs == null) {
                    throw new InputException("malformed contention profile line \"" + Text.utf8(line)
                            + "\": an address does not fit 64 bits");
                }
                p.beginSample(count, cycles);
                p.addReturnAddresses(addrs);
            }
            if (!s.next()) {
                break;
            }
        }
        return LegacyParsers.finishWithMemoryMap(p, s);
    }
}
