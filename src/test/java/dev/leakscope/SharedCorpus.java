package dev.leakscope;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The corpus every developer and CI has beside the repository ({@code ../shared}). Tests that need
 * it fail, loudly, when it is missing: they never pass by skipping.
 */
public final class SharedCorpus {
    private SharedCorpus() {
    }

    public static Path root() {
        String configured = System.getProperty("leakscope.shared");
        Path root = Path.of(configured != null ? configured : "../shared").toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("corpus"))) {
            throw new AssertionError("the shared corpus is missing: expected " + root.resolve("corpus")
                    + " (set -Dleakscope.shared=DIR to point elsewhere)");
        }
        return root;
    }

    public static Path corpus(String first, String... more) {
        return root().resolve("corpus").resolve(Path.of(first, more));
    }
}
