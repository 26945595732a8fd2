package dev.leakscope.cli;

import dev.leakscope.input.remote.FetchSettings;
import dev.leakscope.input.remote.FetchedProfile;
import dev.leakscope.input.remote.Fetcher;
import dev.leakscope.input.remote.ProfileStore;
import dev.leakscope.input.remote.ProfileUrl;
import dev.leakscope.input.remote.Webhook;
import dev.leakscope.report.Format;
import dev.leakscope.report.Markdown;
import dev.leakscope.report.pprof.ReportSettings;
import dev.leakscope.report.TrendReport;
import dev.leakscope.report.WatchReport;
import dev.leakscope.trend.RateGate;
import dev.leakscope.trend.SeriesBuilder;
import dev.leakscope.trend.Trend;
import dev.leakscope.trend.TrendAnalysis;
import dev.leakscope.util.ExitCodes;
import dev.leakscope.util.UsageException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code leakscope watch}: follows a live service, with a trend of its last snapshots after every one. */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Fetch a snapshot of URL every DURATION and, after each, print one status line: the time,"
                + " the total, its growth rate and the top leak suspect over the last --window snapshots"
                + " (the rule of leakscope trend; rates per hour of the fetch times). Runs until Ctrl-C, or"
                + " --count snapshots; then prints a summary.",
            "URL: http://..., https://..., or host:port for http://host:port/debug/pprof/heap. Snapshots are"
                    + " kept like every fetched profile (--save DIR, --no-save); only the window is held in memory.",
            "With --fail-on-rate, when the total or a suspect grows steadily at least that fast, the full trend"
                    + " report is printed, --notify posts it to a webhook, and the watch ends with exit 1 (with"
                    + " --keep-going it goes on, and exits 1 at the end)."})
final class WatchCommand extends ProfileCommand {
    @Parameters(index = "0", paramLabel = "URL", description = "The profile endpoint.")
    String url;

    @Mixin
    ScheduleOptions schedule;

    @Option(names = "--window", paramLabel = "N", defaultValue = "10",
            description = "Snapshots the trend is computed over, the latest ones (default: ${DEFAULT-VALUE};"
                    + " at least 4).")
    int window;

    @Mixin
    RateGateOption failOnRate;

    @Option(names = "--keep-going", description = "When the gate trips, go on watching (and exit 1 at the end).")
    boolean keepGoing;

    @Option(names = "--notify", paramLabel = "URL",
            description = "When the gate trips, POST the JSON report to this webhook, once (with a plain \"text\""
                    + " summary that chat webhooks show).")
    String notify;

    @Mixin
    FormatOption format;

    @Mixin
    AsciiOption ascii;

    @Mixin
    ReportOptions report;

    @Override
    public Integer call() {
        if (window < 4) {
            // with 3, one of the two steps is nearly always more than half the growth: no suspect, ever
            throw new UsageException("--window must be 4 or more (a steady trend needs at least 3 steps)");
        }
        int count = schedule.count(0, 0);
        int maxFailures = schedule.maxFailures();
        Format f = format.parse(WatchReport.FORMATS);
        long rate = failOnRate.bytesPerHour();
        Duration period = schedule.every("1m");
        ProfileUrl endpoint = CollectCommand.endpoints(List.of(url)).get(0);
        FetchSettings fetchSettings = input.fetch.settings(root, input.limits().maxProfileBytes());
        Webhook hook = null;
        if (notify != null) {
            hook = Webhook.of(notify, fetchSettings);
            if (hook == null) {
                throw new UsageException("--notify: not an http:// or https:// URL");
            }
        }
        ProfileStore store = input.fetch.store(root);
        ReportSettings settings = report.settings(root.env.zone());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        WatchReport printer = new WatchReport(f, new TrendReport.Options(Format.TEXT, ascii.on(root.env), settings.nodeCount(),
                settings.nodeFraction(), null, settings.zone(), Markdown.DEFAULT_MAX_CHARS));
        Schedule pace = new Schedule(root.env, new Fetcher(fetchSettings), period, maxFailures, err);
        SnapshotWindow snapshots = new SnapshotWindow(window);

        int taken = 0;
        int trippedAt = 0;
        Instant first = null;
        WatchReport.Snapshot last = null;
        boolean interrupted = false;
        try (CtrlC ctrlC = CtrlC.interruptsThisThread()) {
            for (int i = 1; count == 0 || i <= count; i++) {
                if (i > 1) {
                    pace.await("snapshot " + i);
                }
                FetchedProfile fetched = pace.snapshot(List.of(endpoint), List.of(store)).get(0);
                snapshots.add(fetched);
                taken = i;
                first = first == null ? fetched.time() : first;
                Trend trend = trend(snapshots, settings);
                if (rate >= 0 && !trend.series().unit().equals("bytes")) {
                    throw new UsageException("--fail-on-rate needs a sample type in bytes, not "
                            + trend.series().type() + " (" + trend.series().unit() + ")");
                }
                RateGate.Tripped tripped = rate < 0 || trend.series().size() < 3 ? null
                        : RateGate.check(trend, rate, true);
                last = new WatchReport.Snapshot(i, fetched.time(), fetched.url(),
                        fetched.kept() ? fetched.file().toString() : null, trend, tripped, failOnRate.text);
                boolean firstTrip = tripped != null && trippedAt == 0;
                printer.snapshot(last, out, firstTrip);
                if (firstTrip) {
                    trippedAt = i;
                    err.println("leakscope: gate: " + WatchReport.gateText(last));
                    err.flush();
                    if (hook != null) {
                        post(hook, printer.notification(last), err);
                    }
                    if (!keepGoing) {
                        break;
                    }
                }
            }
        } catch (Interrupted e) {
            Thread.interrupted(); // handled: the summary is still to be written
            interrupted = true;
        }
        Path kept = store.dir();
        printer.summary(new WatchReport.Summary(endpoint.display(), taken, first, last, trippedAt, interrupted,
                kept == null ? null : kept.toString()), out);
        return trippedAt > 0 ? ExitCodes.GATE : ExitCodes.OK;
    }

    /** The trend of the window, each snapshot at its fetch time. */
    private Trend trend(SnapshotWindow snapshots, ReportSettings settings) {
        SeriesBuilder builder = SeriesBuilder.forSampleIndex(settings.granularity(), settings.noInlines(),
                settings.cumSort(), settings.sampleIndex());
        long[] times = snapshots.timeNanos();
        loader().series(snapshots.sources(), (argument, name, p) -> builder.add(argument, name, p, times[argument]));
        return TrendAnalysis.analyze(builder.build(1));
    }

    private static void post(Webhook hook, String json, PrintWriter err) {
        String failure;
        try {
            failure = hook.post(json);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Interrupted("interrupted while posting to " + hook.display(), e);
        }
        err.println("leakscope: --notify " + (failure == null ? hook.display() + ": posted"
                : Commands.oneLine(failure) + " (not posted)"));
        err.flush();
    }
}
