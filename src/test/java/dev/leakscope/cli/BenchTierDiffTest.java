package dev.leakscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leakscope.Cli;
import dev.leakscope.SharedCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code diff} with its default cut on the generated benchmark tiers (../shared/bench/genprofile.py,
 * fixed seeds, made into target/ on first use): the planted leaks are the first three rows, and every
 * change of the generator's {@code expected_diff_top} is shown with its exact delta, although each is
 * a tiny fraction of the tens of GB the profiles hold.
 */
class BenchTierDiffTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"S", "M"})
    void plantedLeaksComeFirstAndTheExpectedChangesAreShown(String tier) throws Exception {
        Path dir = generate(tier);
        Cli.Result r = Cli.run(dir, "diff", "--format=json", "-n", "20", tier + ".base.pb.gz", tier + ".cur.pb.gz");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode rows = JSON.readTree(r.out()).get("rows");
        Map<String, Long> shown = new HashMap<>();
        for (JsonNode row : rows) {
            // Go frames are all the program's own code, whatever mapping the generator gives them
            assertTrue(row.get("via").isNull(), row.toString());
            shown.put(row.get("name").asText().replaceFirst(" \\((partial-)?inline\\)$", ""), row.get("delta").asLong());
        }
        JsonNode truth = JSON.readTree(dir.resolve(tier + ".truth.json").toFile());
        JsonNode leaks = truth.get("leaks");
        for (int i = 0; i < leaks.size(); i++) {
            String name = rows.get(i).get("name").asText();
            boolean isLeak = false;
            for (JsonNode leak : leaks) {
                isLeak |= leak.get("function").asText().equals(name);
            }
            assertTrue(isLeak, tier + ": row " + (i + 1) + " is " + name + ", not a planted leak");
        }
        for (JsonNode expected : truth.get("expected_diff_top")) {
            String f = expected.get("function").asText();
            assertEquals(expected.get("delta_flat_inuse_space").asLong(), shown.get(f), tier + ": " + f + " in " + shown);
        }
    }

    /** The tier's base/cur pair and truth, generated once into target/bench-tiers. */
    static Path generate(String tier) throws IOException, InterruptedException {
        Path dir = Path.of("target", "bench-tiers").toAbsolutePath();
        if (!Files.exists(dir.resolve(tier + ".truth.json"))) {
            Files.createDirectories(dir);
            Path generator = SharedCorpus.root().resolve("bench").resolve("genprofile.py");
            Process p = new ProcessBuilder("python3", generator.toString(), "--tier", tier, "--seed", "1",
                    "--pair", dir.resolve(tier).toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertEquals(0, p.waitFor(), "genprofile.py --tier " + tier + " failed");
        }
        return dir;
    }
}
