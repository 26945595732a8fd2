package dev.leakscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakscope.Cli;
import dev.leakscope.TestData;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ListCommandTest {
    @Test
    void showsTheLeakingLineOfEachScenario() {
        for (LeakScenarios s : LeakScenarios.ALL) {
            Path dir = TestData.corpus("go", s.scenario());
            Cli.Result r = Cli.run(dir, "list", s.function(), "--source-path", "src", "heap_5.pb.gz");
            assertEquals(0, r.exitCode(), s + ": " + r.err());
            assertTrue(r.out().contains(s.leakLine()), s + "\n" + r.out());
        }
    }

    @Test
    void withBaseMarksTheLeakingLineAsTheOneThatGrew() {
        for (LeakScenarios s : LeakScenarios.ALL) {
            Path dir = TestData.corpus("go", s.scenario());
            Cli.Result r = Cli.run(dir, "list", s.function(), "--source-path", "src", "--base", "heap_0.pb.gz",
                    "heap_5.pb.gz");
            assertEquals(0, r.exitCode(), s + ": " + r.err());
            String[] marked = Arrays.stream(r.out().split("\n")).filter(l -> l.endsWith("<== grew most"))
                    .toArray(String[]::new);
            assertEquals(1, marked.length, s + "\n" + r.out());
            assertTrue(marked[0].contains(s.leakLine()), s + "\n" + r.out());
        }
    }

    @Test
    void withoutSourcesListsTheSampledLinesWithANotice() {
        Path dir = TestData.corpus("go", "map-cache");
        Cli.Result r = Cli.run(dir, "list", "buildTree", "heap_5.pb.gz");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains(" (no source: could not find file example.com/leakdemo/internal/cache/tree.go"),
                r.out());
        assertTrue(r.out().contains("28MB       28MB     13:\n"), r.out());
    }

    @Test
    void aRegexMatchingNothingIsAnErrorOnStderr() {
        Cli.Result r = Cli.run(TestData.corpus("go", "map-cache"), "list", "noSuchFunction", "heap_5.pb.gz");
        assertEquals(2, r.exitCode());
        assertEquals("", r.out());
        assertTrue(r.err().contains("no matches found for regexp: noSuchFunction"), r.err());
    }

    @Test
    void aRegexThatDoesNotCompileIsAUsageError() {
        Cli.Result r = Cli.run(TestData.corpus("go", "map-cache"), "list", "(", "heap_5.pb.gz");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("leakscope: invalid regex '('"), r.err());
    }
}
