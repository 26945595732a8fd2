package dev.leakscope;

import java.time.Duration;

/**
 * The one time limit tests may use: a guard against a hang (an endless loop, a blow-up far beyond any
 * size-proportional cost), generous enough to hold on a loaded 2-core machine. It is not a speed
 * check: speed belongs in the benchmarks (bench/), work and memory bounds in the code under test.
 */
public final class HangGuard {
    public static final Duration LIMIT = Duration.ofSeconds(120);

    private HangGuard() {
    }
}
