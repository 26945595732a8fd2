package dev.leakscope.cli;

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
}
