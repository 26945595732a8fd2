package dev.leakscope.cli;

import dev.leakscope.input.remote.FetchedProfile;
import dev.leakscope.input.remote.Fetcher;
import dev.leakscope.input.remote.ProfileStore;
import dev.leakscope.input.remote.ProfileUrl;
import dev.leakscope.util.InputException;
import dev.leakscope.util.Plural;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Snapshots on a schedule, for {@code collect} and {@code watch}: each endpoint on its own fixed-rate
 * series ({@link EndpointSeries}), fetched on a thread of its own, so that an endpoint that fails, is
 * retried or is slow to answer holds up no other. A failed fetch is reported and retried with backoff;
 * an endpoint failing a number of times in a row ends the run. The clock and the waits between fetches
 * come from the {@link Environment}, so tests do not wait; only fetches under way are waited for in real time.
 */
final class Schedule {
    /** What a command does with the snapshots. */
    interface Snapshots {
        /**
         * Keeps snapshot number n (1 for the first) of the endpoint at this index.
         *
         * @param untilNext how long until the endpoint's next snapshot is due (zero after a fetch that
         *                  took longer than the period)
         * @return whether the run goes on
         */
        boolean taken(int endpoint, int n, FetchedProfile snapshot, Duration untilNext);

        /** What the fetch due next is, for the countdown on a terminal: "snapshot 3 of 12 (4 files in snaps so far)". */
        String next(int endpoint, int n);
    }

    /** An endpoint failed as many fetches in a row as allowed: the run ended. */
    static final class GaveUp extends InputException {
        private static final long serialVersionUID = 1L;

        GaveUp(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** How often a countdown on a terminal is redrawn. */
    private static final Duration TICK = Duration.ofSeconds(1);
    /** How long fetches still under way at the end may take to stop (a stopped one removes its partial file). */
    private static final long STOP_SECONDS = 10;

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
     * Takes count snapshots of each endpoint (0: until stopped), the first ones right away, and hands each
     * to {@code to} as it comes. Fetches under way when the run ends are stopped.
     *
     * @throws GaveUp      after maxFailures failures in a row of one endpoint (the run ends there)
     * @throws Interrupted on Ctrl-C
     */
    void run(List<ProfileUrl> urls, List<ProfileStore> stores, int count, Snapshots to) {
        // the time waited for: the clock may say less (a test's fixed clock), and the schedule must go on
        Instant reached = env.clock().instant();
        List<EndpointSeries> all = new ArrayList<>();
        for (int i = 0; i < urls.size(); i++) {
            all.add(new EndpointSeries(urls.get(i), stores.get(i), every, reached));
        }
        ExecutorService threads = Executors.newFixedThreadPool(all.size(), r -> {
            Thread t = new Thread(r, "leakscope-fetch");
            t.setDaemon(true);
            return t;
        });
        CompletionService<FetchedProfile> fetches = new ExecutorCompletionService<>(threads);
        Map<Future<FetchedProfile>, EndpointSeries> underWay = new HashMap<>();
        try {
            while (true) {
                Instant now = EndpointSeries.later(env.clock().instant(), reached);
                List<EndpointSeries> waiting = all.stream()
                        .filter(s -> !underWay.containsValue(s) && (count == 0 || s.taken() < count)).toList();
                for (EndpointSeries s : waiting) {
                    if (!s.due().isAfter(now)) {
                        Instant start = env.clock().instant(); // the file's time: what the clock says
                        underWay.put(fetches.submit(() -> s.store.fetch(fetcher, s.url, start)), s);
                    }
                }
                EndpointSeries next = waiting.stream().filter(s -> s.due().isAfter(now))
                        .min(Comparator.comparing(EndpointSeries::due)).orElse(null);
                Future<FetchedProfile> done;
                if (underWay.isEmpty()) {
                    if (next == null) {
                        return;
                    }
                    await(Duration.between(now, next.due()), to.next(all.indexOf(next), next.taken() + 1));
                    done = null;
                } else {
                    done = next == null ? fetches.take()
                            : fetches.poll(Duration.between(now, next.due()).toNanos(), TimeUnit.NANOSECONDS);
                }
                if (done == null) {
                    reached = next.due();
                    continue;
                }
                EndpointSeries s = underWay.remove(done);
                if (!fetchEnded(s, all.indexOf(s), done, EndpointSeries.later(env.clock().instant(), reached), to)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Interrupted("interrupted", e);
        } finally {
            stop(threads);
        }
    }

    /**
     * A fetch of s ended at now: its snapshot handed on, or its failure reported and a retry due.
     *
     * @return whether the run goes on
     */
    private boolean fetchEnded(EndpointSeries s, int index, Future<FetchedProfile> done, Instant now, Snapshots to)
            throws InterruptedException {
        try {
            FetchedProfile snapshot = done.get();
            s.succeeded(now);
            Duration untilNext = Duration.between(now, s.due());
            return to.taken(index, s.taken(), snapshot, untilNext.isNegative() ? Duration.ZERO : untilNext);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof InputException failure)) {
                throw unchecked(e.getCause());
            }
            Duration backoff = s.failed(now);
            if (s.failures() >= maxFailures) {
                throw new GaveUp(failure.getMessage() + " (" + Plural.of(s.failures(), "failure")
                        + " in a row, giving up; see --max-failures)", failure);
            }
            // not capped as a run's warnings are: a service that fails now and then over days is news each time
            err.println(Output.warning(Commands.oneLine(failure.getMessage()) + " (failure " + s.failures() + " of "
                    + maxFailures + "; retrying in " + show(backoff) + ")"));
            err.flush();
            return true;
        }
    }

    private static RuntimeException unchecked(Throwable t) {
        if (t instanceof Error error) {
            throw error;
        }
        return t instanceof RuntimeException r ? r : new IllegalStateException(t);
    }

    /** Stops the fetches under way and waits a little for them to clean up, keeping a Ctrl-C for the caller. */
    private static void stop(ExecutorService threads) {
        threads.shutdownNow();
        boolean interrupted = Thread.interrupted();
        try {
            threads.awaitTermination(STOP_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits this long, showing on a terminal how long is left: one line on stderr, rewritten every
     * second and cleared at the end.
     *
     * @param what what comes next, e.g. "snapshot 3 of 12 (2 files in snaps)"
     * @throws Interrupted on Ctrl-C
     */
    private void await(Duration wait, String what) {
        if (!env.terminal()) {
            sleep(wait);
            return;
        }
        int width = 0;
        try {
            for (Duration left = wait; !left.isNegative() && !left.isZero(); left = left.minus(TICK)) {
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
