package dev.leakscope;

import dev.leakscope.cli.Environment;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Time that moves only when a command waits: the environment's sleeper advances the clock by the
 * wait and runs an action in its place (the service leaking during "the minute"), so scheduled
 * commands run at full speed and their times are exact. A ticking one also moves on each time it is read.
 */
public final class ManualTime extends Clock {
    private final Duration tick;
    private volatile Instant now; // also moved by a stand-in service's thread (advance)

    public ManualTime(Instant start) {
        this(start, Duration.ZERO);
    }

    private ManualTime(Instant start, Duration tick) {
        this.now = start;
        this.tick = tick;
    }

    /** A clock from the epoch that moves on by step each time it is read (a slow read, seen by its progress). */
    public static ManualTime ticking(Duration step) {
        return new ManualTime(Instant.EPOCH, step);
    }

    /** An environment without variables whose waits run during(d) and then move the clock by d. */
    public Environment environment(Consumer<Duration> during) {
        return new Environment(Map.<String, String>of()::get, this, d -> {
            during.accept(d);
            now = now.plus(d);
        });
    }

    /** Moves the clock on by d: a stand-in service taking that long to answer. */
    public void advance(Duration d) {
        now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        now = now.plus(tick);
        return now;
    }
}
