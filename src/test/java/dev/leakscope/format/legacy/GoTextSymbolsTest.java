package dev.leakscope.format.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakscope.Cli;
import dev.leakscope.TestData;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * leakscope reads the symbol comments of Go's debug=1 heap text, so {@code top heap_5.txt} names
 * the functions {@code top heap_5.pb.gz} names (pprof shows only {@code <unknown>} for the text).
 *
 * <p>Tolerance: the text holds each stack's raw sampled (count, bytes); pprof's formula un-samples
 * them with the rate the header gives (twice MemProfileRate, halved), the same formula the runtime
 * applies when it writes the proto. Each sample's value is truncated to an integer on both sides,
 * so a node may differ by at most 1 byte (or object) per sample of the profile.
 *
 * <p>One thing the text cannot carry: Go's writer hides the leading runtime frames of a stack
 * (e.g. the runtime/pprof internals that allocate while a profile is written), so those runtime
 * functions exist only in the proto, and their flat value is charged to the first frame the text
 * shows. So: every function of the text is in the proto; the proto's extra functions are all
 * runtime.*; cum values agree within the tolerance for every common function, and flat values
 * for every function that is not the caller of a hidden frame (we check the totals instead).
 */
class GoTextSymbolsTest {
    @ParameterizedTest
    @ValueSource(strings = {"growing-slice", "goroutine-leak", "map-cache", "subslice-retention", "control-churn"})
    void textNamesTheFunctionsTheProtoNames(String scenario) {
        Path dir = TestData.corpus("go", scenario);
        for (String type : new String[] {"inuse_space", "alloc_space", "inuse_objects"}) {
            Map<String, long[]> text = rows(dir, "heap_5.txt", type);
            Map<String, long[]> proto = rows(dir, "heap_5.pb.gz", type);
            assertFalse(text.containsKey("<unknown>"), scenario + " " + type + ": unsymbolised " + text.keySet());
            for (String name : proto.keySet()) {
                assertTrue(text.containsKey(name) || name.startsWith("runtime."),
                        scenario + " " + type + ": " + name + " missing from the text profile");
            }
            for (String name : text.keySet()) {
                assertTrue(proto.containsKey(name), scenario + " " + type + ": " + name + " not in the proto");
            }
            long tolerance = samples(dir);
            long flatText = 0;
            long flatProto = 0;
            for (Map.Entry<String, long[]> e : text.entrySet()) {
                long[] t = e.getValue();
                long[] p = proto.get(e.getKey());
                flatText += t[0];
                flatProto += p[0];
                assertTrue(Math.abs(t[1] - p[1]) <= tolerance,
                        scenario + " " + type + " " + e.getKey() + " cum " + t[1] + " vs " + p[1]);
            }
            long hidden = 0;
            for (Map.Entry<String, long[]> e : proto.entrySet()) {
                if (!text.containsKey(e.getKey())) {
                    hidden += e.getValue()[0];
                }
            }
            assertTrue(Math.abs(flatText - (flatProto + hidden)) <= tolerance,
                    scenario + " " + type + ": flat total " + flatText + " vs " + (flatProto + hidden));
        }
    }

    /** Function name to {flat, cum}, in bytes or counts, from {@code leakscope top}. */
    private static Map<String, long[]> rows(Path dir, String file, String type) {
        Cli.Result r = Cli.run(dir, "top", "--unit=B", "--nodefraction=0", "-n", "0", "-i", type, file);
        assertEquals(0, r.exitCode(), r.err());
        Map<String, long[]> rows = new TreeMap<>();
        boolean body = false;
        for (String line : r.out().split("\n")) {
            if (line.strip().startsWith("flat")) {
                body = true;
                continue;
            }
            if (!body || line.isBlank()) {
                continue;
            }
            String[] f = line.strip().split("\\s+", 6);
            rows.put(f[5], new long[] {number(f[0]), number(f[3])});
        }
        assertFalse(rows.isEmpty(), r.out());
        return rows;
    }

    private static long number(String s) {
        return Long.parseLong(s.replaceAll("[^0-9-]", ""));
    }

    private static long samples(Path dir) {
        Cli.Result r = Cli.run(dir, "info", "heap_5.txt");
        for (String line : r.out().split("\n")) {
            if (line.startsWith("Counts:")) {
                return Long.parseLong(line.replaceAll("^Counts:\\s+(\\d+) samples.*$", "$1"));
            }
        }
        throw new AssertionError(r.out());
    }
}
