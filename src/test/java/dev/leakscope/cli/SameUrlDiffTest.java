package dev.leakscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leakscope.Cli;
import dev.leakscope.LiveService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * diff URL URL against the real Go service: the one endpoint fetched twice, moments apart, for both sides.
 * Whatever leaks, next to nothing changed in between: stderr warns, and the report says it too, with what
 * to use instead.
 */
class SameUrlDiffTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How far apart the fetches started depends on the machine: only its form is checked. */
    private static final String WARNING = "both sides are %s, fetched [0-9.]+(ns|µs|us|ms|s) apart: the diff shows only"
            + " what changed in that time; to see growth, take snapshots minutes apart \\(leakscope watch URL, or"
            + " leakscope collect then trend\\) or fetch one delta profile over N seconds \\(--seconds N\\)";

    @TempDir
    Path dir;

    @Test
    void oneUrlOnBothSidesIsWarnedOfOnStderrAndInTheReport() throws Exception {
        try (LiveService service = LiveService.start(false)) {
            service.leak(1024);
            String warning = String.format(WARNING, Pattern.quote(service.heap()));
            Cli.Result text = Cli.run(dir, "diff", "--no-save", service.heap(), service.heap());
            assertEquals(0, text.exitCode(), text.err());
            assertTrue(Pattern.compile("(?m)^leakscope: warning: " + warning + "$").matcher(text.err()).find(),
                    text.err());
            assertTrue(Pattern.compile("(?m)^Note: +" + warning + "$").matcher(text.out()).find(), text.out());

            Cli.Result json = Cli.run(dir, "diff", "--no-save", "--format", "json", service.heap(), service.heap());
            List<String> notes = new ArrayList<>();
            JSON.readTree(json.out()).get("notes").forEach(n -> notes.add(n.asText()));
            assertTrue(notes.stream().anyMatch(n -> n.matches(warning)), notes.toString());
        }
    }

    @Test
    void theSameUrlGivenAsBaseIsWarnedOfToo() throws Exception {
        try (LiveService service = LiveService.start(false)) {
            Cli.Result r = Cli.run(dir, "diff", "--no-save", "--base", service.heap(), service.heap());
            assertEquals(0, r.exitCode(), r.err());
            Matcher m = Pattern.compile("leakscope: warning: both sides are " + Pattern.quote(service.heap())
                    + ", fetched ").matcher(r.err());
            assertTrue(m.find(), r.err());
        }
    }

    /** Two endpoints of the service (proto and debug=1 text) are two URLs: nothing to warn of. */
    @Test
    void twoUrlsAreNotWarnedOf() throws Exception {
        try (LiveService service = LiveService.start(false)) {
            Cli.Result r = Cli.run(dir, "diff", "--no-save", service.heap() + "?debug=1", service.heap());
            assertEquals(0, r.exitCode(), r.err());
            assertFalse(r.err().contains("both sides are"), r.err());
            assertFalse(r.out().contains("Note:"), r.out());
        }
    }
}
