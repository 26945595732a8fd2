package dev.leakscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakscope.Cli;
import dev.leakscope.SharedCorpus;
import dev.leakscope.TestData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays every recorded {@code go tool pprof} command of the repository's corpus copy and of the shared
 * corpus (when it is there) through
 * {@code leakscope pprof} in this JVM and compares stdout byte for byte (and success or failure).
 *
 * <p>Cases that leakscope cannot reproduce yet are listed, with the reason, in {@code golden-gaps.txt}
 * beside this class. A listed case must still fail: when it starts passing, the test says so, and the
 * entry has to go. So the list only ever shrinks.
 */
class PprofGoldenTest {
    private static final List<Gap> GAPS = loadGaps();
    private static final Map<String, int[]> TALLY = new TreeMap<>();

    private record Gap(Pattern pattern, String reason) {
    }

    /** The goldens copied into the repository: they run on every clone. */
    @TestFactory
    Stream<DynamicTest> repositoryGoldens() {
        return GoldenCase.all(TestData.corpusRoot()).stream()
                .map(c -> DynamicTest.dynamicTest(c.toString(), () -> check(c)));
    }

    /** The conformance suite: every other golden of the shared corpus, whenever it is there (in CI it must be). */
    @TestFactory
    Stream<DynamicTest> sharedCorpusGoldens() {
        Set<String> inRepository = new HashSet<>();
        GoldenCase.all(TestData.corpusRoot()).forEach(c -> inRepository.add(c.id()));
        return GoldenCase.all(SharedCorpus.corpus(".")).stream().filter(c -> !inRepository.contains(c.id()))
                .map(c -> DynamicTest.dynamicTest(c.toString(), () -> check(c)));
    }

    @Test
    void repositoryHasGoldensOfEveryProducerButPprof() {
        List<GoldenCase> all = GoldenCase.all(TestData.corpusRoot());
        for (String corpus : List.of("go", "node", "java-asprof", "native")) {
            assertTrue(all.stream().anyMatch(c -> c.corpus().equals(corpus)), "no golden case from " + corpus);
        }
        assertTrue(all.stream().noneMatch(c -> c.corpus().equals("pprof")), "corpus/pprof stays outside the repository");
    }

    @Test
    void sharedCorpusIsComplete() {
        List<GoldenCase> all = GoldenCase.all(SharedCorpus.corpus("."));
        assertTrue(all.size() > 800, "expected the whole corpus, found " + all.size() + " cases");
        for (String corpus : List.of("go", "pprof", "node", "java-asprof", "native")) {
            assertTrue(all.stream().anyMatch(c -> c.corpus().equals(corpus)), "no golden case from " + corpus);
        }
    }

    private static void check(GoldenCase c) {
        List<String> args = new ArrayList<>();
        args.add("pprof");
        args.addAll(c.args());
        Cli.Result r = Cli.run(c.workDir(), args.toArray(new String[0]));
        String out = r.out().replace(c.workDir().toString(), "<CWD>");
        boolean passed = out.equals(c.expected()) && (r.exitCode() == 0) == c.succeeds();
        Gap gap = gapFor(c);
        synchronized (TALLY) {
            int[] t = TALLY.computeIfAbsent(c.corpus(), k -> new int[3]);
            t[passed ? 0 : gap != null ? 1 : 2]++;
        }
        if (gap != null) {
            assertFalse(passed, c + " now passes: remove it from golden-gaps.txt (" + gap.reason() + ")");
            return;
        }
        assertEquals(c.succeeds() ? 0 : 1, Math.min(r.exitCode(), 1), c + ": exit code; stderr: " + r.err());
        assertEquals(c.expected(), out, c + "\nstderr: " + r.err());
        assertNotEquals(null, out);
    }

    private static Gap gapFor(GoldenCase c) {
        String key = c.toString();
        for (Gap g : GAPS) {
            if (g.pattern().matcher(key).find()) {
                return g;
            }
        }
        return null;
    }

    private static List<Gap> loadGaps() {
        List<Gap> gaps = new ArrayList<>();
        try (InputStream in = PprofGoldenTest.class.getResourceAsStream("golden-gaps.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", 2);
                gaps.add(new Gap(Pattern.compile(parts[0]), parts.length > 1 ? parts[1] : ""));
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return gaps;
    }

    @AfterAll
    static void summary() {
        StringBuilder sb = new StringBuilder("pprof golden cases (passed / known gaps / failed):");
        TALLY.forEach((k, v) -> sb.append(String.format("%n  %-12s %4d / %4d / %4d", k, v[0], v[1], v[2])));
        System.out.println(sb);
    }
}
