package dev.leakscope.format.legacy;

import dev.leakscope.util.InputException;
import java.util.regex.Pattern;

/** Thread text profiles ({@code --- threadz N ---}, {@code --- Thread ...}): pprof's parseThread. */
final class ThreadText {
    private ThreadText() {
    }

    private static final Pattern THREADZ_START = Pattern.compile("--- threadz \\d+ ---");
    private static final Pattern THREAD_START = Pattern.compile(
            "--- Thread ([0-9A-Fa-f]+) \\(name: (.*)/(\\d+)\\) stack: ---");

    static LegacyProfile parse(String text) {
        Lines s = new Lines(text);
        while (s.next() && Lines.isSpaceOrComment(s.text())) {
            // skip leading comments
        }
        String line = s.text();
        if (THREADZ_START.matcher(line).find()) {
            // Skip the free text up to the first stack.
            while (s.next()) {
                line = s.text();
                if (MemoryMap.isSentinel(line) || line.startsWith("-")) {
                    break;
                }
            }
        } else if (!THREAD_START.matcher(line).find()) {
            return null;
        }
        LegacyProfile p = new LegacyProfile();
        p.addSampleType("thread", "count");
        p.setPeriodType("thread", "count");
        p.period = 1;
        LongListBuffer addrs = new LongListBuffer();
        while (!MemoryMap.isSentinel(line)) {
            if (line.startsWith("---- no stack trace for")) {
                break;
            }
            if (!THREAD_START.matcher(line).find()) {
                return null;
            }
            addrs.clear();
            boolean sameAsPrevious = false;
            line = "";
            while (s.next()) {
                line = s.text().strip();
                if (line.isEmpty()) {
                    continue;
                }
                if (line.startsWith("---")) {
                    break;
                }
                if (line.contains("same as previous thread")) {
                    sameAsPrevious = true;
                    continue;
                }
                long[] found = Text.hexAddresses(line);
                if (found == null) {
                    throw new InputException("malformed thread profile line \"" + Text.utf8(line)
                            + "\": an address does not fit 64 bits");
                }
                addrs.addAll(found);
            }
            if (sameAsPrevious || addrs.size() == 0) {
                if (p.sampleCount() > 0) {
                    int last = p.sampleCount() - 1;
                    p.values.set(last, p.values.get(last) + 1);
                }
                continue;
            }
            p.beginSample(1);
            for (int i = 0; i < addrs.size(); i++) {
                // The first address is the PC itself; the others are return addresses.
                long a = addrs.get(i);
                p.addFrame(p.location(i > 0 ? a - 1 : a));
            }
        }
        LegacyParsers.finishWithMemoryMap(p, s);
        LegacyParsers.removeDuplicateLeaves(p);
        return p;
    }

    /** A reusable list of addresses. */
    private static final class LongListBuffer {
        private long[] a = new long[64];
        private int n;

        void clear() {
            n = 0;
        }

        void addAll(long[] more) {
            if (n + more.length > a.length) {
                a = java.util.Arrays.copyOf(a, Math.max(a.length * 2, n + more.length));
            }
            System.arraycopy(more, 0, a, n, more.length);
            n += more.length;
        }

        int size() {
            return n;
        }

        long get(int i) {
            return a[i];
        }
    }
}
