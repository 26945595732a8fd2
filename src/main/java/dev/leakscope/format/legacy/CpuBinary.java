package dev.leakscope.format.legacy;

/**
 * The legacy CPU binary profile ("profilez"): machine words of 4 or 8 bytes in either byte order,
 * a header {@code 0, 3, 0|1, period_us, 0}, records {@code count, depth, addr...} up to the marker
 * {@code 0, 1, 0}; then a memory map (C++/Go) or a symbol section (Java). pprof's parseCPU.
 */
final class CpuBinary {
    private CpuBinary() {
    }

    /** Reads words of one size and byte order; like pprof's getters it goes "nil" past the end. */
    private static final class Words {
        private final byte[] b;
        private final int size;
        private final boolean little;
        int pos;
        boolean exhausted;

        Words(byte[] b, int size, boolean little) {
            this.b = b;
            this.size = size;
            this.little = little;
        }

        long next() {
            if (exhausted || b.length - pos < size) {
                exhausted = true;
                return 0;
            }
            long v = 0;
            for (int i = 0; i < size; i++) {
                int shift = 8 * (little ? i : size - 1 - i);
                v |= (b[pos + i] & 0xffL) << shift;
            }
            pos += size;
            return v;
        }

        int remaining() {
            return exhausted ? 0 : b.length - pos;
        }
    }

    static LegacyProfile parse(byte[] data) {
        int[][] layouts = {{4, 1}, {4, 0}, {8, 1}, {8, 0}};
        for (int[] layout : layouts) {
            Words w = new Words(data, layout[0], layout[1] == 1);
            long n1 = w.next();
            long n2 = w.next();
            long n3 = w.next();
            long n4 = w.next();
            long n5 = w.next();
            if (w.exhausted || n1 != 0 || n2 != 3 || n4 == 0 || n5 != 0 || n3 > 1) {
                continue;
            }
            // n4 > 0 as an unsigned number, the period in microseconds.
            return n3 == 0 ? cpp(data, w, n4) : java(data, w, n4);
        }
        return null;
    }

    private static LegacyProfile newProfile(long periodMicros) {
        LegacyProfile p = new LegacyProfile();
        p.period = periodMicros * 1000;
        p.setPeriodType("cpu", "nanoseconds");
        p.addSampleType("samples", "count");
        p.addSampleType("cpu", "nanoseconds");
        return p;
    }

    private static LegacyProfile cpp(byte[] data, Words w, long period) {
        LegacyProfile p = newProfile(period);
        if (!samples(w, true, p)) {
            return null;
        }
        // If (almost) all samples share their second frame, it was pushed by the signal handler:
        // remove it, up to twice.
        for (int iter = 0; iter < 2; iter++) {
            int n = p.sampleCount();
            int margin = n / 32;
            long[] countOf = new long[Math.max(1, p.locationCount())];
            for (int s = 0; s < n; s++) {
                if (p.depth(s) > 1) {
                    countOf[p.frame(s, 1)]++;
                }
            }
            for (int l = 0; l < p.locationCount(); l++) {
                if (countOf[l] > 0 && countOf[l] >= n - margin) {
                    long addr = p.locAddress.get(l);
                    p.removeSecondFrames(s -> p.locAddress.get(p.frame(s, 1)) == addr);
                    break;
                }
            }
        }
        Lines rest = new Lines(rest(data, w));
        p.finish(MemoryMap.read(rest));
        LegacyParsers.removeDuplicateLeaves(p);
        return p;
    }

    private static LegacyProfile java(byte[] data, Words w, long period) {
        LegacyProfile p = newProfile(period);
        if (!samples(w, false, p)) {
            return null;
        }
        JavaText.symbols(rest(data, w), 0, p);
        p.clearAddresses();
        return p;
    }

    /** The text after the records (empty when they ran to the end of the data). */
    private static String rest(byte[] data, Words w) {
        return w.exhausted ? "" : Text.latin1(java.util.Arrays.copyOfRange(data, w.pos, data.length));
    }

    /** Reads the records; false when they do not fit the data (the file is then not this format). */
    private static boolean samples(Words w, boolean adjust, LegacyProfile p) {
        while (w.remaining() > 0) {
            long count = w.next();
            long depth = w.next();
            if (w.exhausted || Long.compareUnsigned(depth, w.remaining() / 4) > 0) {
                return false;
            }
            long[] addrs = new long[(int) depth];
            for (int i = 0; i < addrs.length; i++) {
                addrs[i] = w.next();
            }
            if (count == 0 && depth == 1 && addrs[0] == 0) {
                break;
            }
            p.beginSample(count, ExactValues.times(count, p.period, "the count " + count + " times the sampling period "
                    + p.period));
            for (int i = 0; i < addrs.length; i++) {
                // Every address but the leaf is a return address.
                p.addFrame(p.location(adjust && i > 0 ? addrs[i] - 1 : addrs[i]));
            }
        }
        return true;
    }
}
