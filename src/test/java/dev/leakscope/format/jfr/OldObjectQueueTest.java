package dev.leakscope.format.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.leakscope.SharedCorpus;
import dev.leakscope.input.InputSource;
import dev.leakscope.input.Limits;
import dev.leakscope.profile.Profile;
import dev.leakscope.profile.SampleCap;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The JVM keeps at most 256 old-object samples (by default): a recording at that cap says so, since
 * its live_objects no longer grow with the leak (static-list-leak's last dump holds 255); one far from
 * it (the control's 17) does not.
 */
class OldObjectQueueTest {
    private static final String CAP = "near that cap the count stops growing";

    @Test
    void aRecordingAtTheCapSaysSoOnce() throws IOException {
        Profile p = JfrRecording.load(InputSource.of(SharedCorpus.corpus("jfr", "static-list-leak").resolve("dump_5.jfr")),
                Limits.DEFAULT);
        assertEquals(List.of("Sample cap: 255 of at most 256 kept (live_objects; the JVM's old-object queue: " + CAP
                + " while the leak goes on; compare shares, alloc_space, or raise"
                + " -XX:FlightRecorderOptions:old-object-queue-size)"),
                p.comments().stream().filter(c -> c.contains("256")).toList());
        assertEquals(new SampleCap(255, 256, List.of("live_objects")), SampleCap.of(p));
    }

    @Test
    void aRecordingFarFromTheCapDoesNot() throws IOException {
        for (String dump : new String[] {"control/dump_5.jfr", "static-list-leak/dump_0.jfr"}) {
            Profile p = JfrRecording.load(InputSource.of(SharedCorpus.corpus("jfr").resolve(dump)), Limits.DEFAULT);
            assertFalse(p.comments().stream().anyMatch(c -> c.contains(CAP)), dump + ": " + p.comments());
        }
    }
}
