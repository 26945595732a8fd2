package dev.leakscope.cli;

import dev.leakscope.util.FileTime;
import dev.leakscope.input.remote.FetchSettings;
import dev.leakscope.input.remote.FetchedProfile;
import dev.leakscope.input.remote.ProfileStore;
import dev.leakscope.input.remote.ProfileUrl;
import dev.leakscope.input.remote.Webhook;
import dev.leakscope.report.Format;
import dev.leakscope.report.Markdown;
import dev.leakscope.report.pprof.ReportSettings;
import dev.leakscope.report.TrendReport;
import dev.leakscope.report.WatchReport;
import dev.leakscope.trend.TrendGate;
import dev.leakscope.trend.SeriesBuilder;
import dev.leakscope.trend.Trend;
import dev.leakscope.trend.TrendAnalysis;
import dev.leakscope.trend.WatchedGate;
import dev.leakscope.util.ExitCodes;
import dev.leakscope.util.UsageException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code leakscope watch}: follows a live service, with a trend of its last snapshots after every one. */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Follow a live service: a snapshot every DURATION and a status line with its top leak suspect.",
            "Fetch a snapshot of each URL every DURATION (a fixed rate, each URL on its own schedule, as collect"
                + " does) and, after each one, print its status line: the time, the total, its growth rate and the"
                + " top leak suspect over the last --window snapshots (the rule of leakscope trend; rates per hour"
                + " of the profiles' own times, time_nanos, or of the fetch times when the profiles have none)."
                + " Runs until Ctrl-C, or --count snapshots of each URL; then prints a summary per URL. A URL that"
                + " fails --max-failures fetches in a row ends the watch: the summaries, then the failure, exit 2.",
            "URL: http://..., https://..., or host:port for http://host:port/debug/pprof/heap. Several URLs"
                    + " (replicas of one service) are watched side by side, each with its own window; their"
                    + " snapshots are kept in one sub-directory each. Snapshots are kept like every fetched profile"
                    + " (--save DIR, --no-save); only the windows are held in memory.",
            "With --fail-on-rate or --fail-on-growth, when a URL's total or a suspect trips the gate (the total only"
                    + " when it grows steadily), its full trend report is printed, --notify posts it to a webhook,"
                    + " and the watch ends with exit 1 (with --keep-going it goes on, and exits 1 at the end)."})
final class WatchCommand extends ProfileCommand {
    @Parameters(arity = "1..*", paramLabel = "URL", description = "The profile endpoints (replicas of one service).")
    List<String> urls;

    @Mixin
    ScheduleOptions schedule;

    @Option(names = "--window", paramLabel = "N", defaultValue = "10",
            description = "Snapshots the trend is computed over, the latest ones (default: ${DEFAULT-VALUE};"
                    + " at least 4).")
    int window;

    @Mixin
    RateGateOption failOnRate;

    @Mixin
    GrowthGateOption failOnGrowth;

    @Option(names = "--keep-going", description = "When the gate trips, go on watching (and exit 1 at the end):"
            + " later status lines say GATE again only when another row or gate trips, or the same one at least"
            + " twice as fast or as much; else that the gate still trips, and once that it holds again.")
    boolean keepGoing;

    @Option(names = "--notify", paramLabel = "URL",
            description = "When the gate trips, POST the JSON report to this webhook, once per URL (with a plain"
                    + " \"text\" summary that chat webhooks show).")
    String notify;

    @Mixin
    FormatOption format;

    @Mixin
    AsciiOption ascii;

    @Mixin
    ReportOptions report;

    /** One watched endpoint: its window and how its watch stands. */
    private static final class Replica {
        final WatchReport.Endpoint endpoint;
        final ProfileStore store;
        final SnapshotWindow snapshots;
        int taken;
        Instant first;
        WatchReport.Snapshot last;
        final WatchedGate gate = new WatchedGate();

        Replica(WatchReport.Endpoint endpoint, ProfileStore store, int window) {
            this.endpoint = endpoint;
            this.store = store;
            this.snapshots = new SnapshotWindow(window);
        }
    }

    @Override
    public Integer call() {
        if (window < 4) {
            // with 3, one of the two steps is nearly always more than half the growth: no suspect, ever
            throw new UsageException("--window must be 4 or more (a steady trend needs at least 3 steps)");
        }
        if (input.fetch.seconds > 0) {
            // a delta per snapshot is the growth of N seconds: steady while a leak goes on, so no trend or gate sees it
            throw new UsageException("watch follows the levels of a service's profiles; --seconds would make each"
                    + " snapshot a delta (what changed in N seconds), whose series stays flat while a leak grows:"
                    + " leave it out (use --gc for current in-use values)");
        }
        int count = schedule.count(0, 0);
        int maxFailures = schedule.maxFailures();
        Format f = format.parse(WatchReport.FORMATS);
        TrendGate gates = failOnRate.with(failOnGrowth);
        TrendReport.GateOptions gateOptions = failOnRate.given(failOnGrowth);
        Duration period = schedule.every("1m");
        List<ProfileUrl> endpoints = CollectCommand.endpoints(urls);
        FetchSettings fetchSettings = input.fetch.settings(root, input.limits().maxProfileBytes());
        Webhook hook = notify == null ? null : Webhook.of(notify, fetchSettings);
        if (notify != null && hook == null) {
            throw new UsageException("--notify: not an http:// or https:// URL");
        }
        List<Replica> replicas = replicas(endpoints, input.fetch.store(root));
        ReportSettings settings = report.settings(root.env.zone());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        var rows = new TrendReport.RowLimit(settings.nodeCount(), settings.nodeFraction());
        WatchReport printer = new WatchReport(f, new TrendReport.Options(Format.TEXT, ascii.on(root.env), rows, null,
                settings.zone(), Markdown.DEFAULT_MAX_CHARS, settings.unit(), true));
        Schedule pace = new Schedule(root.env, FetchOptions.fetcher(fetchSettings, input.limits()), period, maxFailures, err);
        List<ProfileStore> stores = replicas.stream().map(r -> r.store).toList();

        boolean interrupted = false;
        Schedule.GaveUp gaveUp = null; // a replica failing --max-failures times in a row: after the summaries
        try (CtrlC ctrlC = CtrlC.interruptsThisThread()) {
            pace.run(endpoints, stores, count, new Schedule.Snapshots() {
                @Override
                public boolean taken(int endpoint, int n, FetchedProfile snapshot, Duration untilNext) {
                    Replica r = replicas.get(endpoint);
                    r.taken = n;
                    r.snapshots.add(snapshot);
                    r.first = r.first == null ? snapshot.time() : r.first;
                    Trend trend = trend(r.snapshots, settings);
                    gates.requireUnit(trend.series().type(), trend.series().unit());
                    boolean checked = gates.any() && trend.series().size() >= 3;
                    List<TrendGate.Tripped> tripping = checked ? gates.checkAll(trend, true) : List.of();
                    r.last = new WatchReport.Snapshot(n, snapshot.time(), r.endpoint,
                            snapshot.kept() ? snapshot.file().toString() : null, TrendGate.withSuspectsOf(trend, tripping),
                            r.gate.add(n, tripping.isEmpty() ? null : tripping.get(0)), tripping,
                            checked ? gates.heldWithinNoise(trend) : null, gateOptions);
                    boolean firstTrip = r.gate.tally().firstTrippedAt() == n;
                    printer.snapshot(r.last, out, firstTrip);
                    if (firstTrip) {
                        // "leakscope: gate" first whatever the replica, as trend's and diff's: what CI logs grep for
                        String on = r.endpoint.label() == null ? "" : "on " + r.endpoint.label() + ": ";
                        err.println("leakscope: gate " + on + printer.gateText(r.last));
                        err.flush();
                        if (hook != null) {
                            post(hook, printer.notification(r.last));
                        }
                    }
                    return !firstTrip || keepGoing;
                }

                @Override
                public String next(int endpoint, int n) {
                    return "snapshot " + n;
                }
            });
        } catch (Interrupted e) {
            Thread.interrupted(); // handled: the summary is still to be written
            interrupted = true;
        } catch (Schedule.GaveUp e) {
            gaveUp = e;
        }
        boolean tripped = false;
        for (Replica r : replicas) {
            Path kept = r.store.dir();
            WatchedGate.Tally gate = r.gate.tally();
            printer.summary(new WatchReport.Summary(r.endpoint, r.taken, r.first, r.last, gate,
                    interrupted, kept == null ? null : kept.toString()), out);
            tripped |= gate.firstTrippedAt() > 0;
        }
        if (gaveUp != null) {
            throw gaveUp;
        }
        return tripped ? ExitCodes.GATE : ExitCodes.OK;
    }

    /** One replica per endpoint; with several, each keeps its snapshots in a sub-directory, as collect does. */
    private List<Replica> replicas(List<ProfileUrl> endpoints, ProfileStore store) {
        List<Replica> out = new ArrayList<>();
        for (ProfileUrl u : endpoints) {
            boolean one = endpoints.size() == 1;
            ProfileStore s = one || store.dir() == null ? store : ProfileStore.in(store.dir().resolve(u.directoryName()));
            String label = one ? null : u.uri().getHost() + (u.uri().getPort() < 0 ? "" : ":" + u.uri().getPort());
            out.add(new Replica(new WatchReport.Endpoint(u.display(), label), s, window));
        }
        return out;
    }

    /**
     * The trend of the window: each snapshot at its own time (time_nanos) when every one has it, else at
     * its fetch time ({@link dev.leakscope.trend.Series.Order#FETCH_TIMES}).
     */
    private Trend trend(SnapshotWindow snapshots, ReportSettings settings) {
        SeriesBuilder builder = SeriesBuilder.forSampleIndex(settings.granularity(), settings.noInlines(),
                settings.cumSort(), settings.sampleIndex());
        long[] fetched = snapshots.timeNanos();
        loader().series(snapshots.sources(), (argument, name, p, file) -> builder.begin(argument, name, p,
                new FileTime(fetched[argument], FileTime.Source.FETCH)));
        return TrendAnalysis.analyze(builder.build(1));
    }

    private void post(Webhook hook, String json) {
        String failure;
        try {
            failure = hook.post(json);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Interrupted("interrupted while posting to " + hook.display(), e);
        }
        if (failure == null) {
            Output.notes(spec).accept("--notify " + hook.display() + ": posted");
        } else {
            Output.warnings(spec).accept("--notify " + Commands.oneLine(failure) + " (not posted)");
        }
    }
}
