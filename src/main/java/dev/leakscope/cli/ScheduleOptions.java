package dev.leakscope.cli;

import dev.leakscope.util.UsageException;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * {@code --every}, {@code --count} and {@code --max-failures}: how collect and watch pace their fetches. Their
 * defaults differ by command (collect takes a bounded series, watch runs until stopped), so each command says
 * its own default through {@link #every(String)} and {@link #count(int)}.
 */
final class ScheduleOptions {
    @Option(names = "--every", paramLabel = "DURATION",
            description = "Time from the start of one snapshot to the next, a fixed rate; after a fetch that takes"
                    + " longer, the next starts right away (default: 5m for collect, 1m for watch).")
    String every;

    @Option(names = "--count", paramLabel = "N",
            description = "Snapshots to take (collect: of each URL, default 12; watch: default 0, until Ctrl-C).")
    Integer count;

    @Option(names = "--max-failures", paramLabel = "N", defaultValue = "5",
            description = "Give up after this many failed fetches in a row (default: ${DEFAULT-VALUE}).")
    int maxFailures;

    /** The time between snapshots, this command's default when not given. */
    Duration every(String commandDefault) {
        return FetchOptions.parseDuration(every == null ? commandDefault : every, "--every");
    }

    /** The number of snapshots, this command's default when not given; at least {@code min}. */
    int count(int commandDefault, int min) {
        int n = count == null ? commandDefault : count;
        if (n < min) {
            throw new UsageException("--count must be " + min + " or more");
        }
        return n;
    }

    /** Failed fetches in a row before giving up. */
    int maxFailures() {
        if (maxFailures < 1) {
            throw new UsageException("--max-failures must be 1 or more");
        }
        return maxFailures;
    }
}
