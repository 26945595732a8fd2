package dev.leakscope;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The full corpus beside the repository ({@code ../shared}, or {@code -Dleakscope.shared=DIR}): the
 * conformance suite runs over it whenever it is there. Without it, those tests are skipped, except in
 * CI ({@code CI=true}, as {@code .ci/run} sets), where a missing corpus is a failure.
 */
public final class SharedCorpus {
    private SharedCorpus() {
    }

    /** The shared folder (holding {@code corpus/}); aborts or fails the calling test when it is missing. */
    public static Path root() {
        Path root = configuredRoot();
        if (!Files.isDirectory(root.resolve("corpus"))) {
            String message = "the shared corpus is missing: expected " + root.resolve("corpus")
                    + " (set -Dleakscope.shared=DIR to point elsewhere)";
            if (requiredByCi()) {
                throw new AssertionError(message + "; CI=true makes the conformance suite mandatory");
            }
            Assumptions.abort(message + "; conformance tests skipped");
        }
        return root;
    }

    /** Whether the shared corpus is there. */
    public static boolean present() {
        return Files.isDirectory(configuredRoot().resolve("corpus"));
    }

    public static Path corpus(String first, String... more) {
        return root().resolve("corpus").resolve(Path.of(first, more));
    }

    static boolean requiredByCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    private static Path configuredRoot() {
        String configured = System.getProperty("leakscope.shared");
        return Path.of(configured != null ? configured : "../shared").toAbsolutePath().normalize();
    }
}
