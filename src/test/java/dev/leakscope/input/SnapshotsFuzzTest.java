package dev.leakscope.input;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.leakscope.CleanOutcome;
import dev.leakscope.load.SnapshotReader;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Any bytes as an argument that may be an archive: detection (tar, zip, compressed tar), member
 * listing, and loading every member as a profile.
 */
class SnapshotsFuzzTest {
    private static final Limits LIMITS = new Limits(16 << 20, 100, Limits.DEFAULT_MAX_STACK_DEPTH,
            Limits.DEFAULT_MAX_LABELS, Limits.DEFAULT_MAX_EXPANSION);

    @FuzzTest(maxDuration = "10m")
    void expand(byte[] data) {
        InputSource source = InputSource.of("-", Path.of("."), new ByteArrayInputStream(data));
        CleanOutcome.of(() -> SnapshotReader.forEach(List.of(source), LIMITS, line -> { }, (member, profile) -> { }));
    }
}
