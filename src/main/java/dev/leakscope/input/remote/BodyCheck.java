package dev.leakscope.input.remote;

import java.nio.file.Path;

/**
 * Whether a whole received body is a profile: the decoders' question, which this layer cannot answer
 * (a service may answer 200 with a JSON error, or anything else).
 */
@FunctionalInterface
public interface BodyCheck {
    /** Throws an {@code InputException} saying why the body in file, fetched from name, is not a profile. */
    void check(String name, Path file);
}
