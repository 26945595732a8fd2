package dev.leakscope.format.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakscope.TestData;
import dev.leakscope.profile.Profile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * jemalloc's heap profile (which pprof cannot read) against the jeprof goldens: the totals of
 * {@code jeprof --text} ("Total: 152.1 MB", "--inuse_objects", "--alloc_space") and the value of
 * every stack in {@code jeprof --collapsed}. jeprof keeps fractions until it prints, leakscope
 * truncates each un-sampled stack as pprof does, so values may be lower by less than 1 per stack.
 */
class JemallocTextTest {
    @ParameterizedTest
    @CsvSource({"cache-leak,0", "cache-leak,1", "cache-leak,2", "cache-leak,3", "cache-leak,4", "cache-leak,5",
        "control,0", "control,1", "control,2", "control,3", "control,4", "control,5"})
    void totalsAgreeWithJeprof(String scenario, int k) throws IOException {
        Path dir = TestData.corpus("native", "jemalloc", scenario);
        Profile p = read(dir.resolve("heap_" + k + ".heap"));
        String expected = firstLine(dir.resolve("golden/jeprof_text_heap_" + k + ".out"));
        assertEquals(expected, String.format(Locale.ROOT, "Total: %.1f MB", total(p, "inuse_space") / 1048576.0));
        if (k == 5) {
            assertEquals(firstLine(dir.resolve("golden/jeprof_text_alloc_space_heap_5.out")),
                    String.format(Locale.ROOT, "Total: %.1f MB", total(p, "alloc_space") / 1048576.0));
            long objects = Long.parseLong(firstLine(dir.resolve("golden/jeprof_text_inuse_objects_heap_5.out"))
                    .replaceAll("\\D", ""));
            long ours = total(p, "inuse_objects");
            assertTrue(ours <= objects && objects - ours <= p.sampleCount(), ours + " vs jeprof's " + objects);
        }
    }

    @ParameterizedTest
    @CsvSource({"cache-leak,0", "cache-leak,5", "control,0", "control,5"})
    void everyStackAgreesWithJeprofCollapsed(String scenario, int k) throws IOException {
        Path dir = TestData.corpus("native", "jemalloc", scenario);
        Profile p = read(dir.resolve("heap_" + k + ".heap"));
        List<Long> jeprof = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("golden/jeprof_collapsed_heap_" + k + ".out"))) {
            jeprof.add(Long.parseLong(line.substring(line.lastIndexOf(' ') + 1)));
        }
        int t = p.sampleTypeIndex("inuse_space");
        List<Long> ours = new ArrayList<>();
        for (int s = 0; s < p.sampleCount(); s++) {
            ours.add(p.value(s, t));
        }
        Collections.sort(jeprof);
        Collections.sort(ours);
        assertEquals(jeprof.size(), ours.size(), "stacks: " + ours + " vs jeprof's " + jeprof);
        for (int i = 0; i < ours.size(); i++) {
            assertTrue(Math.abs(ours.get(i) - jeprof.get(i)) <= 1, ours + " vs jeprof's " + jeprof);
        }
    }

    private static Profile read(Path file) throws IOException {
        var b = LegacyParsers.parse(Files.readAllBytes(file), true);
        assertNotNull(b, file + " not recognised");
        Profile p = b.build();
        assertEquals(null, LegacyParsers.parse(Files.readAllBytes(file), false), "pprof's reading must reject it");
        return p;
    }

    private static long total(Profile p, String type) {
        int t = p.sampleTypeIndex(type);
        long sum = 0;
        for (int s = 0; s < p.sampleCount(); s++) {
            sum += p.value(s, t);
        }
        return sum;
    }

    private static String firstLine(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse("");
    }
}
