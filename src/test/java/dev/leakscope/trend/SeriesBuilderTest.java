package dev.leakscope.trend;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakscope.TestProfiles;
import dev.leakscope.format.ProfileLoader;
import dev.leakscope.graph.Granularity;
import dev.leakscope.input.InputSource;
import dev.leakscope.input.Limits;
import dev.leakscope.profile.Profile;
import dev.leakscope.util.InputException;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SeriesBuilderTest {
    private static Profile profile(String type, String unit) {
        TestProfiles p = new TestProfiles().sampleType(type, unit).function(1, "main.main", "m.go")
                .location(1, 0x10, 1).sample(new long[] {1}, 1);
        return ProfileLoader.load(InputSource.of("-", Path.of("."), new ByteArrayInputStream(p.bytes())),
                Limits.DEFAULT);
    }

    /**
     * A directory mixing heap and goroutine profiles (the corpus's go/goroutine-leak): once more
     * snapshots lack the series' type than the builder first made room for, the error groups them by their types.
     */
    @Test
    void manySnapshotsLackingTheTypeAreAnInputErrorNotACrash() {
        SeriesBuilder b = new SeriesBuilder(Granularity.FUNCTIONS, false, false, Profile::defaultSampleIndex);
        b.add(0, "heap_0", profile("inuse_space", "bytes"));
        for (int k = 0; k < 20; k++) {
            b.add(0, "goroutine_" + k, profile("goroutine", "count"));
        }
        b.add(0, "heap_1", profile("inuse_space", "bytes"));
        InputException e = assertThrows(InputException.class, b::build);
        assertTrue(e.getMessage().contains("goroutine_2 and 17 more have [goroutine/count]"), e.getMessage());
    }
}
