package dev.leakscope;

import dev.leakscope.cli.Environment;
import dev.leakscope.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs leakscope commands in-process with captured streams. Every JSON report a command prints or
 * writes with --output is validated against its schema file ({@link JsonSchemas}).
 */
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
        return checked(workDir, args, new Result(code, out.toString(), err.toString()));
    }

    /** Runs a command with the given environment variables, clock and waiting. */
    public static Result run(Path workDir, Environment env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code;
        try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(err)) {
            code = Main.run(args, workDir, new ByteArrayInputStream(new byte[0]), o, e, env.terminal(), env);
        }
        return checked(workDir, args, new Result(code, out.toString(), err.toString()));
    }

    private static Result checked(Path workDir, String[] args, Result r) {
        if (JsonSchemas.isReport(r.out())) {
            if (r.out().startsWith("{\"")) {
                r.out().lines().forEach(JsonSchemas::assertValid); // JSON Lines (watch): each line a report
            } else {
                JsonSchemas.assertValid(r.out());
            }
        }
        for (int i = 0; i < args.length; i++) {
            String file = args[i].startsWith("--output=") ? args[i].substring("--output=".length())
                    : args[i].equals("--output") && i + 1 < args.length ? args[i + 1] : null;
            // a NUL cannot name a file (the command refused it): nothing was written
            Path written = file == null || file.indexOf('\0') >= 0 ? null : workDir.resolve(file);
            if (written != null && Files.isRegularFile(written)) {
                try {
                    // Reports only: --output may also be a binary profile (pprof -proto).
                    String text = new String(Files.readAllBytes(written), StandardCharsets.UTF_8);
                    if (JsonSchemas.isReport(text)) {
                        JsonSchemas.assertValid(text);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return r;
    }

    public static Result run(String... args) {
        return run(Path.of("").toAbsolutePath(), args);
    }
}
