package dev.leakscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leakscope.Cli;
import dev.leakscope.JvmLeakProgram;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A series of real class histograms from a running JVM (testdata/jvm-leak's program, jcmd of the
 * test JDK): trend ranks the leaking class first and does not flag the bounded cache; diff of the
 * first and last snapshot agrees.
 */
class JvmHistogramSeriesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SNAPSHOTS = 5;

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void trendAndDiffOfALiveJvmNameTheLeakingClass(@TempDir Path dir) throws Exception {
        String[] files = new String[SNAPSHOTS];
        try (JvmLeakProgram program = JvmLeakProgram.start()) {
            for (int k = 0; k < SNAPSHOTS; k++) {
                program.step();
                files[k] = "histo_" + k + ".txt";
                Path f = Files.writeString(dir.resolve(files[k]), program.histogram());
                // the capture time as the series needs it: one minute per step, not the wall clock
                Files.setLastModifiedTime(f, FileTime.from(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(60L * k)));
            }
        }
        // the cache's row does not change, so only --nodefraction 0 shows it
        Cli.Result r = Cli.run(dir, "trend", "--format=json", "--nodefraction=0", ".");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode trend = JSON.readTree(r.out());
        assertEquals("time", trend.get("order").asText(), r.out());
        JsonNode first = trend.get("rows").get(0);
        assertEquals("leak.Session", first.get("name").asText(), r.out());
        assertTrue(first.get("suspect").asBoolean(), r.out());
        boolean cacheSeen = false;
        for (JsonNode row : trend.get("rows")) {
            if (row.get("name").asText().equals("leak.CacheEntry")) {
                cacheSeen = true;
                assertFalse(row.get("suspect").asBoolean(), row.toString());
            }
        }
        assertTrue(cacheSeen, r.out());

        Cli.Result d = Cli.run(dir, "diff", "--format=json", files[0], files[SNAPSHOTS - 1]);
        assertEquals(0, d.exitCode(), d.err());
        JsonNode rows = JSON.readTree(d.out()).get("rows");
        assertEquals("leak.Session", rows.get(0).get("name").asText(), d.out());
        for (JsonNode row : rows) {
            assertFalse(row.get("name").asText().equals("leak.CacheEntry"), d.out());
        }
        // by instances: 2000 sessions a step, all kept (the map's nodes and keys grow as much)
        Cli.Result n = Cli.run(dir, "diff", "--format=json", "--sample-index=instances", files[0], files[SNAPSHOTS - 1]);
        assertEquals(0, n.exitCode(), n.err());
        long sessions = -1;
        for (JsonNode row : JSON.readTree(n.out()).get("rows")) {
            if (row.get("name").asText().equals("leak.Session")) {
                sessions = row.get("delta").asLong();
            }
        }
        assertEquals((SNAPSHOTS - 1) * 2000L, sessions, n.out());
    }
}
