package dev.leakscope.format.legacy;

/**
 * pprof's un-sampling of heap samples (scaleHeapSample): a sampler with mean interval R bytes keeps
 * an allocation of average size s with probability 1 - exp(-s/R), so count and bytes are divided by
 * it. {@code exp} is Go's amd64 math.Exp (its FMA variant), not Java's, so that results truncate to
 * exactly the integers pprof prints.
 */
final class HeapSampling {
    private HeapSampling() {
    }

    /** {count', bytes'}; values beyond a long are refused ({@link ExactValues}), never capped. */
    static long[] scale(long count, long bytes, long rate) {
        if (count == 0 || bytes == 0) {
            return new long[] {0, 0};
        }
        if (rate <= 1) {
            return new long[] {count, bytes};
        }
        double avg = (double) bytes / (double) count;
        double scale = 1 / (1 - goExp(-avg / (double) rate));
        String what = "un-sampled at a rate of " + rate + " bytes, the sample of " + count + " objects and " + bytes
                + " bytes";
        return new long[] {ExactValues.truncated((double) count * scale, what),
                ExactValues.truncated((double) bytes * scale, what)};
    }

    private static final double LOG2E = 1.4426950408889634073599246810018920;
    private static final double LN2U = 0.69314718055966295651160180568695068359375;
    private static final double LN2L = 0.28235290563031577122588448175013436025525412068e-12;
    private static final double OVERFLOW = 7.09782712893384e+02;
    private static final double[] C = {
        2.4801587301587301587e-5, 1.9841269841269841270e-4, 1.3888888888888888889e-3,
        8.3333333333333333333e-3, 4.1666666666666666667e-2, 1.6666666666666666667e-1, 0.5, 1.0,
    };

    /** Go 1.19's math.Exp on amd64 with FMA (exp_amd64.s, after Shibata's SLEEF method). */
    static double goExp(double x) {
        if (Double.isNaN(x) || x == Double.POSITIVE_INFINITY) {
            return x;
        }
        if (x == Double.NEGATIVE_INFINITY) {
            return 0;
        }
        if (x > OVERFLOW) {
            return Double.POSITIVE_INFINITY;
        }
        double k = (double) (int) Math.rint(LOG2E * x);
        int e = (int) k;
        double r = Math.fma(-k, LN2U, x);
        r = Math.fma(-k, LN2L, r);
        r *= 0.0625;
        double p = C[0];
        for (int i = 1; i < C.length; i++) {
            p = Math.fma(p, r, C[i]);
        }
        r = r * p;
        for (int i = 0; i < 3; i++) {
            r = r * (r + 2.0);
        }
        r = Math.fma(r, r + 2.0, 1.0);
        int biased = e + 0x3FF;
        if (biased <= 0) {
            if (biased < -52) {
                return 0;
            }
            r *= Double.longBitsToDouble((long) (biased + 0x3FE) << 52);
            return r * Double.longBitsToDouble(1L << 52);
        }
        if (biased >= 0x7FF) {
            return Double.POSITIVE_INFINITY;
        }
        return r * Double.longBitsToDouble((long) biased << 52);
    }
}
