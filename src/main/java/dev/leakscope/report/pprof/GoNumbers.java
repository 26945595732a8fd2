package dev.leakscope.report.pprof;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Go's float formatting where pprof's output depends on it. Go rounds the exact binary value
 * correctly (half to even on ties of the exact value); Java's Formatter does not always agree. Values
 * of everyday size are rounded exactly in long arithmetic (BigDecimal, for the rest, costs a short
 * run several milliseconds of start-up); the rest go through BigDecimal.
 */
public final class GoNumbers {
    /** Below this, a double's exact value times 100 fits in a long (and it has no integer bits lost). */
    private static final double EXACT_LIMIT = 0x1p53;

    private GoNumbers() {
    }

    /** Go's {@code %.2f}. */
    public static String fixed2(double v) {
        return fixed(v, 2);
    }

    /** Go's {@code %.1f}. */
    public static String fixed1(double v) {
        return fixed(v, 1);
    }

    private static String fixed(double v, int digits) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        double a = Math.abs(v);
        String s = a < EXACT_LIMIT ? exactFixed(a, digits) : bigFixed(a, digits);
        // Go keeps the sign of a value that rounds to zero ("-0.00").
        return v < 0 || (v == 0 && 1 / v < 0) ? "-" + s : s;
    }

    /** a (not negative) with digits (1 or 2) decimals, rounded half to even on its exact value. */
    static String exactFixed(double a, int digits) {
        long scale = digits == 2 ? 100 : 10;
        long m = mantissa(a);
        long q = roundedShift(Math.multiplyHigh(m, scale), m * scale, shift(a));
        long frac = q % scale;
        return (q / scale) + (frac < 10 && digits == 2 ? ".0" : ".") + frac;
    }

    /** As {@link #exactFixed}, through BigDecimal (any finite a). */
    static String bigFixed(double a, int digits) {
        return new BigDecimal(a).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** Go's {@code %.2g}: two significant digits, shortest form, exponent when very small or large. */
    public static String g2(double v) {
        if (v == 0) {
            return "0";
        }
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return fixed2(v);
        }
        double a = Math.abs(v);
        // two significant digits of a, and the decimal exponent of the first
        long digits = 0;
        int exp = 0;
        if (a >= 1e-15 && a < 10) {
            exp = (int) Math.floor(Math.log10(a));
            for (int tries = 0; tries < 3 && digits == 0; tries++) {
                long p = pow10(1 - exp);
                long m = mantissa(a);
                long truncated = roundedShift(Math.multiplyHigh(m, p), m * p, -shift(a));
                if (truncated < 10) {
                    exp--;
                } else if (truncated >= 100) {
                    exp++;
                } else {
                    digits = roundedShift(Math.multiplyHigh(m, p), m * p, shift(a));
                }
            }
        }
        if (digits == 0) {
            BigDecimal d = new BigDecimal(a).round(new MathContext(2, RoundingMode.HALF_EVEN));
            digits = d.movePointRight(d.scale() - d.precision() + 2).longValueExact();
            exp = d.precision() - d.scale() - 1;
        }
        if (digits == 100) {
            digits = 10;
            exp++;
        }
        return (v < 0 ? "-" : "") + shortest(digits, exp);
    }

    /** Two significant digits (10 to 99) with the decimal exponent of the first, as Go's %.2g prints them. */
    private static String shortest(long twoDigits, int exp) {
        String unscaled = twoDigits % 10 == 0 ? Long.toString(twoDigits / 10) : Long.toString(twoDigits);
        int precision = unscaled.length();
        int eprec = 2;
        if (eprec > precision && precision >= exp + 1) {
            eprec = precision;
        }
        StringBuilder sb = new StringBuilder();
        if (exp < -4 || exp >= eprec) {
            sb.append(unscaled.charAt(0));
            if (precision > 1) {
                sb.append('.').append(unscaled, 1, precision);
            }
            sb.append('e').append(exp < 0 ? '-' : '+');
            int ae = Math.abs(exp);
            if (ae < 10) {
                sb.append('0');
            }
            return sb.append(ae).toString();
        }
        int scale = precision - 1 - exp; // digits after the point
        if (scale <= 0) {
            return sb.append(unscaled).append("0".repeat(-scale)).toString();
        }
        String padded = "0".repeat(Math.max(0, scale + 1 - precision)) + unscaled;
        return sb.append(padded, 0, padded.length() - scale).append('.')
                .append(padded, padded.length() - scale, padded.length()).toString();
    }

    /** The significand of a finite, non-negative double: a = mantissa(a) / 2^shift(a). */
    private static long mantissa(double a) {
        long bits = Double.doubleToRawLongBits(a);
        long m = bits & 0xFFFFFFFFFFFFFL;
        return (bits >>> 52) == 0 ? m : m | 1L << 52;
    }

    /** See {@link #mantissa}: at least 0 for a below 2^53. */
    private static int shift(double a) {
        int exponent = (int) (Double.doubleToRawLongBits(a) >>> 52);
        return exponent == 0 ? 1074 : 1075 - exponent;
    }

    private static long pow10(int n) {
        long p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }

    /**
     * The unsigned 128-bit number hi:lo divided by 2^|shift|, rounded half to even (shift at least 0) or
     * truncated (shift negative); the quotient must fit in a long.
     */
    private static long roundedShift(long hi, long lo, int shift) {
        int s = Math.abs(shift);
        long q;
        long remHi;
        long remLo;
        long halfHi;
        long halfLo;
        if (s == 0) {
            return lo;
        } else if (s < 64) {
            q = hi << (64 - s) | lo >>> s;
            remHi = 0;
            remLo = lo & ((1L << s) - 1);
            halfHi = 0;
            halfLo = 1L << (s - 1);
        } else if (s < 128) {
            q = hi >>> (s - 64);
            remHi = s == 64 ? 0 : hi & ((1L << (s - 64)) - 1);
            remLo = lo;
            halfHi = s == 64 ? 0 : 1L << (s - 65);
            halfLo = s == 64 ? 1L << 63 : 0;
        } else {
            return 0; // hi:lo is below 2^127 <= half
        }
        if (shift < 0) {
            return q;
        }
        int c = remHi != halfHi ? Long.compareUnsigned(remHi, halfHi) : Long.compareUnsigned(remLo, halfLo);
        return c > 0 || (c == 0 && (q & 1) != 0) ? q + 1 : q;
    }

    /** Right-aligns s in width characters (Go's {@code %5s}-style padding). */
    public static String pad(String s, int width) {
        if (s.length() >= width) {
            return s;
        }
        return " ".repeat(width - s.length()) + s;
    }

    /** pprof's percentage: {@code 100%} near 100, {@code %5.2f%%} from 1, {@code %5.2g%%} below. */
    public static String percentage(long value, long total) {
        double ratio = 0;
        if (total != 0) {
            ratio = Math.abs((double) value / (double) total) * 100;
        }
        if (ratio >= 99.95 && ratio <= 100.05) {
            return "  100%";
        }
        if (ratio >= 1.0) {
            return pad(fixed2(ratio), 5) + "%";
        }
        return pad(g2(ratio), 5) + "%";
    }
}
