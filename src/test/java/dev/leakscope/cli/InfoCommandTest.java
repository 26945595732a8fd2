package dev.leakscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakscope.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InfoCommandTest {
    /** A file or directory named with a terminal escape and a newline: shown escaped, as every report shows names. */
    @ParameterizedTest
    @ValueSource(strings = {"text", "markdown"})
    void controlCharactersInTheNamesGivenAreShownEscaped(String format, @TempDir Path tmp) throws IOException {
        String bad = "red\u001b[31m\nforged";
        Files.copy(Path.of("testdata/map-cache/heap_5.pb.gz"), tmp.resolve(bad + ".pb.gz"));
        Files.createDirectory(tmp.resolve(bad));
        Files.copy(Path.of("testdata/map-cache/heap_0.pb.gz"), tmp.resolve(bad).resolve("heap_0.pb.gz"));
        for (String input : new String[] {bad + ".pb.gz", bad}) {
            Cli.Result r = Cli.run(tmp, "info", "--format", format, input);
            assertEquals(0, r.exitCode(), r.err());
            assertFalse(r.out().contains("\u001b"), r.out());
            assertFalse(r.out().contains("\nforged"), r.out());
            assertTrue(r.out().contains("red\\u001b[31m\\nforged"), r.out());
        }
    }
}
