package dev.leakscope.profile;

import java.util.List;
import java.util.Locale;

/**
 * pprof's measurement units: scaling values between units of one family (memory, time, GCU) and
 * printing them as pprof does ({@code 512.50kB}, {@code 1.20s}, {@code 3hrs}).
 */
public final class Units {
    private record Unit(String canonical, List<String> aliases, double factor) {
    }

    private record Family(String defaultUnit, double defaultFactor, List<Unit> units) {
        Unit sniff(String name) {
            String u = name.toLowerCase(Locale.ROOT);
            if (u.length() > 2 && u.endsWith("s")) {
                u = u.substring(0, u.length() - 1);
            }
            for (Unit unit : units) {
                if (unit.aliases().contains(u)) {
                    return unit;
                }
            }
            return null;
        }

        /** The largest unit in which value is at least 1, or null. */
        Unit autoScale(double value) {
            Unit best = null;
            double f = 0;
            for (Unit u : units) {
                if (u.factor() >= f && value / u.factor() >= 1.0) {
                    f = u.factor();
                    best = u;
                }
            }
            return best;
        }
    }

    private static final Family MEMORY = new Family("B", 1, List.of(
            new Unit("B", List.of("b", "byte"), 1),
            new Unit("kB", List.of("kb", "kbyte", "kilobyte"), 1024.0),
            new Unit("MB", List.of("mb", "mbyte", "megabyte"), 1024.0 * 1024),
            new Unit("GB", List.of("gb", "gbyte", "gigabyte"), 1024.0 * 1024 * 1024),
            new Unit("TB", List.of("tb", "tbyte", "terabyte"), 1024.0 * 1024 * 1024 * 1024),
            new Unit("PB", List.of("pb", "pbyte", "petabyte"), 1024.0 * 1024 * 1024 * 1024 * 1024)));

    private static final Family TIME = new Family("s", 1e9, List.of(
            new Unit("ns", List.of("ns", "nanosecond"), 1),
            new Unit("us", List.of("μs", "us", "microsecond"), 1e3),
            new Unit("ms", List.of("ms", "millisecond"), 1e6),
            new Unit("s", List.of("s", "sec", "second"), 1e9),
            new Unit("hrs", List.of("hour", "hr"), 3600e9)));

    private static final Family GCU = new Family("GCU", 1, List.of(
            new Unit("n*GCU", List.of("nanogcu"), 1e-9),
            new Unit("u*GCU", List.of("microgcu"), 1e-6),
            new Unit("m*GCU", List.of("milligcu"), 1e-3),
            new Unit("GCU", List.of("gcu"), 1),
            new Unit("k*GCU", List.of("kilogcu"), 1e3),
            new Unit("M*GCU", List.of("megagcu"), 1e6),
            new Unit("G*GCU", List.of("gigagcu"), 1e9),
            new Unit("T*GCU", List.of("teragcu"), 1e12),
            new Unit("P*GCU", List.of("petagcu"), 1e15)));

    private static final List<Family> FAMILIES = List.of(MEMORY, TIME, GCU);

    /** A value converted to another unit, and the name of that unit ("" for plain numbers). */
    public record Scaled(double value, String unit) {
    }

    private Units() {
    }

    /**
     * Converts value from fromUnit to toUnit; toUnit may be {@code minimum} or {@code auto} (the
     * largest unit in which the value is at least 1). Unknown units pass values through unchanged.
     */
    public static Scaled scale(long value, String fromUnit, String toUnit) {
        if (value < 0 && -value > 0) {
            Scaled s = scale(-value, fromUnit, toUnit);
            return new Scaled(-s.value(), s.unit());
        }
        for (Family family : FAMILIES) {
            Unit from = family.sniff(fromUnit);
            if (from == null) {
                continue;
            }
            double v = value * from.factor();
            if (toUnit.equals("minimum") || toUnit.equals("auto")) {
                Unit u = family.autoScale(v);
                if (u != null) {
                    return new Scaled(v / u.factor(), u.canonical());
                }
                return new Scaled(v / family.defaultFactor(), family.defaultUnit());
            }
            Unit to = family.sniff(toUnit);
            if (to == null) {
                return new Scaled(v / family.defaultFactor(), family.defaultUnit());
            }
            return new Scaled(v / to.factor(), to.canonical());
        }
        return switch (toUnit) {
            case "count", "sample", "unit", "minimum", "auto" -> new Scaled(value, "");
            default -> new Scaled(value, toUnit);
        };
    }

    /**
     * Whether pprof knows toUnit as a unit to print in: minimum, auto, count, sample, unit, or a memory,
     * time or GCU unit by any of its names. pprof's -unit takes any word (an unknown one prints memory and
     * time in their default unit, and counts with the word after them); leakscope's own --unit refuses it.
     */
    public static boolean known(String toUnit) {
        if (List.of("count", "sample", "unit", "minimum", "auto").contains(toUnit)) {
            return true;
        }
        for (Family f : FAMILIES) {
            if (f.sniff(toUnit) != null) {
                return true;
            }
        }
        return false;
    }

    /** Whether two units belong to the same family (or are equal). */
    public static boolean compatible(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        for (Family f : FAMILIES) {
            if (f.sniff(a) != null && f.sniff(b) != null) {
                return true;
            }
        }
        return false;
    }
}
