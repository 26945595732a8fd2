package dev.leakscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** UTC is told without the JVM's TimeZone only where the JVM would say UTC too. */
class SystemZoneTest {
    @TempDir
    Path dir;

    @Test
    void theSystemsZoneIsTheJvms() {
        assertEquals(Environment.zone(TimeZone.getDefault()), Environment.system().zone());
    }

    @Test
    void thePropertyFirstThenTz() {
        Path none = dir.resolve("none");
        assertTrue(SystemZone.utc("UTC", "Asia/Tokyo", none, none));
        assertFalse(SystemZone.utc("Asia/Tokyo", "UTC", none, none));
        assertTrue(SystemZone.utc("", "Etc/UTC", none, none));
        assertTrue(SystemZone.utc(null, ":UTC", none, none));
        assertTrue(SystemZone.utc(null, "posix/Etc/UTC", none, none));
        assertFalse(SystemZone.utc(null, "UTC0", none, none), "a POSIX rule: the JVM's to read");
        assertFalse(SystemZone.utc(null, "Europe/Berlin", none, none));
        assertFalse(SystemZone.utc(null, null, none, none), "nothing says UTC");
    }

    @Test
    void withoutTzTheLinkAndTheTimezoneFileMustAgree() throws IOException {
        Path utcLink = Files.createSymbolicLink(dir.resolve("localtime"), Path.of("/usr/share/zoneinfo/Etc/UTC"));
        Path berlinLink = Files.createSymbolicLink(dir.resolve("berlin"), Path.of("../usr/share/zoneinfo/Europe/Berlin"));
        Path copy = Files.writeString(dir.resolve("copy"), "TZif2");
        Path utcFile = Files.writeString(dir.resolve("timezone"), "Etc/UTC\n");
        Path tokyoFile = Files.writeString(dir.resolve("tokyo"), "Asia/Tokyo\n");
        Path empty = Files.writeString(dir.resolve("empty"), "");
        Path none = dir.resolve("none");
        assertTrue(SystemZone.utc(null, "", none, utcLink));
        assertTrue(SystemZone.utc(null, null, utcFile, utcLink));
        assertTrue(SystemZone.utc(null, null, empty, utcLink));
        assertFalse(SystemZone.utc(null, null, tokyoFile, utcLink));
        assertFalse(SystemZone.utc(null, null, utcFile, berlinLink));
        assertFalse(SystemZone.utc(null, null, utcFile, copy), "a copy of a zone file: the JVM compares contents");
        assertFalse(SystemZone.utc(null, null, utcFile, none));
    }
}
