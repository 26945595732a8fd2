package dev.leakscope.cli;

import dev.leakscope.report.TrendReport;
import dev.leakscope.trend.TrendGate;
import dev.leakscope.util.Amount;
import dev.leakscope.util.Sizes;
import dev.leakscope.util.UsageException;
import picocli.CommandLine.Option;

/** {@code --fail-on-rate}: the CI gate on steady growth, shared by trend and watch. */
final class RateGateOption {
    @Option(names = "--fail-on-rate", paramLabel = "SIZE/h",
            description = "Exit 1 when the total or any row growing steadily (the suspect rule but its floor of 1%%"
                    + " of the total) grows at least this fast per hour (e.g. 10MB/h; on counts a plain number, e.g. 100/h); in trend, the"
                    + " snapshots must span a minute or more (over seconds a rate per hour says nothing: use --fail-on-growth);"
                    + " in watch, the total too only when it grows steadily over the window.")
    String text;

    /** Both gates of trend and watch, with --fail-on-growth. */
    TrendGate with(GrowthGateOption growth) {
        return new TrendGate(text == null ? null : OptionValues.parse("--fail-on-rate", () -> parse(text)),
                growth.threshold());
    }

    /** Both gates as the user wrote them, for gate messages. */
    TrendReport.GateOptions given(GrowthGateOption growth) {
        return new TrendReport.GateOptions(text, growth.text);
    }

    /** A rate such as {@code 10MB/h} or {@code 100/h} (the {@code /h} may be left out): the amount per hour. */
    static Amount parse(String text) {
        String t = text.strip();
        String perHour = t.endsWith("/h") ? t.substring(0, t.length() - 2) : t;
        if (perHour.contains("/")) {
            throw new UsageException("invalid rate '" + text + "' (expected an amount per hour, e.g. 10MB/h, or"
                    + " 100/h on counts)");
        }
        return new Amount(Sizes.parse(perHour), Amount.hasByteUnit(perHour), t);
    }
}
