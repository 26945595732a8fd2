package dev.leakscope.cli;

import dev.leakscope.input.InputSource;
import dev.leakscope.util.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/** Where a report goes: standard output, or a file written whole or not at all. */
final class OutputOptions {
    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the report to FILE (replaced atomically, only once the report is complete).")
    String output;

    /**
     * Refuses pprof's spelling of the option, -output FILE, on a command with -o: as clustered short
     * options it reads as -o utput, which would write the report to a file named utput.
     */
    static void refusePprofSpelling(ParseResult command) {
        if (command.hasMatchedOption("-o") && command.originalArgs().stream().anyMatch(a -> a.startsWith("-output"))) {
            throw new UsageException("-output would read as -o utput: write -o FILE or --output FILE");
        }
    }

    /**
     * The file to write, resolved against the working directory, or null for standard output. A file
     * that is one of the inputs, or that lies in an input directory (one of its snapshots, or a file
     * the next run over that directory would read as one), is refused: inputs are never modified.
     */
    static Path target(String file, Path workDir, List<InputSource> inputs) {
        Path target = fileTarget(file, workDir, inputs);
        if (target != null) {
            OutputFile.checkDirectory(target); // before any work too
        }
        return target;
    }

    /**
     * The file to write, as {@link #target(String, Path, List)} without checking its directory (for
     * {@code leakscope pprof}, which fails there as go tool pprof does: when the report is written).
     */
    static Path fileTarget(String file, Path workDir, List<InputSource> inputs) {
        if (file == null) {
            return null;
        }
        if (file.isEmpty()) {
            throw new UsageException("--output is empty: name the file to write the report to");
        }
        Path target = workDir.resolve(file).toAbsolutePath().normalize();
        for (InputSource in : inputs) {
            if (in.path() != null && sameFile(target, in.path())) {
                throw new UsageException("--output " + file + " is an input; leakscope never overwrites its inputs");
            }
            if (in.path() != null && Files.isDirectory(in.path()) && target.getParent() != null
                    && sameFile(target.getParent(), in.path())) {
                throw new UsageException("--output " + file + " is in the input directory " + in.name()
                        + "; leakscope never writes among the snapshots it reads (write the report elsewhere)");
            }
        }
        OutputFile.checkFile(target); // before any work: a FIFO or a directory is refused at once
        return target;
    }

    /** The target given by --output; see {@link #target(String, Path, List)}. */
    Path target(Path workDir, List<InputSource> inputs) {
        return target(output, workDir, inputs);
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return a.equals(b.toAbsolutePath().normalize()) || (Files.exists(a) && Files.isSameFile(a, b));
        } catch (IOException e) {
            return false;
        }
    }
}
