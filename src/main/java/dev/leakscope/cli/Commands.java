package dev.leakscope.cli;

import dev.leakscope.util.ExitCodes;
import dev.leakscope.util.LeakscopeException;
import dev.leakscope.util.PprofError;
import dev.leakscope.util.Printable;
import dev.leakscope.util.UsageException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.AutoComplete;
import picocli.CommandLine;

/** Builds the picocli command tree with the error handling every command shares. */
final class Commands {
    private Commands() {
    }

    /**
     * The subcommands by name (their {@code @Command} names, which reading would cost the start-up this
     * saves), in the order --help lists them.
     */
    static final Map<String, Class<?>> SUBCOMMANDS = subcommands(
            "top", TopCommand.class, "diff", DiffCommand.class, "trend", TrendCommand.class,
            "focus", FocusCommand.class, "list", ListCommand.class, "traces", TracesCommand.class,
            "info", InfoCommand.class, "pprof", PprofCommand.class, "collect", CollectCommand.class,
            "watch", WatchCommand.class, "generate-completion", AutoComplete.GenerateCompletion.class);
    /** The root's options that take a value (as a separate argument or after '='). */
    private static final Set<String> ROOT_OPTIONS_WITH_VALUE = Set.of("--color");
    private static final Set<String> ROOT_FLAGS = Set.of("--debug", "--quiet");

    /** The whole command tree (for --help of the root, man pages and completions). */
    static CommandLine commandLine(Path workDir, InputStream in, PrintWriter out, PrintWriter err, boolean terminal,
                                   Environment env) {
        return commandLine(workDir, in, out, err, terminal, env, null);
    }

    /**
     * The command tree args need ({@link #needed}): building the model of every command was most of
     * leakscope's start-up. args null: all of it.
     */
    static CommandLine commandLine(Path workDir, InputStream in, PrintWriter out, PrintWriter err, boolean terminal,
                                   Environment env, String[] args) {
        // Options are strings and numbers (a test holds them to it): picocli need not look up by reflection
        // its converters of java.time, java.sql and java.nio types (~50 classes loaded for each command line).
        System.setProperty("picocli.converters.excludes", ".*");
        // Nor look for Groovy's closure class: the failed lookup was the run's only read of the jar (its index of
        // ~4,600 entries, its manifest) and a ClassNotFoundException.
        System.setProperty("picocli.disable.closures", "true");
        LeakscopeCommand root = new LeakscopeCommand(in, workDir, env.withTerminal(terminal));
        CommandLine cl = new CommandLine(CommandModels.of(root));
        root.spec = cl.getCommandSpec();
        Collection<Class<?>> needed = args == null ? SUBCOMMANDS.values() : needed(args);
        SUBCOMMANDS.forEach((name, sub) -> {
            if (needed.contains(sub)) {
                cl.addSubcommand(name, CommandModels.of(sub));
            }
        });
        cl.setOut(out);
        cl.setErr(err);
        CommandLine pprof = cl.getSubcommands().get("pprof");
        if (pprof != null) {
            pprof.setUnmatchedOptionsArePositionalParams(true);
        }
        // Every command documents the same exit codes in its --help.
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (sub.getCommand() instanceof ProfileCommand command) {
                command.root = root;
                command.spec = sub.getCommandSpec();
            }
            sub.getCommandSpec().usageMessage()
                    .exitCodeListHeading(root.spec.usageMessage().exitCodeListHeading())
                    .exitCodeList(root.spec.usageMessage().exitCodeList());
        }
        cl.setExecutionStrategy(parseResult -> {
            try {
                root.checkColour();
                if (parseResult.hasSubcommand()) {
                    OutputOptions.refusePprofSpelling(parseResult.subcommand());
                }
            } catch (UsageException e) {
                throw new CommandLine.ExecutionException(cl, e.getMessage(), e);
            }
            return new CommandLine.RunLast().execute(parseResult);
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            boolean debug = root.debug;
            root.clearProgress();
            PrintWriter e = commandLine.getErr();
            root.warnings.finish();
            if (ex instanceof LeakscopeException le) {
                // pprof's own errors are printed as pprof prints them
                e.println((le instanceof PprofError ? "" : "leakscope: ") + oneLine(le.getMessage()));
                if (debug) {
                    ex.printStackTrace(e);
                }
                e.flush();
                return le.exitCode();
            }
            return internalError(ex, debug, e);
        });
        cl.setParameterExceptionHandler((ex, unmatched) -> {
            PrintWriter e = ex.getCommandLine().getErr();
            e.println("leakscope: " + oneLine(ex.getMessage()) + didYouMean(ex) + " (see 'leakscope "
                    + commandName(ex.getCommandLine()) + "--help')");
            e.flush();
            return ExitCodes.USAGE;
        });
        return cl;
    }

    /**
     * The subcommands args need: the one they run (the root's own options may come first), none for
     * the version alone, else all (the completion script describes every command).
     */
    static Collection<Class<?>> needed(String[] args) {
        int i = 0;
        while (i < args.length) {
            String a = args[i];
            if (ROOT_FLAGS.contains(a) || (a.contains("=") && ROOT_OPTIONS_WITH_VALUE.contains(a.split("=", 2)[0]))) {
                i++;
            } else if (ROOT_OPTIONS_WITH_VALUE.contains(a)) {
                i += 2;
            } else {
                break;
            }
        }
        if (i == args.length - 1 && (args[i].equals("--version") || args[i].equals("-V"))) {
            return List.of();
        }
        Class<?> sub = i < args.length ? SUBCOMMANDS.get(args[i]) : null;
        return sub == null || sub == AutoComplete.GenerateCompletion.class ? SUBCOMMANDS.values() : List.of(sub);
    }

    private static Map<String, Class<?>> subcommands(Object... nameThenClass) {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        for (int i = 0; i < nameThenClass.length; i += 2) {
            m.put((String) nameThenClass[i], (Class<?>) nameThenClass[i + 1]);
        }
        return Collections.unmodifiableMap(m);
    }

    /**
     * The message on one line: messages quote names from inputs and the command line, which may hold
     * line breaks or other control characters; these are shown escaped.
     */
    static String oneLine(String message) {
        return Printable.of(message);
    }

    /**
     * Reports a failure of leakscope itself (a bug, out of memory, a stack overflow) on one line, with
     * the stack trace under --debug; returns {@link ExitCodes#INTERNAL}.
     */
    static int internalError(Throwable ex, boolean debug, PrintWriter e) {
        String what = ex instanceof OutOfMemoryError
                ? "out of memory (max heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB; a bigger input"
                        + " needs more: set LEAKSCOPE_HEAP, e.g. LEAKSCOPE_HEAP=12g)"
                : ex instanceof StackOverflowError ? "stack overflow" : oneLine(String.valueOf(ex));
        e.println("leakscope: internal error: " + what + "; please report it with the output of "
                + (debug ? "this run" : "the same command with --debug"));
        if (debug) {
            ex.printStackTrace(e);
        }
        e.flush();
        return ExitCodes.INTERNAL;
    }

    /** For a mistyped command or option: the closest names picocli knows, e.g. "; did you mean 'diff'?". */
    private static String didYouMean(CommandLine.ParameterException ex) {
        if (!(ex instanceof CommandLine.UnmatchedArgumentException u)) {
            return "";
        }
        java.util.List<String> suggestions = u.getSuggestions();
        if (suggestions.isEmpty()) {
            return "";
        }
        String typed = u.getUnmatched().isEmpty() ? "" : u.getUnmatched().get(0).split("=", 2)[0];
        int best = Integer.MAX_VALUE;
        java.util.List<String> shown = new java.util.ArrayList<>();
        for (String s : suggestions) {
            int d = distance(typed, s);
            if (d < best) {
                best = d;
                shown.clear();
            }
            if (d == best && shown.size() < 3) {
                shown.add(s);
            }
        }
        // picocli also offers names that merely share a letter ('-n' -> '--no-save'): those mislead
        if (best > Math.max(2, typed.length() / 3)) {
            return "";
        }
        return "; did you mean '" + String.join("' or '", shown) + "'?";
    }

    /** Edit distance (insertions, deletions, substitutions), to rank picocli's suggestions. */
    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static String commandName(CommandLine cl) {
        String name = cl.getCommandName();
        return name.equals("leakscope") ? "" : name + " ";
    }
}
