package dev.leakscope.cli;

import dev.leakscope.input.remote.ProfileStore;
import dev.leakscope.input.remote.ProfileUrl;
import java.time.Duration;
import java.time.Instant;

/**
 * Where the snapshots of one endpoint stand in a {@link Schedule}: how many are taken, when the next
 * fetch is due, and the failures in a row. Snapshots start at a fixed rate, one every period from the
 * first; one that is late (a slow fetch, retries) starts the next right away, and the series goes on
 * every period from there, never several at once to catch up.
 */
final class EndpointSeries {
    /** The first retry waits this long (at most a period). */
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

    final ProfileUrl url;
    final ProfileStore store;
    private final Duration every;
    private Instant slot;
    private Instant due;
    private int taken;
    private int failures;
    private Duration backoff;

    EndpointSeries(ProfileUrl url, ProfileStore store, Duration every, Instant start) {
        this.url = url;
        this.store = store;
        this.every = every;
        this.slot = start;
        this.due = start;
        this.backoff = shorter(FIRST_BACKOFF, every);
    }

    /** When the next fetch (a snapshot or a retry) is due. */
    Instant due() {
        return due;
    }

    /** Snapshots taken so far. */
    int taken() {
        return taken;
    }

    /** A fetch ended with a snapshot at now: the next one is due a period after this one's start, or now if later. */
    void succeeded(Instant now) {
        taken++;
        failures = 0;
        backoff = shorter(FIRST_BACKOFF, every);
        slot = later(slot.plus(every), now);
        due = slot;
    }

    /** Failed fetches in a row. */
    int failures() {
        return failures;
    }

    /**
     * A fetch failed at now: a retry is due after a backoff, twice as long as the one before, at most a period.
     *
     * @return the backoff
     */
    Duration failed(Instant now) {
        failures++;
        Duration wait = backoff;
        due = now.plus(wait);
        backoff = shorter(backoff.multipliedBy(2), every);
        return wait;
    }

    static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Duration shorter(Duration a, Duration b) {
        return a.compareTo(b) < 0 ? a : b;
    }
}
