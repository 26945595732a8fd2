package dev.leakscope.util;

/**
 * An amount in the unit of the values it is compared with, as an option gives it: a size with a unit of
 * bytes ({@code 50MB}, {@code 64B}) or a plain number ({@code 1000}: bytes too when the values are).
 *
 * @param value   the amount
 * @param inBytes whether it was written with a unit of bytes
 * @param text    as the user wrote it
 */
public record Amount(long value, boolean inBytes, String text) {
    public static Amount parse(String text) {
        return new Amount(Sizes.parse(text), hasByteUnit(text), text.strip());
    }

    /** Whether a size {@link Sizes} parses is written with a unit of bytes: every letter it accepts is part of one. */
    public static boolean hasByteUnit(String size) {
        return size.chars().anyMatch(Character::isLetter);
    }

    /**
     * Refuses, as option's value, an amount in bytes for values of another unit: a gate of 1MB on a count
     * of objects would wait for a million objects, and stay silent on the growth it was meant to catch.
     *
     * @param plain what to give instead ("a plain number (e.g. 1000)")
     */
    public void requireUnit(String option, String type, String unit, String plain) {
        if (inBytes && !unit.equals("bytes")) {
            throw new UsageException(option + " " + text + " is an amount of bytes, but the values compared are "
                    + type + " (" + (unit.isEmpty() ? "no unit" : unit) + "): give " + plain);
        }
    }
}
