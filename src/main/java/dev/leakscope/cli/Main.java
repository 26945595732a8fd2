package dev.leakscope.cli;

import dev.leakscope.util.ExitCodes;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import picocli.CommandLine;

/** Entry point: runs one command with the process's streams and exits with its code. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Collection<Class<?>> command = Commands.needed(args);
        if (command.equals(List.of(WatchCommand.class)) || command.equals(List.of(CollectCommand.class))) {
            // first of all: a Ctrl-C while they start is theirs to end with a summary, not the JVM's exit 130
            CtrlC.keptFromStart();
        }
        StandardOutput stdout = StandardOutput.process();
        PrintWriter out = new PrintWriter(new java.io.BufferedOutputStream(stdout, 1 << 16), false,
                java.nio.charset.StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, java.nio.charset.StandardCharsets.UTF_8);
        int code;
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // what picocli prints, without building its model first: CI scripts ask often
            out.println(Version.line());
            code = 0;
        } else {
            Environment env = Environment.system();
            code = run(args, Path.of("").toAbsolutePath(), System.in, out, err, env.terminal(), env);
        }
        out.flush();
        String failed = stdout.failureMessage();
        if (failed != null) {
            // the report is cut short (a full disk): never a success, whatever the command returned;
            // leakscope pprof fails with pprof's code, as go tool pprof does
            err.println(failed);
            code = command.equals(List.of(PprofCommand.class)) ? ExitCodes.PPROF_ERROR : ExitCodes.INPUT;
        }
        err.flush();
        System.exit(code);
    }

    /**
     * Runs a command line with the given working directory and streams; returns the exit code. Tests
     * run commands in-process through this.
     */
    public static int run(String[] args, Path workDir, InputStream in, PrintWriter out, PrintWriter err) {
        return run(args, workDir, in, out, err, false);
    }

    /**
     * As {@link #run(String[], Path, InputStream, PrintWriter, PrintWriter)}; terminal: whether the streams
     * are a terminal (so --color auto colours).
     */
    public static int run(String[] args, Path workDir, InputStream in, PrintWriter out, PrintWriter err,
                          boolean terminal) {
        return run(args, workDir, in, out, err, terminal, Environment.system());
    }

    /** As above, with the environment variables, clock, zone and waiting given (tests). */
    public static int run(String[] args, Path workDir, InputStream in, PrintWriter out, PrintWriter err,
                          boolean terminal, Environment env) {
        try {
            CommandLine cl = Commands.commandLine(workDir, in, out, err, terminal, env, args);
            int code = cl.execute(args);
            ((LeakscopeCommand) cl.getCommand()).warnings.finish();
            return code;
        } catch (OutOfMemoryError | StackOverflowError e) {
            // picocli passes errors through; these are leakscope's failures, not the input's
            return Commands.internalError(e, java.util.Arrays.asList(args).contains("--debug"), err);
        }
    }
}
