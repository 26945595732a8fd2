package dev.leakscope.cli;

import dev.leakscope.input.InputSource;
import dev.leakscope.input.Limits;
import dev.leakscope.util.Sizes;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options about reading inputs, shared by every command that reads profiles. */
final class InputOptions {
    @Option(names = "--max-bytes", paramLabel = "SIZE", defaultValue = "2GiB",
            description = "Refuse an input larger than this after decompression (default: ${DEFAULT-VALUE}).")
    String maxBytes;

    Limits limits() {
        return new Limits(Sizes.parse(maxBytes));
    }

    static List<InputSource> sources(List<String> args, LeakscopeCommand root) {
        List<InputSource> out = new ArrayList<>();
        for (String a : args) {
            out.add(InputSource.of(a, root.workDir, root.stdin));
        }
        return out;
    }
}
