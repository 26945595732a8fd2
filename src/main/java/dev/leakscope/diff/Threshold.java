package dev.leakscope.diff;

import dev.leakscope.util.Amount;
import dev.leakscope.util.Percentages;

/**
 * A gate threshold: an amount in the sample unit ({@code 50MB}, {@code 512KiB}, {@code 1000}) or a
 * percentage of the base total ({@code 5%}).
 *
 * @param amount  the amount, when not a percentage
 * @param percent the percentage, or NaN when an amount
 * @param inBytes whether the amount was written with a unit of bytes ({@code 50MB}, {@code 64B}), not as
 *                a plain number
 * @param text    as the user wrote it
 */
public record Threshold(long amount, double percent, boolean inBytes, String text) {

    public static Threshold parse(String text) {
        if (Percentages.isPercentage(text)) {
            return new Threshold(0, Percentages.parse(text), false, text.strip());
        }
        Amount a = Amount.parse(text);
        return new Threshold(a.value(), Double.NaN, a.inBytes(), a.text());
    }

    /** Refuses, as option's value, an amount in bytes for values of another unit ({@link Amount#requireUnit}). */
    public void requireUnit(String option, String type, String unit) {
        new Amount(amount, inBytes, text).requireUnit(option, type, unit, "a plain number or a percentage (e.g. 5%)");
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
