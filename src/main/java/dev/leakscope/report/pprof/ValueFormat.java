package dev.leakscope.report.pprof;

import dev.leakscope.profile.Units;

/** Values printed as pprof prints them. */
public final class ValueFormat {
    private ValueFormat() {
    }

    /** pprof's ScaledLabel: two decimals, a trailing {@code .00} dropped, {@code 0} without unit. */
    public static String label(long value, String fromUnit, String toUnit) {
        Units.Scaled s = Units.scale(value, fromUnit, toUnit);
        String v = GoNumbers.fixed2(s.value());
        if (v.endsWith(".00")) {
            v = v.substring(0, v.length() - 3);
        }
        if (v.equals("0") || v.equals("-0")) {
            return "0";
        }
        return v + s.unit();
    }

    /** {@link #label} with a plus sign when positive: {@code +1.50MB}, {@code -512kB}, {@code 0}. */
    public static String signedLabel(long value, String fromUnit, String toUnit) {
        String s = label(value, fromUnit, toUnit);
        return value > 0 ? "+" + s : s;
    }

    /** A value in its own most readable unit. */
    public static String autoLabel(long value, String unit) {
        return label(value, unit, "auto");
    }
}
