package dev.leakscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakscope.Cli;
import dev.leakscope.TestData;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commands take the zone, locale, colour and terminal from their Environment, never from the machine. */
class EnvironmentTest {
    private static final Path MAP_CACHE = TestData.corpus("go", "map-cache");
    private static final String ESC = "\u001b[";

    @Test
    void colourIsAutoOnATerminalAlwaysOrNever() {
        Map<String, String> none = Map.of();
        assertTrue(run(true, none, "diff", "heap_0.pb.gz", "heap_5.pb.gz").contains(ESC), "auto on a terminal");
        assertFalse(run(false, none, "diff", "heap_0.pb.gz", "heap_5.pb.gz").contains(ESC), "auto off one");
        assertFalse(run(true, Map.of("NO_COLOR", "1"), "diff", "heap_0.pb.gz", "heap_5.pb.gz").contains(ESC),
                "NO_COLOR");
        assertTrue(run(true, Map.of("NO_COLOR", ""), "diff", "heap_0.pb.gz", "heap_5.pb.gz").contains(ESC),
                "an empty NO_COLOR is not set");
        assertFalse(run(true, none, "diff", "--color", "never", "heap_0.pb.gz", "heap_5.pb.gz").contains(ESC),
                "never");
        assertTrue(run(false, Map.of("NO_COLOR", "1"), "diff", "--color=always", "heap_0.pb.gz", "heap_5.pb.gz")
                .contains(ESC), "always");
        assertTrue(run(false, none, "--color", "always", "diff", "heap_0.pb.gz", "heap_5.pb.gz").contains(ESC),
                "before the command");
    }

    @Test
    void aReportWrittenToAFileIsColouredOnlyWhenAlwaysIsAsked(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("diff.txt");
        for (String when : List.of("auto", "always")) {
            assertEquals("", run(true, Map.of(), "diff", "--color", when, "--output", file.toString(), "heap_0.pb.gz",
                    "heap_5.pb.gz"));
            assertEquals(when.equals("always"), Files.readString(file).contains(ESC), when);
        }
    }

    @Test
    void anUnknownColourIsAUsageErrorOfEveryCommand() {
        for (String command : List.of("diff", "top", "info")) {
            Cli.Result r = Cli.run(MAP_CACHE, command, "--color", "sometimes", "heap_0.pb.gz", "heap_5.pb.gz");
            assertEquals(2, r.exitCode(), command);
            assertEquals("", r.out(), command);
            assertEquals("leakscope: unknown --color 'sometimes' (use auto, always or never)\n", r.err(), command);
        }
        assertEquals(2, Cli.run(MAP_CACHE, "--color=yes", "top", "heap_5.pb.gz").exitCode());
        assertEquals(0, Cli.run(MAP_CACHE, "--color=NEVER", "top", "heap_5.pb.gz").exitCode());
    }

    @Test
    void timesAreInTheEnvironmentsZone() {
        Environment tokyo = new Environment(Map.<String, String>of()::get, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC),
                d -> { }, ZoneId.of("Asia/Tokyo"), false);
        StringWriter out = new StringWriter();
        int code = Main.run(new String[] {"info", "heap_5.pb.gz"}, MAP_CACHE, new ByteArrayInputStream(new byte[0]),
                new PrintWriter(out), new PrintWriter(new StringWriter()), false, tokyo);
        assertEquals(0, code);
        assertTrue(out.toString().contains("Time:        2026-11-21 22:49:49.948908264 +0900 JST"), out.toString());
    }

    @Test
    void theLocaleComesFromItsVariables() {
        assertTrue(env(Map.of("LANG", "C", "LC_CTYPE", "en_US.UTF-8")).utf8());
        assertFalse(env(Map.of("LC_ALL", "C", "LANG", "en_US.UTF-8")).utf8());
        assertFalse(env(Map.of()).utf8());
        assertEquals("de_DE.utf8", env(Map.of("LANG", "de_DE.utf8")).locale());
        assertFalse(env(Map.of("LEAKSCOPE_CTYPE", "", "LC_CTYPE", "C.UTF-8")).utf8(), "the launcher's C.UTF-8");
        assertEquals("POSIX", env(Map.of("LEAKSCOPE_CTYPE", "POSIX", "LC_ALL", "C.UTF-8")).locale());
    }

    private static Environment env(Map<String, String> variables) {
        return new Environment(variables::get, Clock.systemUTC(), d -> { });
    }

    private static String run(boolean terminal, Map<String, String> variables, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, MAP_CACHE, new ByteArrayInputStream(new byte[0]), new PrintWriter(out),
                new PrintWriter(err), terminal, env(variables));
        assertEquals(0, code, List.of(args) + ": " + err);
        return out.toString();
    }

    @Test
    void theSystemsUtcPrintsAsTheDatabasesUtc() {
        for (String id : List.of("UTC", "Etc/UTC", "Asia/Tokyo", "America/New_York")) {
            ZoneId zone = Environment.zone(TimeZone.getTimeZone(id));
            ZonedDateTime t = Instant.ofEpochSecond(1_700_000_000L, 5).atZone(zone);
            ZonedDateTime db = Instant.ofEpochSecond(1_700_000_000L, 5).atZone(ZoneId.of(id));
            for (String pattern : List.of("zzz", "z", "zzzz", "xx", "yyyy-MM-dd HH:mm:ss.SSS z")) {
                for (Locale locale : List.of(Locale.ENGLISH, Locale.ROOT)) {
                    DateTimeFormatter f = DateTimeFormatter.ofPattern(pattern, locale);
                    assertEquals(f.format(db), f.format(t), id + " " + pattern);
                }
            }
            assertEquals(db.toLocalDateTime(), t.toLocalDateTime(), id);
        }
    }
}
