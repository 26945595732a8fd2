package dev.leakscope.cli;

import dev.leakscope.input.InputSource;
import dev.leakscope.input.Limits;
import dev.leakscope.util.Sizes;
import dev.leakscope.util.UsageException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options about reading inputs, shared by every command that reads profiles. */
final class InputOptions {
    @Option(names = "--max-bytes", paramLabel = "SIZE", defaultValue = "8GiB",
            description = "Refuse an input larger than this after decompression (default: ${DEFAULT-VALUE});"
                    + " for an archive, all its members together. One profile can never exceed 2GiB"
                    + " (protobuf's limit on one message).")
    String maxBytes;

    @Option(names = "--max-members", paramLabel = "N", defaultValue = "10000",
            description = "Refuse a directory or archive holding more files than this (default: ${DEFAULT-VALUE}).")
    int maxMembers;

    Limits limits() {
        if (maxMembers < 1) {
            throw new UsageException("--max-members must be at least 1, not " + maxMembers);
        }
        return new Limits(Sizes.parse(maxBytes), maxMembers);
    }

    static List<InputSource> sources(List<String> args, LeakscopeCommand root) {
        List<InputSource> out = new ArrayList<>();
        for (String a : args) {
            out.add(InputSource.of(a, root.workDir, root.stdin));
        }
        return out;
    }
}
