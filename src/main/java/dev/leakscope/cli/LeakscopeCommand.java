package dev.leakscope.cli;

import dev.leakscope.util.UsageException;
import dev.leakscope.input.ReadProgress;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The root command: lists the subcommands and shows a short tutorial when run without one. Its
 * subcommands are added by {@link Commands}.
 */
@Command(name = "leakscope", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Finds memory leaks in heap profiles (pprof profile.proto, gzipped or raw).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:a CI gate tripped (a threshold was exceeded); the report is still printed (pprof: where go tool pprof fails)",
            "2:usage error, or an input that cannot be read",
            "3:internal error (a bug, or out of memory): please report it with the output of --debug"})
final class LeakscopeCommand implements Callable<Integer> {
    final InputStream stdin;
    /** Directory relative paths are resolved against. */
    final Path workDir;
    /** Environment variables, clock, zone, waiting and whether the streams are a terminal. */
    /** The run's warnings, capped; summed up when the command ends. */
    final WarningCap warnings = new WarningCap(() -> this.spec.commandLine().getErr());
    final Environment env;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Show stack traces of errors (for bug reports).")
    boolean debug;

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto", scope = ScopeType.INHERIT,
            description = "Colour text reports: auto (on a terminal, unless NO_COLOR is set), always or never.")
    String color;

    @Option(names = "--quiet", scope = ScopeType.INHERIT,
            description = "Show no progress while reading inputs (shown on a terminal's stderr for reads over a second).")
    boolean quiet;

    /** Set by {@link Commands}. */
    CommandSpec spec;

    /** Whether an argument {@code -} has taken standard input. */
    private boolean stdinClaimed;
    /** The pipes and devices named as inputs so far (their file keys). */
    private final Set<Object> streamsClaimed = new HashSet<>();

    /** The progress display of input reading, made on first use; null when there is none. */
    private TerminalProgress progress;

    LeakscopeCommand(InputStream stdin, Path workDir, Environment env) {
        this.stdin = stdin;
        this.workDir = workDir;
        this.env = env;
    }

    /**
     * Refuses a pipe or device named as an input a second time (also through a link): like standard input
     * it can be read only once, and a second reader would wait for ever.
     */
    void claimStream(Path file, String name) {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            return; // reading it says why it cannot be read
        }
        if (!a.isRegularFile() && !a.isDirectory() && a.fileKey() != null && !streamsClaimed.add(a.fileKey())) {
            throw new UsageException(name + ": a pipe or device can be read only once: name it at most once");
        }
    }

    /** Standard input, for the argument {@code -}: it can be read only once, so named at most once. */
    InputStream claimStdin() {
        if (stdinClaimed) {
            throw new UsageException("standard input (-) can be read only once: name it at most once");
        }
        stdinClaimed = true;
        return stdin;
    }

    /** Refuses a --color other than auto, always or never: checked before any command runs (few use colour). */
    void checkColour() {
        if (!List.of("auto", "always", "never").contains(color.toLowerCase(Locale.ROOT))) {
            throw new UsageException("unknown --color '" + color + "' (use auto, always or never)");
        }
    }

    /**
     * Whether a text report uses colour, as --color says; auto: written on standard output (toStdout, not
     * to a file), a terminal, when NO_COLOR is not set.
     */
    boolean colour(boolean toStdout) {
        return switch (color.toLowerCase(Locale.ROOT)) {
            case "always" -> true;
            case "auto" -> toStdout && env.terminal() && !env.noColor();
            default -> false;
        };
    }

    /**
     * Where the reading of inputs reports its progress: a terminal's stderr (the launcher sets
     * LEAKSCOPE_STDERR_TTY=1 when stderr is one) unless --quiet; else nowhere (null).
     */
    ReadProgress progress() {
        if (progress == null && !quiet && stderrTerminal()) {
            progress = new TerminalProgress(spec.commandLine().getErr(), env.clock());
        }
        return progress;
    }

    /** Whether stderr is a terminal (the launcher sets LEAKSCOPE_STDERR_TTY=1 when it is). */
    boolean stderrTerminal() {
        return "1".equals(env.variables().apply("LEAKSCOPE_STDERR_TTY"));
    }

    /** On a terminal's stderr (unless --quiet), that a fetch of name waits seconds for its answer; {@link #clearProgress} wipes it. */
    void waitingFor(String name, int seconds) {
        if (progress() != null) {
            progress.waiting(name, seconds);
        }
    }

    /** Wipes a progress line shown on stderr, before anything else is printed. */
    void clearProgress() {
        if (progress != null) {
            progress.clear();
        }
    }

    @Override
    public Integer call() {
        spec.commandLine().getOut().print("""
                leakscope: what grew in a heap profile, and from where.

                Examples:
                  leakscope top heap.pb.gz                 largest in-use allocation sites, as go tool pprof -top
                  leakscope top --cum --nodecount 20 heap.pb.gz
                  leakscope diff heap_0.pb.gz heap_5.pb.gz what grew between two snapshots, ranked
                  leakscope diff --fail-on-growth 5% --format markdown base.pb.gz cur.pb.gz
                  leakscope trend heap_*.pb.gz             leak suspects across a series of snapshots
                  leakscope focus buildTree --base old.pb.gz new.pb.gz   callers and callees of a function, by growth
                  leakscope list buildTree --source-path src --base old.pb.gz new.pb.gz   the line that grew
                  leakscope info heap.pb.gz                what a profile holds
                  leakscope pprof -top -base a.pb.gz b.pb.gz   any go tool pprof text report, byte for byte
                  leakscope watch --every 1m --fail-on-rate 10MB/h localhost:6060   follow a live service

                Run 'leakscope COMMAND --help' for the options of a command, 'leakscope --help' for all commands.
                """);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
