package dev.leakscope.cli;

import dev.leakscope.util.Sleeper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.TimeZone;
import java.util.function.Function;

/**
 * What commands take from the process besides streams: environment variables (and the locale and
 * NO_COLOR they set), the clock, the time zone, how they wait, and whether they talk to a terminal.
 * Tests give their own, so nothing depends on the machine's environment, zone or speed.
 *
 * @param terminal whether standard input and output are a terminal (colour, progress, raw names)
 */
public record Environment(Function<String, String> variables, Clock clock, Sleeper sleeper, ZoneId zone,
                          boolean terminal) {
    /** An environment for tests: these variables, clock and waiting; UTC and no terminal. */
    public Environment(Function<String, String> variables, Clock clock, Sleeper sleeper) {
        this(variables, clock, sleeper, ZoneId.of("UTC"), false);
    }

    public static Environment system() {
        return new Environment(System::getenv, Clock.systemUTC(), Sleeper.REAL,
                SystemZone.utc(System.getProperty("user.timezone"), System.getenv("TZ"), Path.of("/etc/timezone"),
                        Path.of("/etc/localtime")) ? utc() : zone(TimeZone.getDefault()), System.console() != null);
    }

    /**
     * The zone of a TimeZone, as {@link TimeZone#toZoneId()} gives it; UTC (what CI machines mostly run in)
     * as a zone of fixed rules named UTC, which every report prints as the time-zone database's UTC, without
     * reading that database a second time (start-up: about 5 ms of a small report).
     */
    static ZoneId zone(TimeZone tz) {
        String id = tz.getID();
        return SystemZone.isUtc(id) ? utc() : tz.toZoneId();
    }

    private static ZoneId utc() {
        return ZoneId.ofOffset("UTC", ZoneOffset.UTC);
    }

    /** This environment, talking to a terminal or not. */
    public Environment withTerminal(boolean t) {
        return new Environment(variables, clock, sleeper, zone, t);
    }

    /**
     * The POSIX locale of character handling: LC_ALL, else LC_CTYPE, else LANG; "" when none is set. The
     * launcher runs the JVM in a UTF-8 locale when this one is C or POSIX (so that it opens files of any
     * name) and passes the user's own as LEAKSCOPE_CTYPE.
     */
    public String locale() {
        String user = variables.apply("LEAKSCOPE_CTYPE");
        if (user != null) {
            return user;
        }
        for (String name : new String[] {"LC_ALL", "LC_CTYPE", "LANG"}) {
            String v = variables.apply(name);
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        return "";
    }

    /** Whether the locale's character set is UTF-8 (else text reports keep to ASCII where they can). */
    public boolean utf8() {
        String l = locale().toLowerCase(Locale.ROOT);
        return l.contains("utf-8") || l.contains("utf8");
    }

    /** Whether NO_COLOR asks for no colour (set and not empty, as no-color.org defines it). */
    public boolean noColor() {
        String v = variables.apply("NO_COLOR");
        return v != null && !v.isEmpty();
    }
}
