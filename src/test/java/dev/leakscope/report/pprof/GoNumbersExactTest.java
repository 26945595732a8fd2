package dev.leakscope.report.pprof;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The long-arithmetic rounding of GoNumbers agrees with BigDecimal's on the exact binary value. */
class GoNumbersExactTest {
    @Test
    void fixedAgreesWithBigDecimal() {
        for (double a : values()) {
            if (a < 0x1p53) {
                assertEquals(GoNumbers.bigFixed(a, 2), GoNumbers.exactFixed(a, 2), () -> "%.2f of " + a);
                assertEquals(GoNumbers.bigFixed(a, 1), GoNumbers.exactFixed(a, 1), () -> "%.1f of " + a);
            }
        }
    }

    @Test
    void twoSignificantDigitsAgreeWithBigDecimal() {
        for (double a : values()) {
            assertEquals(g2(a), GoNumbers.g2(a), () -> "%.2g of " + a);
            assertEquals(g2(-a), GoNumbers.g2(-a), () -> "%.2g of " + -a);
        }
    }

    @Test
    void tiesAndCarries() {
        assertEquals("0.12", GoNumbers.fixed2(0.125));
        assertEquals("0.38", GoNumbers.fixed2(0.375));
        assertEquals("0.2", GoNumbers.fixed1(0.25));
        assertEquals("10.00", GoNumbers.fixed2(9.999));
        assertEquals("0.12", GoNumbers.g2(0.125));
        assertEquals("10", GoNumbers.g2(9.96));
        assertEquals("0.1", GoNumbers.g2(0.0996));
        assertEquals("1e-05", GoNumbers.g2(0.00000996));
        assertEquals("4.9e-324", GoNumbers.g2(Double.MIN_VALUE));
        assertEquals("1.8e+308", GoNumbers.g2(Double.MAX_VALUE));
    }

    /** Random doubles of every scale, ties, values next to ties and powers of ten. */
    private static List<Double> values() {
        List<Double> v = new ArrayList<>(List.of(0.0, Double.MIN_VALUE, Double.MIN_NORMAL, 0x1p53 - 1, 0x1p52));
        SplittableRandom r = new SplittableRandom(19);
        for (int i = 0; i < 100_000; i++) {
            v.add(r.nextDouble() * Math.pow(10, r.nextInt(-20, 20)));
            v.add(Double.longBitsToDouble(r.nextLong() & Long.MAX_VALUE));
            double tie = (r.nextInt(100_000) + 0.5) / (i % 2 == 0 ? 100 : 10); // ties at the rounding digit
            v.add(tie);
            v.add(Math.nextUp(tie));
            v.add(Math.nextDown(tie));
        }
        for (int e = -330; e <= 310; e++) {
            double p = Double.parseDouble("1e" + e);
            v.add(p);
            v.add(Math.nextUp(p));
            v.add(Math.nextDown(p));
            v.add(9.95 * p);
            v.add(Math.nextDown(9.95 * p));
        }
        v.removeIf(d -> Double.isNaN(d) || Double.isInfinite(d));
        return v;
    }

    /** Go's %.2g through BigDecimal: the reference. */
    private static String g2(double v) {
        if (v == 0) {
            return "0";
        }
        BigDecimal d = new BigDecimal(v).round(new MathContext(2, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        int digits = d.precision();
        int exp = d.precision() - d.scale() - 1;
        int eprec = 2;
        if (eprec > digits && digits >= exp + 1) {
            eprec = digits;
        }
        if (exp < -4 || exp >= eprec) {
            String unscaled = d.unscaledValue().abs().toString();
            String mantissa = unscaled.length() > 1 ? unscaled.charAt(0) + "." + unscaled.substring(1) : unscaled;
            return (d.signum() < 0 ? "-" : "") + mantissa + "e" + (exp < 0 ? "-" : "+")
                    + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
        }
        return d.toPlainString();
    }
}
