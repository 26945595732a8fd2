package dev.leakscope.format.jfr;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakscope.SharedCorpus;
import dev.leakscope.input.InputSource;
import dev.leakscope.input.Limits;
import dev.leakscope.profile.Profile;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The JVM keeps at most 256 old-object samples (by default): a recording at that cap says so, since
 * its live_objects no longer grow with the leak (static-list-leak's last dump holds 255); one far from
 * it (the control's 17) does not.
 */
class OldObjectQueueTest {
    private static final String CAP = "old-object samples the JVM keeps";

    @Test
    void aRecordingAtTheCapSaysSo() throws IOException {
        Profile p = JfrRecording.load(InputSource.of(SharedCorpus.corpus("jfr", "static-list-leak").resolve("dump_5.jfr")),
                Limits.DEFAULT);
        assertTrue(p.comments().contains("live_objects: 255 of the at most 256 " + CAP + ": near that cap the count"
                + " stops growing while the leak goes on; compare shares, alloc_space, or raise"
                + " -XX:FlightRecorderOptions:old-object-queue-size"), p.comments().toString());
    }

    @Test
    void aRecordingFarFromTheCapDoesNot() throws IOException {
        for (String dump : new String[] {"control/dump_5.jfr", "static-list-leak/dump_0.jfr"}) {
            Profile p = JfrRecording.load(InputSource.of(SharedCorpus.corpus("jfr").resolve(dump)), Limits.DEFAULT);
            assertFalse(p.comments().stream().anyMatch(c -> c.contains(CAP)), dump + ": " + p.comments());
        }
    }
}
