package dev.leakscope.format;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.leakscope.CleanOutcome;
import dev.leakscope.input.InputSource;
import dev.leakscope.input.Limits;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;

/** Any bytes as an input file: decompression and format detection, then decoding. */
class ProfileLoaderFuzzTest {
    private static final Limits LIMITS = new Limits(16 << 20);

    @FuzzTest(maxDuration = "10m")
    void load(byte[] data) {
        InputSource source = InputSource.of("-", Path.of("."), new ByteArrayInputStream(data));
        CleanOutcome.of(() -> ProfileLoader.load(source, LIMITS));
    }
}
