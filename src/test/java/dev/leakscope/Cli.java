package dev.leakscope;

import dev.leakscope.cli.Environment;
import dev.leakscope.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** Runs leakscope commands in-process with captured streams. */
public final class Cli {
    /** What a command printed and returned. */
    public record Result(int exitCode, String out, String err) {
    }

    private Cli() {
    }

    public static Result run(Path workDir, String... args) {
        return run(workDir, new ByteArrayInputStream(new byte[0]), args);
    }

    public static Result run(Path workDir, InputStream stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code;
        try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(err)) {
            code = Main.run(args, workDir, stdin, o, e);
        }
        return new Result(code, out.toString(), err.toString());
    }

    /** Runs a command with the given environment variables, clock and waiting. */
    public static Result run(Path workDir, Environment env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code;
        try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(err)) {
            code = Main.run(args, workDir, new ByteArrayInputStream(new byte[0]), o, e, false, env);
        }
        return new Result(code, out.toString(), err.toString());
    }

    public static Result run(String... args) {
        return run(Path.of("").toAbsolutePath(), args);
    }
}
