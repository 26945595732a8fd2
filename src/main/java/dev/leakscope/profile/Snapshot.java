package dev.leakscope.profile;

/**
 * One input file of a comparison, as the report names it.
 *
 * @param name      the name the user gave ({@code -} for standard input)
 * @param size      stored (compressed) size in bytes, or -1 when unknown
 * @param timeNanos the profile's time_nanos, or 0 when it has none
 */
public record Snapshot(String name, long size, long timeNanos) {
}
