package dev.leakscope.format.legacy;

import dev.leakscope.util.InputException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Heap text profiles: {@code heap profile: I_n: I_b [A_n: A_b] @ KIND[/R]} with one
 * {@code i_n: i_b [a_n: a_b] @ 0x...} line per stack (Go debug=1, gperftools {@code heapprofile},
 * tcmalloc {@code heap_v2/R}, {@code growthz}, {@code fragmentationz}). pprof's parseHeap.
 */
final class HeapText {
    private HeapText() {
    }

    private static final long NOT_SAMPLED = Long.MIN_VALUE;
    private static final Pattern HEADER = Pattern.compile(
            "heap profile: *(\\d+): *(\\d+) *\\[ *(\\d+): *(\\d+) *\\] *@ *(heap[_a-z0-9]*)/?(\\d*)");
    private static final Pattern GROWTH = Pattern.compile(
            "heap profile: *(\\d+): *(\\d+) *\\[ *(\\d+): *(\\d+) *\\] @ growthz?");
    private static final Pattern FRAGMENTATION = Pattern.compile(
            "heap profile: *(\\d+): *(\\d+) *\\[ *(\\d+): *(\\d+) *\\] @ fragmentationz?");
    private static final Pattern SAMPLE = Pattern.compile(
            "(-?\\d+): *(-?\\d+) *\\[ *(\\d+): *(\\d+) *] @([ x0-9a-f]*)");

    /** The profile, or null when the first line is no heap header. */
    static LegacyProfile parse(String text, GoSymbols symbols) {
        Lines s = new Lines(text);
        if (!s.next()) {
            return null;
        }
        String line = s.text();
        LegacyProfile p = new LegacyProfile();
        p.setPeriodType("space", "bytes");
        boolean sampled = false;
        boolean hasAlloc = false;
        Matcher h = HEADER.matcher(line);
        if (h.find()) {
            long period = 0;
            if (!h.group(6).isEmpty()) {
                try {
                    period = Text.parseDecimal(h.group(6));
                } catch (NumberFormatException e) {
                    return null;
                }
            }
            // pprof compares the header numbers as strings.
            hasAlloc = !h.group(3).equals(h.group(1)) && !h.group(3).equals("0")
                    || !h.group(4).equals(h.group(2)) && !h.group(4).equals("0");
            // Go's header before the first GC, or gperftools' before any free: whatever was allocated is
            // still in use. tcmalloc's heap_v2 samples repeat the in-use pair there: they say nothing of it.
            p.nothingFreed = (h.group(5).equals("heap") || h.group(5).equals("heapprofile"))
                    && h.group(3).equals(h.group(1)) && h.group(4).equals(h.group(2));
            switch (h.group(5)) {
                case "heapz_v2", "heap_v2" -> {
                    sampled = true;
                    p.period = period;
                }
                case "heapprofile" -> p.period = 1;
                // Go's runtime writes twice its MemProfileRate.
                case "heap" -> {
                    sampled = true;
                    p.period = period / 2;
                }
                default -> {
                    return null;
                }
            }
        } else if (GROWTH.matcher(line).find() || FRAGMENTATION.matcher(line).find()) {
            p.period = 1;
        } else {
            return null;
        }
        p.addHeapSampleTypes(hasAlloc);
        p.bytesLabel = true;
        long rate = sampled ? p.period : NOT_SAMPLED;
        long[] values = new long[hasAlloc ? 4 : 2];
        while (s.next()) {
            line = s.text().strip();
            if (Lines.isSpaceOrComment(line)) {
                if (symbols != null) {
                    symbols.comment(line);
                }
                continue;
            }
            if (MemoryMap.isSentinel(line)) {
                break;
            }
            Matcher m = SAMPLE.matcher(line);
            if (!m.find()) {
                throw new InputException("malformed heap profile line \"" + Text.utf8(line) + "\"");
            }
            long blockSize = 0;
            int v = 0;
            if (hasAlloc) {
                blockSize = addValues(line, m.group(3), m.group(4), "allocation", rate, values, v, blockSize);
                v = 2;
            }
            blockSize = addValues(line, m.group(1), m.group(2), "inuse", rate, values, v, blockSize);
            long[] addrs = Text.hexAddresses(m.group(5));
            if (addrs == null) {
                throw new InputException("malformed heap profile line \"" + Text.utf8(line)
                        + "\": an address does not fit 64 bits");
            }
            p.beginSample(values);
            p.blockSize.add(blockSize);
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

    /** Parses one (count, bytes) pair into values[at..at+1]; returns the block size so far. */
    private static long addValues(String line, String countText, String bytesText, String label, long rate,
                                  long[] values, int at, long blockSize) {
        long count;
        long bytes;
        try {
            count = Text.parseDecimal(countText);
            bytes = Text.parseDecimal(bytesText);
        } catch (NumberFormatException e) {
            throw new InputException("malformed heap profile line \"" + Text.utf8(line) + "\": number out of range");
        }
        if (count == 0 && bytes != 0) {
            throw new InputException("malformed heap profile line \"" + Text.utf8(line) + "\": " + label
                    + " count was 0 but " + label + " bytes was " + bytes);
        }
        long size = blockSize;
        if (count != 0) {
            size = bytes / count;
            if (rate != NOT_SAMPLED) {
                long[] scaled = HeapSampling.scale(count, bytes, rate);
                count = scaled[0];
                bytes = scaled[1];
            }
        }
        values[at] = count;
        values[at + 1] = bytes;
        return size;
    }
}
