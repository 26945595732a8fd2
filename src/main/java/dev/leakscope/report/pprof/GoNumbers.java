package dev.leakscope.report.pprof;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Go's float formatting where pprof's output depends on it. Go rounds the exact binary value
 * correctly (half to even on ties of the exact value); Java's Formatter does not always agree, so
 * these go through BigDecimal.
 */
public final class GoNumbers {
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
        String s = new BigDecimal(v).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
        if (v < 0 || (v == 0 && 1 / v < 0)) {
            // BigDecimal loses the sign of a value that rounds to zero; Go keeps it ("-0.00").
            if (!s.startsWith("-")) {
                s = "-" + s;
            }
        }
        return s;
    }

    /** Go's {@code %.2g}: two significant digits, shortest form, exponent when very small or large. */
    public static String g2(double v) {
        if (v == 0) {
            return "0";
        }
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return fixed2(v);
        }
        BigDecimal d = new BigDecimal(v).round(new MathContext(2, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        int digits = d.precision();
        int exp = d.precision() - d.scale() - 1; // decimal exponent of the first digit
        int eprec = 2;
        if (eprec > digits && digits >= exp + 1) {
            eprec = digits;
        }
        if (exp < -4 || exp >= eprec) {
            String unscaled = d.unscaledValue().abs().toString();
            StringBuilder sb = new StringBuilder();
            if (d.signum() < 0) {
                sb.append('-');
            }
            sb.append(unscaled.charAt(0));
            if (unscaled.length() > 1) {
                sb.append('.').append(unscaled, 1, unscaled.length());
            }
            sb.append('e').append(exp < 0 ? '-' : '+');
            int ae = Math.abs(exp);
            if (ae < 10) {
                sb.append('0');
            }
            sb.append(ae);
            return sb.toString();
        }
        return d.toPlainString();
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
