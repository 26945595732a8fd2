package dev.leakscope.cli;

import dev.leakscope.util.Sleeper;
import java.time.Clock;
import java.util.function.Function;

/**
 * What commands take from the process besides streams: environment variables, the clock, and how
 * they wait. Tests give their own, so nothing depends on the machine's environment or speed.
 */
public record Environment(Function<String, String> variables, Clock clock, Sleeper sleeper) {
    public static Environment system() {
        return new Environment(System::getenv, Clock.systemUTC(), Sleeper.REAL);
    }
}
