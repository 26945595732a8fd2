package dev.leakscope.cli;

import dev.leakscope.binary.ObjectFiles;
import dev.leakscope.input.InputSource;
import dev.leakscope.input.Limits;
import dev.leakscope.input.remote.FetchedProfile;
import dev.leakscope.input.remote.Fetcher;
import dev.leakscope.input.remote.ProfileStore;
import dev.leakscope.input.remote.ProfileUrl;
import java.time.temporal.ChronoUnit;
import dev.leakscope.symbolize.BinaryLocator;
import dev.leakscope.symbolize.LocalSymbolizer;
import dev.leakscope.symbolize.Symbolization;
import dev.leakscope.util.FileKinds;
import dev.leakscope.util.InputException;
import dev.leakscope.util.Sizes;
import dev.leakscope.util.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options about reading inputs, shared by every command that reads profiles. */
final class InputOptions {
    /** What pprof's host:port shorthand stands for in leakscope's own commands. */
    static final String HEAP_PATH = "/debug/pprof/heap";
    /** ... and in leakscope pprof, as in go tool pprof: the CPU profile. */
    static final String PPROF_PATH = "/debug/pprof/profile";

    @Option(names = "--max-bytes", paramLabel = "SIZE", defaultValue = "8GiB",
            description = "Refuse an input larger than this after decompression (default: ${DEFAULT-VALUE});"
                    + " for an archive, all its members together. One profile can never exceed 2GiB"
                    + " (protobuf's limit on one message).")
    String maxBytes;

    @Option(names = "--max-members", paramLabel = "N", defaultValue = "10000",
            description = "Refuse a directory or archive holding more files than this (default: ${DEFAULT-VALUE}).")
    int maxMembers;

    @Option(names = "--max-stack-depth", paramLabel = "N", defaultValue = "" + Limits.DEFAULT_MAX_STACK_DEPTH,
            description = "Refuse a sample with more stack frames than this, inlined ones included"
                    + " (default: ${DEFAULT-VALUE}).")
    int maxStackDepth;

    @Option(names = "--max-labels", paramLabel = "N", defaultValue = "" + Limits.DEFAULT_MAX_LABELS,
            description = "Refuse a sample with more labels than this (default: ${DEFAULT-VALUE}).")
    int maxLabels;

    @Option(names = "--max-expansion", paramLabel = "N", defaultValue = "" + Limits.DEFAULT_MAX_EXPANSION,
            description = "Refuse an input whose samples hold more stack frames in all than N per input byte"
                    + " (default: ${DEFAULT-VALUE}).")
    int maxExpansion;

    @Mixin
    FetchOptions fetch;

    /** The fetch behind each source that is a URL: diff compares the times of one URL on both sides. */
    private final Map<InputSource, FetchedProfile> fetches = new IdentityHashMap<>();

    @Option(names = "--max-ratio", paramLabel = "N", defaultValue = "" + Limits.DEFAULT_MAX_RATIO,
            description = "Refuse an input that inflates to more than N times its compressed size, past its"
                    + " first 16 MiB (default: ${DEFAULT-VALUE}; decompression bombs inflate 1000 times and more).")
    int maxRatio;

    @Option(names = "--binary", paramLabel = "FILE",
            description = "The profiled program's executable (ELF with DWARF debugging information): names the"
                    + " addresses of native profiles (gperftools, tcmalloc, jemalloc), inlined frames included."
                    + " Shared libraries are read where the profile says they were loaded from, or found under"
                    + " the directories of $PPROF_BINARY_PATH (default $HOME/pprof/binaries).")
    String binary;

    /** leakscope's own symbolization of the profiles read: --binary and the binaries found on disk. */
    Symbolization symbolization(LeakscopeCommand root, Consumer<String> warnings) {
        if (binary != null && !Files.isRegularFile(root.workDir.resolve(binary))) {
            Path b = root.workDir.resolve(binary);
            throw new InputException("--binary " + binary + ": " + (Files.exists(b)
                    ? FileKinds.of(b) + ", not a regular file (an executable is read at random places)"
                    : "no such file"));
        }
        return symbolization(root, limits(), binary, "", warnings, LocalSymbolizer.Style.FULL);
    }

    /**
     * How binaries are found and read for symbolization.
     *
     * @param executable the binary named on the command line (it names the profile's first mapping), or null
     * @param option     pprof's -symbolize option ("" for the default)
     */
    static Symbolization symbolization(LeakscopeCommand root, Limits limits, String executable, String option,
                                       Consumer<String> notices, LocalSymbolizer.Style style) {
        ObjectFiles objects = new ObjectFiles(root.workDir::resolve, limits.maxProfileBytes());
        BinaryLocator locator = new BinaryLocator(BinaryLocator.defaultSearchPath(root.env.variables()), executable,
                objects, root.workDir::resolve, notices);
        return new Symbolization(locator, objects, option, notices, style);
    }

    private static void atLeast(String option, long value, long least) {
        if (value < least) {
            throw new UsageException(option + " must be " + least + " or more, not " + value);
        }
    }

    Limits limits() {
        atLeast("--max-members", maxMembers, 1);
        atLeast("--max-stack-depth", maxStackDepth, 1);
        atLeast("--max-labels", maxLabels, 0);
        atLeast("--max-expansion", maxExpansion, 1);
        atLeast("--max-ratio", maxRatio, 1);
        long bytes = OptionValues.parse("--max-bytes", () -> Sizes.parse(maxBytes));
        atLeast("--max-bytes", bytes, 1);
        return new Limits(bytes, maxMembers, maxStackDepth, maxLabels, maxExpansion, maxRatio);
    }

    /** The sources arguments name: files, or URLs (host:port meaning /debug/pprof/heap), fetched now. */
    List<InputSource> sources(List<String> args, LeakscopeCommand root) {
        return sources(args, root, HEAP_PATH);
    }

    /**
     * The sources arguments name. A URL is fetched into the store of fetched profiles and named by its
     * URL; stderr says when it was fetched and where it is kept.
     *
     * @param shorthandPath what pprof's host:port shorthand stands for
     */
    List<InputSource> sources(List<String> args, LeakscopeCommand root, String shorthandPath) {
        fetch.check();
        List<InputSource> out = new ArrayList<>();
        Fetcher fetcher = null;
        ProfileStore store = null;
        for (String a : args) {
            if (!ProfileUrl.isUrl(a) || Files.exists(root.workDir.resolve(a))) {
                if (!a.equals("-")) {
                    root.claimStream(root.workDir.resolve(a), a);
                }
                out.add(InputSource.of(a, root.workDir, a.equals("-") ? root.claimStdin() : null).watched(root.progress()));
                continue;
            }
            ProfileUrl url = ProfileUrl.parse(a, shorthandPath);
            if (fetcher == null) {
                fetcher = fetch.fetcher(root, limits());
                store = fetch.store(root);
            }
            int wait = fetch.seconds > 0 ? fetch.seconds : url.goAnswersAfterSeconds();
            if (wait > 0) {
                root.waitingFor(url.display(), wait); // else a terminal shows nothing for as long (pprof's "Please wait")
            }
            FetchedProfile f = store.fetch(fetcher, url, root.env.clock().instant()); // the note below wipes the line
            Output.notes(root.spec).accept("fetched " + f.url() + " at " + f.time().truncatedTo(ChronoUnit.MILLIS) + " ("
                    + f.bytes() + " bytes)" + (f.kept() ? ", kept as " + f.file() : ""));
            if (fetch.seconds > 0) {
                EmptyHeapDelta.warning(f, fetch.seconds, limits()).ifPresent(Output.warnings(root.spec));
            }
            InputSource source = InputSource.named(f.url(), f.file()).watched(root.progress());
            fetches.put(source, f);
            out.add(source);
        }
        return out;
    }

    /** The fetch a source of {@link #sources} came from, or null for a file. */
    FetchedProfile fetchOf(InputSource source) {
        return fetches.get(source);
    }
}
