package dev.leakscope.format.legacy;

import dev.leakscope.util.InputException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * jemalloc's heap profile ({@code prof.dump}), which go tool pprof cannot read:
 * <pre>
 * heap_v2/R
 *   t*: I_n: I_b [A_n: A_b]        totals
 *   t0: ...                        per thread (ignored)
 * &#64; 0x... 0x...                    one stack
 *   t*: i_n: i_b [a_n: a_b]        its totals over all threads
 *   t0: ...
 * MAPPED_LIBRARIES:
 * ...
 * </pre>
 * Each stack becomes one sample, un-sampled with rate R by pprof's formula (the one jeprof uses,
 * except that jeprof keeps fractions until it prints). Allocation totals are kept when the profile
 * has them (prof_accum), by the rule pprof applies to heap text headers. Addresses are return
 * addresses and are decreased by 1, as for the other heap text formats.
 */
final class JemallocText {
    private JemallocText() {
    }

    private static final Pattern HEADER = Pattern.compile("heap_v2/(\\d+)");
    private static final Pattern COUNTS = Pattern.compile(
            "t(\\*|\\d+): *(\\d+): *(\\d+) *\\[ *(\\d+): *(\\d+) *\\]");

    static LegacyProfile parse(String text) {
        Lines s = new Lines(text);
        if (!s.next()) {
            return null;
        }
        Matcher h = HEADER.matcher(s.text().strip());
        if (!h.matches()) {
            return null;
        }
        long rate;
        try {
            rate = Text.parseDecimal(h.group(1));
        } catch (NumberFormatException e) {
            return null;
        }
        LegacyProfile p = new LegacyProfile();
        p.setPeriodType("space", "bytes");
        p.period = rate;
        p.bytesLabel = true;
        long[] stack = null;
        Boolean hasAlloc = null;
        while (s.next()) {
            String line = s.text().strip();
            if (line.isEmpty()) {
                continue;
            }
            if (MemoryMap.isSentinel(line)) {
                break;
            }
            if (line.startsWith("@")) {
                stack = Text.hexAddresses(line);
                if (stack == null) {
                    throw malformed(line);
                }
                continue;
            }
            Matcher m = COUNTS.matcher(line);
            if (!m.matches()) {
                throw malformed(line);
            }
            if (!m.group(1).equals("*")) {
                continue;
            }
            long[] n;
            try {
                n = new long[] {Text.parseDecimal(m.group(2)), Text.parseDecimal(m.group(3)),
                    Text.parseDecimal(m.group(4)), Text.parseDecimal(m.group(5))};
            } catch (NumberFormatException e) {
                throw malformed(line);
            }
            if (hasAlloc == null) {
                // The first t*: line holds the profile's totals.
                hasAlloc = n[2] != n[0] && n[2] != 0 || n[3] != n[1] && n[3] != 0;
                p.addHeapSampleTypes(hasAlloc);
                continue;
            }
            if (stack == null) {
                throw malformed(line);
            }
            long[] inuse = HeapSampling.scale(n[0], n[1], rate);
            long blockSize = n[0] != 0 ? n[1] / n[0] : n[2] != 0 ? n[3] / n[2] : 0;
            if (hasAlloc) {
                long[] alloc = HeapSampling.scale(n[2], n[3], rate);
                p.beginSample(alloc[0], alloc[1], inuse[0], inuse[1]);
            } else {
                p.beginSample(inuse[0], inuse[1]);
            }
            p.blockSize.add(blockSize);
            p.addReturnAddresses(stack);
            stack = null;
        }
        if (hasAlloc == null) {
            throw new InputException("jemalloc heap profile without a t*: totals line");
        }
        return LegacyParsers.finishWithMemoryMap(p, s);
    }


    private static InputException malformed(String line) {
        return new InputException("malformed jemalloc heap profile line \"" + Text.utf8(line) + "\"");
    }
}
