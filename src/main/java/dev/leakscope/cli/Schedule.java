package dev.leakscope.cli;

import dev.leakscope.util.Plural;
import dev.leakscope.input.remote.FetchedProfile;
import dev.leakscope.input.remote.Fetcher;
import dev.leakscope.input.remote.ProfileStore;
import dev.leakscope.input.remote.ProfileUrl;
import dev.leakscope.util.InputException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Snapshots on a schedule, for {@code collect} and {@code watch}: one fetch of every endpoint each
 * period, a failed fetch reported and retried with backoff, and given up after a number of failures
 * in a row. Time and waiting come from the {@link Environment}, so tests do not wait.
 */
final class Schedule {
    /** The first retry waits this long; each next one twice as long, never more than the period. */
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    /** How often a countdown on a terminal is redrawn. */
    private static final Duration TICK = Duration.ofSeconds(1);

    private final Environment env;
    private final Fetcher fetcher;
    private final Duration every;
    private final int maxFailures;
    private final PrintWriter err;

    Schedule(Environment env, Fetcher fetcher, Duration every, int maxFailures, PrintWriter err) {
        this.env = env;
        this.fetcher = fetcher;
        this.every = every;
        this.maxFailures = maxFailures;
        this.err = err;
    }

    /**
     * Waits for the next period.
     *
     * @throws Interrupted on Ctrl-C
     */
    void await() {
        sleep(every);
    }

    /**
     * Waits for the next period, showing on a terminal how long is left: one line on stderr,
     * rewritten every second and cleared at the end (elsewhere, as {@link #await()}).
     *
     * @param what what comes next, e.g. "snapshot 3 of 12 (2 files in snaps)"
     * @throws Interrupted on Ctrl-C
     */
    void await(String what) {
        if (!env.terminal()) {
            await();
            return;
        }
        int width = 0;
        try {
            for (Duration left = every; !left.isNegative() && !left.isZero(); left = left.minus(TICK)) {
                String line = "leakscope: " + what + " in " + countdown(left);
                err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
                err.flush();
                width = line.length();
                sleep(left.compareTo(TICK) < 0 ? left : TICK);
            }
        } finally {
            err.print("\r" + " ".repeat(width) + "\r");
            err.flush();
        }
    }

    /** 1h02m03s, 4m05s, 9s. */
    static String countdown(Duration d) {
        long s = (d.toMillis() + 999) / 1000;
        if (s >= 3600) {
            return String.format(java.util.Locale.ROOT, "%dh%02dm%02ds", s / 3600, s / 60 % 60, s % 60);
        }
        return s >= 60 ? String.format(java.util.Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
    }

    /**
     * Fetches one snapshot of each endpoint into its store, retrying failures with backoff.
     *
     * @throws InputException after maxFailures failures in a row
     * @throws Interrupted      on Ctrl-C
     */
    List<FetchedProfile> snapshot(List<ProfileUrl> urls, List<ProfileStore> stores) {
        List<FetchedProfile> out = new ArrayList<>();
        for (int i = 0; i < urls.size(); i++) {
            out.add(fetch(urls.get(i), stores.get(i)));
        }
        return out;
    }

    private FetchedProfile fetch(ProfileUrl url, ProfileStore store) {
        Duration backoff = FIRST_BACKOFF;
        for (int failures = 1; ; failures++) {
            try {
                return store.fetch(fetcher, url, env.clock().instant());
            } catch (InputException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new Interrupted(url.display() + ": interrupted during the fetch", e);
                }
                if (failures >= maxFailures) {
                    throw new InputException(e.getMessage() + " (" + Plural.of(failures, "failure") + " in a row, giving up;"
                            + " see --max-failures)", e);
                }
                err.println("leakscope: " + Commands.oneLine(e.getMessage()) + " (failure " + failures + " of "
                        + maxFailures + "; retrying in " + backoff.toSeconds() + "s)");
                err.flush();
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(every) > 0 ? every : backoff.multipliedBy(2);
            }
        }
    }

    private void sleep(Duration d) {
        try {
            env.sleeper().sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Interrupted("interrupted", e);
        }
    }

    /** A duration as people write it: 90s, 5m, 1h30m is not needed; 1.5h is. */
    static String show(Duration d) {
        long s = d.toSeconds();
        if (s % 3600 == 0 && s > 0) {
            return s / 3600 + "h";
        }
        if (s % 60 == 0 && s > 0) {
            return s / 60 + "m";
        }
        return d.toMillis() % 1000 == 0 ? s + "s" : d.toMillis() + "ms";
    }
}
