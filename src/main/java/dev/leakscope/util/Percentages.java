package dev.leakscope.util;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Percentages as users write them: {@code 5%}, {@code 12.5%}. */
public final class Percentages {
    private static final Pattern PCT = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*%");

    private Percentages() {
    }

    /** Whether text is written as a percentage (ends with {@code %}). */
    public static boolean isPercentage(String text) {
        return text.strip().endsWith("%");
    }

    /** The number before the {@code %}: {@code "5%"} gives 5.0. */
    public static double parse(String text) {
        Matcher m = PCT.matcher(text.strip());
        if (!m.matches()) {
            throw new UsageException("invalid percentage '" + text + "' (expected e.g. 5% or 12.5%)");
        }
        return Double.parseDouble(m.group(1));
    }
}
