package dev.leakscope.report.pprof;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ProfileHeaderTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void reportTimeInGoLayout() {
        assertEquals("Nov 14, 2023 at 10:13pm (UTC)", ProfileHeader.goReportTime(1_700_000_000L * SECOND, ZoneId.of("UTC")));
        assertEquals("Nov 14, 2023 at 10:13pm (UTC)",
                ProfileHeader.goReportTime(1_700_000_000L * SECOND, ZoneId.of("Etc/UTC")));
        assertEquals("Jan 1, 1970 at 12:00am (UTC)", ProfileHeader.goReportTime(1, ZoneId.of("UTC")));
        assertEquals("Jul 4, 2026 at 12:05pm (UTC)",
                ProfileHeader.goReportTime(1_783_166_700L * SECOND, ZoneId.of("UTC")));
    }

    @Test
    void otherZonesByTheirAbbreviation() {
        assertEquals("Nov 14, 2023 at 11:13pm (CET)",
                ProfileHeader.goReportTime(1_700_000_000L * SECOND, ZoneId.of("Europe/Berlin")));
        assertEquals("Feb 29, 2024 at 9:00am (JST)",
                ProfileHeader.goReportTime(1_709_164_800L * SECOND, ZoneId.of("Asia/Tokyo")));
    }
}
