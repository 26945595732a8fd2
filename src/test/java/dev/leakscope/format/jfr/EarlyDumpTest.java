package dev.leakscope.format.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakscope.input.InputSource;
import dev.leakscope.input.Limits;
import dev.leakscope.profile.Profile;
import dev.leakscope.profile.ValueType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A dump taken before the JVM sampled any old object (a baseline right after the start) holds no
 * jdk.OldObjectSample, yet its recording samples them (jdk.ActiveSetting): it has live_objects, zero,
 * so that a series starting with it keeps the live type. A recording with the event disabled has none.
 */
class EarlyDumpTest {
    private static final Path JFR = Path.of("testdata/jvm-leak/jfr");

    @Test
    void aDumpBeforeAnyOldObjectHasLiveObjectsZero() throws IOException {
        Profile p = load("before-any-old-object.jfr.gz");
        assertEquals(List.of("live_objects", "alloc_objects", "alloc_space"), types(p));
        assertEquals("live_objects", p.sampleTypes().get(p.defaultSampleIndex()).type());
        assertEquals(0, p.totals()[0]);
        assertTrue(p.comments().contains("live_objects: 0, no jdk.OldObjectSample though the recording samples them"
                + " (the JVM writes them when the recording is dumped or stops, if it has sampled any)"), p.comments().toString());
    }

    @Test
    void aRecordingWithoutOldObjectSamplingHasNoLiveType() throws IOException {
        Profile p = load("no-old-objects.jfr.gz");
        assertEquals(List.of("alloc_objects", "alloc_space"), types(p));
        assertTrue(p.comments().contains("live_objects: none, the recording has no jdk.OldObjectSample (record it:"
                + " -XX:StartFlightRecording:settings=profile, or jcmd PID JFR.start settings=profile)"),
                p.comments().toString());
    }

    private static Profile load(String name) throws IOException {
        return JfrRecording.load(InputSource.of(JFR.resolve(name)), Limits.DEFAULT);
    }

    private static List<String> types(Profile p) {
        return p.sampleTypes().stream().map(ValueType::type).toList();
    }
}
