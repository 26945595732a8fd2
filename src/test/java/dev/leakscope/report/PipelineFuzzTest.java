package dev.leakscope.report;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.leakscope.Cli;
import dev.leakscope.CleanOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A fuzzed profile through a whole report command (load, merge, base subtraction, pruning, graph,
 * trimming, rendering). The first byte picks the command; the rest is the profile, written to a file.
 */
class PipelineFuzzTest {
    private static final String[][] COMMANDS = {
        {"top", "p"},
        {"top", "p", "p"},
        {"pprof", "-top", "-base", "p", "p"},
        {"pprof", "-traces", "p"},
        {"pprof", "-raw", "p"},
        {"pprof", "-top", "-lines", "-cum", "-nodecount=5", "p"},
        {"pprof", "-top", "-addresses", "-noinlines", "p"},
        {"pprof", "-top", "-diff_base", "p", "-mean", "-sample_index=0", "p"},
    };
    private static final Path DIR;

    static {
        try {
            DIR = Files.createTempDirectory("leakscope-fuzz");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "10m")
    void report(FuzzedDataProvider data) throws IOException {
        String[] command = COMMANDS[data.consumeInt(0, COMMANDS.length - 1)];
        Files.write(DIR.resolve("p"), data.consumeRemainingAsBytes());
        String[] args = new String[command.length + 1];
        args[0] = command[0];
        args[1] = "--max-bytes=16MB";
        System.arraycopy(command, 1, args, 2, command.length - 1);
        CleanOutcome.of(Cli.run(DIR, args));
    }
}
