package dev.leakscope.util;

/**
 * When a change over time is stated per hour: only over a minute or more. Between profiles seconds
 * apart (one URL fetched twice, a demo's phases) a rate per hour says nothing: 32 MB in 268 ms is not
 * 420 GB an hour. diff's sides and trend's series follow the same rule.
 */
public final class HourlyRates {
    /** The shortest time a rate per hour is given over. */
    public static final long SHORTEST_SPAN_NANOS = 60_000_000_000L;

    private HourlyRates() {
    }

    /** Whether a change over spanNanos may be stated per hour. */
    public static boolean spanned(long spanNanos) {
        return spanNanos >= SHORTEST_SPAN_NANOS;
    }
}
