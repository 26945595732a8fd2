package dev.leakscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakscope.Cli;
import dev.leakscope.TestData;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code --binary}: the leakscope commands name a native profile's addresses from the program's DWARF,
 * inlined frames and qualified C++ names included, so the leak of each native scenario is named: the
 * ground truth of ../shared/corpus/native is {@code app::SessionCache::Insert}.
 */
class BinaryOptionTest {
    private static final Path NATIVE = TestData.corpus("native");

    private static String binary(String producer) {
        return NATIVE.resolve("bin").resolve(switch (producer) {
            case "gperftools-heapprof" -> "leaky_gperf_heapprof";
            case "tcmalloc-sample" -> "leaky_tcmalloc_sample";
            default -> "leaky_jemalloc";
        }).toString();
    }

    @Test
    void diffNamesTheLeakingMethodFirstForEveryProducer() {
        for (String producer : new String[] {"gperftools-heapprof", "tcmalloc-sample", "jemalloc"}) {
            Path dir = NATIVE.resolve(producer).resolve("cache-leak");
            Cli.Result r = Cli.run(dir, "diff", "-n", "3", "--binary", binary(producer), "heap_0.heap", "heap_5.heap");
            assertEquals(0, r.exitCode(), r.err());
            String first = r.out().lines().filter(l -> l.matches("\\s+1\\s.*")).findFirst().orElse("");
            // sampled producers record the allocator's hook as the leaf: the row names the program frame
            assertTrue(first.endsWith("app::SessionCache::Insert")
                    || first.endsWith("(via app::SessionCache::Insert: 100%)"), producer + ": " + r.out());
            assertEquals("", r.err(), producer);
        }
    }

    @Test
    void withoutTheBinaryAddressesStayUnnamedAndOneLineSaysWhy() {
        Path dir = NATIVE.resolve("gperftools-heapprof").resolve("cache-leak");
        Cli.Result r = Cli.run(dir, "diff", "heap_0.heap", "heap_5.heap");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("[leaky_gperf_heapprof]"), r.out());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("leakscope: warning: cannot symbolize leaky_gperf_heapprof: open "), r.err());
    }

    @Test
    void listShowsTheLineThatGrew() {
        Path dir = NATIVE.resolve("gperftools-heapprof").resolve("cache-leak");
        Cli.Result r = Cli.run(dir, "list", "Insert", "--binary", binary("gperftools-heapprof"),
                "--source-path", NATIVE.resolve("src").toString(), "--base", "heap_0.heap", "heap_5.heap");
        assertEquals(0, r.exitCode(), r.err());
        String grew = r.out().lines().filter(l -> l.contains("<== grew most")).findFirst().orElse("");
        assertTrue(grew.contains(" 38:") && grew.contains("malloc(e->n)"), r.out());
    }

    @Test
    void aMissingBinaryIsAnInputError() {
        Cli.Result r = Cli.run(NATIVE, "top", "--binary", "no-such-binary", "gperftools-heapprof/cache-leak/heap_5.heap");
        assertEquals(2, r.exitCode());
        assertEquals("leakscope: --binary no-such-binary: no such file\n", r.err());
    }
}
