package dev.leakscope.cli;

import dev.leakscope.util.Plural;
import dev.leakscope.input.remote.FetchedProfile;
import dev.leakscope.input.remote.ProfileStore;
import dev.leakscope.input.remote.ProfileUrl;
import dev.leakscope.util.ExitCodes;
import dev.leakscope.util.InputException;
import dev.leakscope.util.UsageException;
import java.util.function.Consumer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code leakscope collect}: snapshots of live services on a schedule, for {@code trend DIR}. */
@Command(name = "collect", mixinStandardHelpOptions = true,
        description = {"Fetch COUNT snapshots of each URL, one every DURATION, into DIR (then: leakscope trend DIR).",
            "URL: http://..., https://..., or host:port for http://host:port/debug/pprof/heap.",
            "Each file is written whole (a hidden temporary file, then renamed), named from the endpoint and its"
                    + " UTC fetch time (localhost_6060.heap.20261206T173012.345Z.pb.gz), so names sort by time;"
                    + " Ctrl-C leaves only whole files, and running again into DIR continues the series."
                    + " Several URLs (replicas of one service) each get a sub-directory of DIR.",
            "Snapshots start at a fixed rate, one every DURATION from the first; a fetch that takes longer starts"
                    + " the next one right away, and the series goes on every DURATION from there (no burst to catch"
                    + " up). Each URL is fetched on its own schedule, so a slow or failing one holds up no other.",
            "A failed fetch is reported and retried with backoff (1s, 2s, 4s..., at most DURATION); after"
                    + " --max-failures failures in a row of one URL the run ends with exit 2, as it does on Ctrl-C"
                    + " (after removing a file being written), saying what each URL has kept and where.",
            "On a terminal, a line on stderr counts down to the next snapshot."})
final class CollectCommand extends ProfileCommand {
    @Parameters(arity = "1..*", paramLabel = "URL", description = "Profile endpoints.")
    List<String> urls;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Where the snapshots go.")
    String out;

    @Mixin
    ScheduleOptions schedule;

    @Override
    public Integer call() {
        int count = schedule.count(12, 1);
        int maxFailures = schedule.maxFailures();
        Duration period = schedule.every("5m");
        List<ProfileUrl> endpoints = endpoints(urls);
        input.fetch.refuseSave();
        Path dir = root.workDir.resolve(out);
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UsageException("--out " + out + ": not a directory (name a directory, made if it is missing)");
        }
        List<ProfileStore> stores = new ArrayList<>();
        for (ProfileUrl u : endpoints) {
            stores.add(ProfileStore.in(endpoints.size() == 1 ? dir : dir.resolve(u.directoryName())));
        }
        Schedule pace = new Schedule(root.env, input.fetch.fetcher(root, input.limits()), period, maxFailures,
                spec.commandLine().getErr());
        Consumer<String> notes = Output.notes(spec);
        Consumer<String> warnings = Output.warnings(spec);
        int[] taken = new int[endpoints.size()];
        try (CtrlC ctrlC = CtrlC.interruptsThisThread()) {
            pace.run(endpoints, stores, count, new Schedule.Snapshots() {
                @Override
                public boolean taken(int endpoint, int n, FetchedProfile snapshot, Duration untilNext) {
                    taken[endpoint] = n;
                    if (input.fetch.seconds > 0) {
                        EmptyHeapDelta.warning(snapshot, input.fetch.seconds, input.limits()).ifPresent(warnings);
                    }
                    notes.accept(n + "/" + count + ": " + snapshot.file() + (n == count ? ""
                            : untilNext.isZero() ? " (next at once: this fetch took longer than --every)"
                            : " (next in " + Schedule.show(roughly(untilNext)) + ")"));
                    return true;
                }

                @Override
                public String next(int endpoint, int n) {
                    return "snapshot " + n + " of " + count + " (" + Plural.of(Arrays.stream(taken).sum(), "file")
                            + " in " + out + " so far)";
                }
            });
        } catch (Interrupted e) {
            Thread.interrupted(); // handled: one line says where the series stands
            throw new InputException("collect: stopped by Ctrl-C" + kept(endpoints, taken, count, notes), e);
        } catch (Schedule.GaveUp e) {
            if (Arrays.stream(taken).sum() == 0) {
                throw e;
            }
            throw new InputException(e.getMessage() + "; collect stopped" + kept(endpoints, taken, count, notes), e);
        }
        return ExitCodes.OK;
    }

    /**
     * What a run that ended early kept, as the end of its last line: how many snapshots (with several URLs,
     * a line for each first) and that the files are whole.
     */
    private String kept(List<ProfileUrl> endpoints, int[] taken, int count, Consumer<String> notes) {
        String snapshots = Plural.of(count, "snapshot");
        String whole = "the files in " + out + " are whole (the same command adds " + snapshots + " more to "
                + (endpoints.size() == 1 ? "the series)" : "each series)");
        if (endpoints.size() == 1) {
            return " after " + taken[0] + " of " + snapshots + "; " + whole;
        }
        for (int i = 0; i < endpoints.size(); i++) {
            ProfileUrl u = endpoints.get(i);
            notes.accept("collect: " + u.display() + ": " + taken[i] + " of " + snapshots
                    + (taken[i] == 0 ? "" : " in " + Path.of(out).resolve(u.directoryName())));
        }
        return "; " + whole;
    }

    static List<ProfileUrl> endpoints(List<String> args) {
        List<ProfileUrl> out = new ArrayList<>();
        for (String a : args) {
            if (!ProfileUrl.isUrl(a)) {
                throw new UsageException(ProfileUrl.redactText(a) + ": not a URL (http://..., https://... or host:port)");
            }
            out.add(ProfileUrl.parse(a, InputOptions.HEAP_PATH));
        }
        return out;
    }

    /** A wait as a person reads it: whole seconds from one second up, else tenths. */
    private static Duration roughly(Duration d) {
        long unit = d.toMillis() >= 1000 ? 1000 : 100;
        return Duration.ofMillis(Math.max(unit, Math.round((double) d.toMillis() / unit) * unit));
    }
}
