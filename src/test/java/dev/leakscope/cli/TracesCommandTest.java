package dev.leakscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakscope.Cli;
import dev.leakscope.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TracesCommandTest {
    /** The separator line of pprof's -traces, as a regex. */
    private static final String SEPARATOR = "-----------\\+-+\n";

    /**
     * Without a base, pprof's -traces as recorded from go tool pprof; samples that are the same once merged
     * are one trace, as pprof shows them (a Node profile has many).
     */
    @ParameterizedTest
    @CsvSource({"go/map-cache, golden/traces.out", "node/cache-leak, golden/traces_heap_5.out"})
    void withoutBaseIsPprofTraces(String corpus, String golden) throws Exception {
        Path dir = TestData.corpus(corpus);
        Cli.Result r = Cli.run(dir, "traces", "heap_5.pb.gz");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(Files.readString(dir.resolve(golden)), r.out());
    }

    @Test
    void withBaseTheLeakingStackComesFirst() {
        for (LeakScenarios s : LeakScenarios.ALL) {
            Cli.Result r = Cli.run(TestData.corpus("go", s.scenario()), "traces", "--base", "heap_0.pb.gz",
                    "heap_5.pb.gz");
            assertEquals(0, r.exitCode(), s + ": " + r.err());
            String firstStack = r.out().split(SEPARATOR)[1];
            assertTrue(firstStack.contains(s.function()), s + "\n" + firstStack);
            assertTrue(firstStack.trim().startsWith("+"), s + "\n" + firstStack);
        }
    }

    /** A filter's notice holds for both sides: a function only the current profile has is no "no match". */
    @Test
    void withBaseAFocusOnANewFunctionSaysNothing() {
        Path dir = TestData.corpus("go", "map-cache");
        Cli.Result newOnly = Cli.run(dir, "traces", "--focus", "fmt", "--base", "heap_0.pb.gz", "heap_5.pb.gz");
        assertEquals(0, newOnly.exitCode());
        assertEquals("", newOnly.err());
        assertTrue(newOnly.out().contains("fmt.Sprintf"), newOnly.out());
        Cli.Result none = Cli.run(dir, "traces", "--focus", "nothing-matches", "--base", "heap_0.pb.gz", "heap_5.pb.gz");
        assertEquals("leakscope: warning: Focus expression matched no samples\n", none.err());
    }

    @Test
    void tagFocusRangeKeepsOnlyMatchingSamples() {
        Cli.Result r = Cli.run(TestData.corpus("go", "map-cache"), "traces", "--tag-focus", "bytes=1kB:",
                "heap_5.pb.gz");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("leakscope: warning: tagfocus:Interpreted '1kB:' as range, not regexp\n"), r.err());
        for (String line : r.out().split("\n")) {
            if (line.trim().startsWith("bytes:")) {
                assertTrue(line.matches(".*bytes:  [0-9.]+(kB|MB)"), line);
            }
        }
    }
}
