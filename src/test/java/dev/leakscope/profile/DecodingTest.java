package dev.leakscope.profile;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DecodingTest {
    @Test
    void twoProfilesDecodingAtOnceAreSeveral() {
        try (Decoding a = Decoding.start(); Decoding b = Decoding.start()) {
            assertTrue(Decoding.several());
        }
    }
}
