package dev.leakscope.cli;

import dev.leakscope.report.TrendReport;
import dev.leakscope.trend.TrendGate;
import picocli.CommandLine.Option;

/** {@code --fail-on-rate}: the CI gate on steady growth, shared by trend and watch. */
final class RateGateOption {
    @Option(names = "--fail-on-rate", paramLabel = "SIZE/h",
            description = "Exit 1 when the total or any suspect (growing steadily) grows at least this fast per"
                    + " hour (e.g. 10MB/h); in watch, the total too only when it grows steadily over the window.")
    String text;

    /** Both gates of trend and watch, with --fail-on-growth. */
    TrendGate with(GrowthGateOption growth) {
        return new TrendGate(bytesPerHour(), growth.threshold());
    }

    /** Both gates as the user wrote them, for gate messages. */
    TrendReport.GateOptions given(GrowthGateOption growth) {
        return new TrendReport.GateOptions(text, growth.text);
    }

    /** Bytes per hour, or -1 when no gate is set. */
    long bytesPerHour() {
        return text == null ? -1 : OptionValues.parse("--fail-on-rate", () -> TrendCommand.parseRate(text));
    }
}
