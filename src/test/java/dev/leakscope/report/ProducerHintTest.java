package dev.leakscope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.leakscope.TestData;
import dev.leakscope.format.ProfileLoader;
import dev.leakscope.input.InputSource;
import dev.leakscope.input.Limits;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProducerHintTest {
    /** The native heap profiles of the corpus hold addresses only; the allocator's library names it. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "gperftools-heapprof|gperftools or tcmalloc (libtcmalloc.so.4.5.10; addresses only, not symbolized)",
        "tcmalloc-sample|gperftools or tcmalloc (libtcmalloc.so.4.5.10; addresses only, not symbolized)",
        "jemalloc|jemalloc (libjemalloc.so.2; addresses only, not symbolized)",
    })
    void nativeAllocatorsAreNamedFromTheirLibrary(String producer, String guess) {
        var p = ProfileLoader.load(InputSource.of(TestData.corpus("native", producer, "cache-leak", "heap_5.heap")),
                Limits.DEFAULT);
        assertEquals(guess, ProducerHint.guess(p));
    }
}
