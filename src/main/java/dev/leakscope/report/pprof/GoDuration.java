package dev.leakscope.report.pprof;

/** Go's time.Duration.String(): {@code 4h35m12.5s}, {@code 1.2ms}, {@code 0s}. */
public final class GoDuration {
    private GoDuration() {
    }

    public static String format(long d) {
        if (d == 0) {
            return "0s";
        }
        boolean neg = d < 0;
        // Unsigned magnitude, as Go does (handles Long.MIN_VALUE).
        long u = neg ? -d : d;
        String s;
        if (Long.compareUnsigned(u, 1_000_000_000L) < 0) {
            if (u < 1_000) {
                s = u + "ns";
            } else if (u < 1_000_000) {
                s = frac(u, 3) + "µs";
            } else {
                s = frac(u, 6) + "ms";
            }
        } else {
            long secsFrac = Long.remainderUnsigned(u, 1_000_000_000L);
            long totalSecs = Long.divideUnsigned(u, 1_000_000_000L);
            String fracPart = fractionDigits(secsFrac, 9);
            long secs = totalSecs % 60;
            long mins = totalSecs / 60;
            StringBuilder sb = new StringBuilder();
            if (mins > 0) {
                long hours = mins / 60;
                if (hours > 0) {
                    sb.append(hours).append('h');
                }
                sb.append(mins % 60).append('m');
            }
            sb.append(secs).append(fracPart).append('s');
            s = sb.toString();
        }
        return neg ? "-" + s : s;
    }

    private static String frac(long v, int prec) {
        long pow = (long) Math.pow(10, prec);
        return (v / pow) + fractionDigits(v % pow, prec);
    }

    /** ".123" for the fraction digits of v / 10^prec, trailing zeros and an empty fraction omitted. */
    private static String fractionDigits(long v, int prec) {
        if (v == 0) {
            return "";
        }
        String digits = String.format("%0" + prec + "d", v);
        int end = digits.length();
        while (digits.charAt(end - 1) == '0') {
            end--;
        }
        return "." + digits.substring(0, end);
    }
}
