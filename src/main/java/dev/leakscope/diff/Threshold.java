package dev.leakscope.diff;

import dev.leakscope.util.Percentages;
import dev.leakscope.util.Sizes;

/**
 * A gate threshold: an amount in the sample unit ({@code 50MB}, {@code 512KiB}, {@code 1000}) or a
 * percentage of the base total ({@code 5%}).
 *
 * @param amount  the amount, when not a percentage
 * @param percent the percentage, or NaN when an amount
 * @param text    as the user wrote it
 */
public record Threshold(long amount, double percent, String text) {

    public static Threshold parse(String text) {
        if (Percentages.isPercentage(text)) {
            return new Threshold(0, Percentages.parse(text), text.strip());
        }
        return new Threshold(Sizes.parse(text), Double.NaN, text.strip());
    }

    /** Whether growth exceeds the threshold, given the base total percentages refer to. */
    public boolean exceededBy(long growth, long baseTotal) {
        if (Double.isNaN(percent)) {
            return growth > amount;
        }
        if (baseTotal == 0) {
            return growth > 0;
        }
        return 100.0 * growth / Math.abs((double) baseTotal) > percent;
    }
}
