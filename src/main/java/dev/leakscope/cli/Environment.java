package dev.leakscope.cli;

import dev.leakscope.util.Sleeper;
import java.time.Clock;
import java.util.function.Function;

/**
 * What commands take from the process besides streams: environment variables, the clock, how they
 * wait, and whether a person is watching (a terminal, for progress that rewrites its line). Tests
 * give their own, so nothing depends on the machine's environment or speed.
 */
public record Environment(Function<String, String> variables, Clock clock, Sleeper sleeper, boolean terminal) {
    /** Not on a terminal. */
    public Environment(Function<String, String> variables, Clock clock, Sleeper sleeper) {
        this(variables, clock, sleeper, false);
    }

    public static Environment system() {
        return new Environment(System::getenv, Clock.systemUTC(), Sleeper.REAL, System.console() != null);
    }
}
