package dev.leakscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakscope.Cli;
import dev.leakscope.LiveService;
import dev.leakscope.input.Limits;
import dev.leakscope.input.remote.FetchedProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --seconds N against the real Go service's heap: Go publishes an allocation in its heap profile only once a
 * garbage collection has completed after it, and runs none for a delta profile, so a delta over a second of
 * an idle service with a big heap is empty, with or without --gc (which Go ignores there). The report alone
 * would read as "nothing grew": stderr says why and what to use.
 */
class EmptyHeapDeltaTest {
    private static final String WHY = ": the delta profile over --seconds 1 is empty: Go's heap profile counts an"
            + " allocation only once a garbage collection has completed after it, and Go runs none for a delta profile"
            + " (--gc applies to a plain heap profile only); to see what grows, compare two --gc snapshots taken"
            + " apart (leakscope watch --gc URL, or leakscope collect --gc then trend), or give --seconds long enough"
            + " for collections to run\n";

    @TempDir
    Path dir;

    @Test
    void anEmptyHeapDeltaSaysWhyWithOrWithoutGc() throws Exception {
        try (LiveService service = LiveService.start(false)) {
            // a heap of 32 MB after a collection: the next one is due only after as much again is allocated
            service.leak(32 * 1024);
            service.get("/debug/pprof/heap?gc=1");
            for (boolean gc : new boolean[] {false, true}) {
                Cli.Result r = gc ? Cli.run(dir, "top", "--no-save", "--gc", "--seconds", "1", service.heap())
                        : Cli.run(dir, "top", "--no-save", "--seconds", "1", service.heap());
                assertEquals(0, r.exitCode(), r.err());
                assertTrue(r.out().contains("Total samples = 0"), r.out());
                assertTrue(r.err().contains("leakscope: warning: " + service.heap() + WHY), r.err());
            }
        }
    }

    /** collect --seconds keeps each empty delta, and says of each what top says of one. */
    @Test
    void collectSaysOfEachEmptyHeapDeltaWhy() throws Exception {
        try (LiveService service = LiveService.start(false)) {
            service.leak(32 * 1024);
            service.get("/debug/pprof/heap?gc=1");
            Cli.Result r = Cli.run(dir, "collect", "--seconds", "1", "--every", "1ms", "--count", "2", "--out", "snaps",
                    service.heap());
            assertEquals(0, r.exitCode(), r.err());
            String warning = "leakscope: warning: " + service.heap() + WHY.strip();
            assertEquals(2, r.err().lines().filter(warning::equals).count(), r.err());
        }
    }

    /** pprof's -seconds asks for the delta as --seconds does (Go's flags read the two alike), with the same warning. */
    @Test
    void pprofsSecondsFlagIsLeakscopesSeconds() throws Exception {
        try (LiveService service = LiveService.start(false)) {
            service.leak(32 * 1024);
            service.get("/debug/pprof/heap?gc=1");
            for (String flag : new String[] {"-seconds", "--seconds", "-seconds=1"}) {
                Cli.Result r = flag.contains("=") ? Cli.run(dir, "pprof", "--no-save", flag, "-top", service.heap())
                        : Cli.run(dir, "pprof", "--no-save", flag, "1", "-top", service.heap());
                assertEquals(0, r.exitCode(), flag + ": " + r.err());
                assertTrue(r.out().matches("(?s).*\nDuration: [0-9.]+s, Total samples = 0 \n.*"), flag + ": " + r.out());
                assertTrue(r.err().contains("leakscope: warning: " + service.heap() + WHY), flag + ": " + r.err());
            }
        }
    }

    /** Another profile's empty delta (no goroutine started or ended) is what happened: nothing to say. */
    @Test
    void anEmptyGoroutineDeltaIsNotWarnedOf() throws Exception {
        try (LiveService service = LiveService.start(false)) {
            Cli.Result r = Cli.run(dir, "top", "--no-save", "--seconds", "1", service.url() + "/debug/pprof/goroutine");
            assertEquals(0, r.exitCode(), r.err());
            assertFalse(r.err().contains("warning"), r.err());
        }
    }

    @Test
    void aHeapProfileWithValuesIsNotWarnedOf() throws Exception {
        Path heap = Path.of("testdata/map-cache/heap_5.pb.gz");
        FetchedProfile fetched = new FetchedProfile("http://127.0.0.1:1/debug/pprof/heap", Instant.EPOCH, heap,
                Files.size(heap), false);
        assertTrue(EmptyHeapDelta.warning(fetched, 1, Limits.DEFAULT).isEmpty());
    }
}
