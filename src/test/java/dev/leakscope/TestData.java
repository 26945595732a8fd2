package dev.leakscope;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Profiles and goldens shipped in the repository ({@code testdata/corpus}): a small copy of the shared
 * corpus with the same layout, so every default test runs on a fresh clone with nothing beside it.
 */
public final class TestData {
    private TestData() {
    }

    /** The repository's copy of the corpus. */
    public static Path corpusRoot() {
        String configured = System.getProperty("leakscope.testdata");
        Path root = Path.of(configured != null ? configured : "testdata").resolve("corpus").toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new AssertionError("testdata/corpus is missing from the repository: expected " + root);
        }
        return root;
    }

    /** A file or folder of the copy, named as in the shared corpus (e.g. {@code go/map-cache}). */
    public static Path corpus(String first, String... more) {
        return corpusRoot().resolve(Path.of(first, more));
    }
}
