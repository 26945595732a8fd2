package dev.leakscope.format.legacy;

import dev.leakscope.util.InputException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Go count text profiles ({@code goroutine profile: total N}, threadcreate): pprof's parseGoCount. */
final class CountText {
    private CountText() {
    }

    private static final Pattern START = Pattern.compile("([^\\t\\n\\f\\r ]+) profile: total \\d+");
    private static final Pattern SAMPLE = Pattern.compile("(\\d+) @((?: 0x[0-9a-f]+)+)");

    static LegacyProfile parse(String text, GoSymbols symbols) {
        Lines s = new Lines(text);
        while (s.next() && Lines.isSpaceOrComment(s.text())) {
            // skip leading comments
        }
        Matcher start = START.matcher(s.text());
        if (!start.matches()) {
            return null;
        }
        String type = Text.utf8(start.group(1));
        LegacyProfile p = new LegacyProfile();
        p.setPeriodType(type, "count");
        p.period = 1;
        p.addSampleType(type, "count");
        while (s.next()) {
            String line = s.text();
            if (Lines.isSpaceOrComment(line)) {
                if (symbols != null) {
                    symbols.comment(line);
                }
                continue;
            }
            if (line.startsWith("---")) {
                break;
            }
            Matcher m = SAMPLE.matcher(line);
            if (!m.matches()) {
                throw new InputException("malformed " + type + " profile line \"" + Text.utf8(line) + "\"");
            }
            long n;
            long[] addrs = Text.hexAddresses(m.group(2));
            try {
                n = Text.parseIntBase0(m.group(1));
            } catch (NumberFormatException e) {
                addrs = null;
                n = 0;
            }
            if (addrs == null) {
                throw new InputException("malformed " + type + " profile line \"" + Text.utf8(line) + "\"");
            }
            p.beginSample(n);
            p.addReturnAddresses(addrs);
            if (symbols != null) {
                symbols.sample(p.sampleCount() - 1);
            }
        }
        if (symbols != null) {
            symbols.apply(p);
        }
        return LegacyParsers.finishWithMemoryMap(p, s);
    }

}
