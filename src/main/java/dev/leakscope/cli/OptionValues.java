package dev.leakscope.cli;

import dev.leakscope.util.Amount;
import dev.leakscope.util.UsageException;
import java.util.function.Supplier;

/** Parses an option's value with a shared parser, naming the option in the error ("--limit: invalid size '-1' …"). */
final class OptionValues {
    private OptionValues() {
    }

    static <T> T parse(String option, Supplier<T> parser) {
        try {
            return parser.get();
        } catch (UsageException e) {
            throw new UsageException(option + ": " + e.getMessage(), e);
        }
    }

    /** The amount text gives, which must be more than 0 (a period or a limit of 0 means nothing). */
    static Amount positiveAmount(String option, String text) {
        Amount a = parse(option, () -> Amount.parse(text));
        if (a.value() == 0) {
            throw new UsageException(option + " must be more than 0, got '" + text + "'");
        }
        return a;
    }
}
