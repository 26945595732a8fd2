package dev.leakscope.cli;

import dev.leakscope.diff.Threshold;
import picocli.CommandLine.Option;

/** {@code --fail-on-growth}: the CI gate on the total's growth, shared by diff, trend and watch. */
final class GrowthGateOption {
    @Option(names = "--fail-on-growth", paramLabel = "SIZE|PCT",
            description = "Exit 1 when the total grows by more than this (e.g. 50MB, 512KiB, or 5%% of the first"
                    + " total: diff's base, trend's first snapshot, the first of watch's window).")
    String text;

    /** The threshold, or null when no gate is set. */
    Threshold threshold() {
        return text == null ? null : OptionValues.parse("--fail-on-growth", () -> Threshold.parse(text));
    }
}
