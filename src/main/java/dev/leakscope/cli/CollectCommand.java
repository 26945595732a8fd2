package dev.leakscope.cli;

import dev.leakscope.util.Plural;
import dev.leakscope.input.remote.FetchedProfile;
import dev.leakscope.input.remote.ProfileStore;
import dev.leakscope.input.remote.ProfileUrl;
import dev.leakscope.util.ExitCodes;
import dev.leakscope.util.InputException;
import dev.leakscope.util.UsageException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
            "A failed fetch is reported and retried with backoff; after --max-failures failures in a row the"
                    + " run ends with exit 2, as it does on Ctrl-C (after removing a file being written).",
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
        PrintWriter err = spec.commandLine().getErr();
        Schedule pace = new Schedule(root.env, input.fetch.fetcher(root, input.limits()), period, maxFailures, err);
        int taken = 0;
        try (CtrlC ctrlC = CtrlC.interruptsThisThread()) {
            for (int i = 1; i <= count; i++) {
                if (i > 1) {
                    int files = (i - 1) * endpoints.size();
                    pace.await("snapshot " + i + " of " + count + " (" + files + (files == 1 ? " file" : " files")
                            + " in " + out + " so far)");
                }
                for (FetchedProfile f : pace.snapshot(endpoints, stores)) {
                    err.println("leakscope: " + i + "/" + count + ": " + f.file()
                            + (i < count ? " (next in " + Schedule.show(period) + ")" : ""));
                }
                err.flush();
                taken = i;
            }
        } catch (Interrupted e) {
            Thread.interrupted(); // handled: one line says where the series stands
            throw new InputException("collect: stopped by Ctrl-C after " + taken + " of " + Plural.of(count, "snapshot") + ";"
                    + " the files in " + out + " are whole (the same command adds " + Plural.of(count, "snapshot")
                    + " more to the series)", e);
        }
        return ExitCodes.OK;
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
}
