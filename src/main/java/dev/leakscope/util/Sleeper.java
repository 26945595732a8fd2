package dev.leakscope.util;

import java.time.Duration;

/** Waits; injected so that scheduled work can be tested without waiting for real. */
@FunctionalInterface
public interface Sleeper {
    Sleeper REAL = d -> Thread.sleep(d.toMillis());

    void sleep(Duration d) throws InterruptedException;
}
