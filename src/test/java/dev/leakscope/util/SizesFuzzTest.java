package dev.leakscope.util;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import dev.leakscope.CleanOutcome;

/** Sizes as users type them: a size that parses is never negative. */
class SizesFuzzTest {
    @FuzzTest(maxDuration = "10m")
    void parse(@NotNull String text) {
        CleanOutcome.of(() -> assertTrue(Sizes.parse(text) >= 0, text));
    }
}
