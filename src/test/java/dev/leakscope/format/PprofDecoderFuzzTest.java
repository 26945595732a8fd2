package dev.leakscope.format;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.leakscope.CleanOutcome;
import dev.leakscope.input.Limits;
import java.io.ByteArrayInputStream;

/**
 * profile.proto bytes straight into the decoder and the builder's checks. Seeds (in
 * PprofDecoderFuzzTestInputs/decode) are uncompressed profiles of several producers.
 */
class PprofDecoderFuzzTest {
    @FuzzTest(maxDuration = "10m")
    void decode(byte[] data) {
        CleanOutcome.of(() -> {
            try {
                PprofDecoder.decode(new ByteArrayInputStream(data)).build(Limits.DEFAULT);
            } catch (PprofDecoder.WireException e) {
                CleanOutcome.assertOneLine(e.getMessage());
            }
        });
    }
}
