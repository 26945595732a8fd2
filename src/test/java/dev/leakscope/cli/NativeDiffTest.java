package dev.leakscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leakscope.Cli;
import dev.leakscope.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The native legacy heap profiles (gperftools, tcmalloc, jemalloc) of ../shared/corpus/native. They
 * hold raw addresses, so the leaking site, {@code app::SessionCache::Insert}, is a node of the
 * program's binary: by function, {@code [leaky_*]}, either the row itself (gperftools records the
 * program's frame as leaf) or the row's via (tcmalloc and jemalloc put their own frame at the leaf);
 * by address, the address of a row or its via that the golden symbol table maps to Insert.
 */
class NativeDiffTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @CsvSource({"gperftools-heapprof,leaky_gperf_heapprof", "tcmalloc-sample,leaky_tcmalloc_sample",
        "jemalloc,leaky_jemalloc"})
    void theProgramsBinaryIsInTheFirstThreeRows(String producer, String binary) throws Exception {
        JsonNode rows = diff(producer, "cache-leak", "--granularity=functions");
        assertTrue(inFirstThree(rows, Set.of("[" + binary + "]")), producer + ": " + rows);
    }

    /**
     * By address: the symbol table of the Perl pprof's raw output (pprofperl_raw_heap_5.out) names the
     * return addresses of Insert; pprof moves some to the address before (inside the call instruction),
     * so both count.
     * jemalloc's goldens come from jeprof, which has no raw output: its Insert address was mapped with
     * {@code addr2line -f -e native/bin/leaky_jemalloc 0x22c7} (0x5627e4da52c7 minus the binary's
     * load address 0x5627e4da3000) to app::SessionCache::Insert(int), leaky.cc:38.
     */
    @ParameterizedTest
    @ValueSource(strings = {"gperftools-heapprof", "tcmalloc-sample", "jemalloc"})
    void theLeakingAddressIsInTheFirstThreeRows(String producer) throws Exception {
        Set<String> insert = new HashSet<>();
        if (producer.equals("jemalloc")) {
            insert.add("00005627e4da52c7");
        } else {
            Path raw = TestData.corpus("native", producer, "cache-leak", "golden", "pprofperl_raw_heap_5.out");
            for (String line : Files.readAllLines(raw, java.nio.charset.StandardCharsets.ISO_8859_1)) {
                if (line.matches("0x[0-9a-f]{16} app::SessionCache::Insert\\(int\\).*")) {
                    long a = Long.parseUnsignedLong(line.substring(2, 18), 16);
                    insert.add(String.format("%016x", a));
                    insert.add(String.format("%016x", a - 1));
                }
            }
        }
        assertTrue(insert.size() >= 1, producer);
        JsonNode rows = diff(producer, "cache-leak", "--granularity=addresses");
        boolean found = false;
        for (int i = 0; i < Math.min(3, rows.size()); i++) {
            JsonNode r = rows.get(i);
            String own = r.get("via").isNull() ? r.get("name").asText() : r.get("via").asText();
            found |= r.get("delta").asLong() > 0 && insert.contains(own.split(" ")[0]);
        }
        assertTrue(found, producer + ": " + insert + " in " + rows);
    }

    @ParameterizedTest
    @CsvSource({"gperftools-heapprof,functions", "gperftools-heapprof,addresses", "tcmalloc-sample,functions",
        "tcmalloc-sample,addresses", "jemalloc,functions", "jemalloc,addresses"})
    void controlsTripNoGateAndFlagNoGrowth(String producer, String granularity) throws Exception {
        Cli.Result r = Cli.run(TestData.corpus("native", producer, "control"), "diff", "--format=json",
                "--nodefraction=0", "--granularity=" + granularity, "--fail-on-growth", "5%",
                "--fail-on-node-growth", "5%", "heap_0.heap", "heap_5.heap");
        assertEquals(0, r.exitCode(), producer + ": " + r.err());
        for (JsonNode row : JSON.readTree(r.out()).get("rows")) {
            assertTrue(row.get("delta").asLong() <= 0 || row.get("flags").toString().contains("noise"),
                    producer + " " + row);
        }
    }

    private static boolean inFirstThree(JsonNode rows, Set<String> names) {
        for (int i = 0; i < Math.min(3, rows.size()); i++) {
            JsonNode r = rows.get(i);
            boolean growth = r.get("delta").asLong() > 0 && !r.get("flags").toString().contains("noise");
            if (growth && (names.contains(r.get("name").asText()) || names.contains(r.get("via").asText()))) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode diff(String producer, String scenario, String option) throws Exception {
        Cli.Result r = Cli.run(TestData.corpus("native", producer, scenario), "diff", "--format=json", option,
                "heap_0.heap", "heap_5.heap");
        assertEquals(0, r.exitCode(), r.err());
        return JSON.readTree(r.out()).get("rows");
    }
}
