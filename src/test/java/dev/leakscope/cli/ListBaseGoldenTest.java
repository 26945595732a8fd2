package dev.leakscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leakscope.Cli;
import dev.leakscope.TestData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code list --base}'s deltas are pprof's: each recorded {@code go tool pprof -list=. -base B C} of the
 * corpus copy whose name starts with {@value #PREFIX} (values exact: {@code -unit=B}, or counts) is run
 * as {@code leakscope list --format json}, and every routine's and line's flat and cum delta must be the
 * value pprof printed. pprof leaves out what did not change (a routine, or all of them: "no matches
 * found"), so what it leaves out must have a delta of 0 in the listing.
 */
class ListBaseGoldenTest {
    private static final String PREFIX = "list_all_base_";
    private static final Pattern ROUTINE = Pattern.compile("ROUTINE =+ (.*) in (.*)");
    private static final Pattern TOTALS = Pattern.compile(" *(\\S+) +(\\S+) \\(flat, cum\\).*");
    private static final Pattern LINE = Pattern.compile(" *(\\S+) +(\\S+) +(\\d+):.*");

    /** One routine of pprof's listing: flat and cum deltas, per line too (none when its source was not found). */
    private record Listed(long flat, long cum, Map<Long, long[]> lines) {
    }

    @TestFactory
    Stream<DynamicTest> deltasAreThoseOfPprofListBase() {
        List<GoldenCase> cases = cases();
        assertTrue(cases.size() >= 7, "the recorded list --base goldens: " + cases);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> check(c)));
    }

    /** The goldens compare something: a routine that grew only through a callee, with its call line. */
    @Test
    void theGoldensHoldACumOnlyChange() {
        GoldenCase c = cases().stream().filter(g -> g.id().equals("go/map-cache/" + PREFIX + "0_5_bytes")).findFirst()
                .orElseThrow();
        Listed runPhases = pprof(c).get("main.runPhases\u0000example.com/leakdemo/cmd/leakdemo/main.go");
        assertEquals(0, runPhases.flat());
        assertEquals(33557052, runPhases.cum());
        assertEquals(33557052, runPhases.lines().get(74L)[1]);
    }

    private static List<GoldenCase> cases() {
        return GoldenCase.all(TestData.corpusRoot()).stream().filter(c -> c.id().contains("/" + PREFIX)).toList();
    }

    private static void check(GoldenCase c) throws Exception {
        Cli.Result r = Cli.run(c.workDir(), listArgs(c.args()));
        assertEquals(0, r.exitCode(), c + ": " + r.err());
        Map<String, Listed> pprof = c.succeeds() ? pprof(c) : new LinkedHashMap<>();
        JsonNode routines = new ObjectMapper().readTree(r.out()).get("routines");
        int compared = 0;
        for (JsonNode o : routines) {
            String key = o.get("function").asText() + "\u0000" + o.get("file").asText();
            String where = c + ": " + o.get("function").asText();
            Listed p = pprof.remove(key);
            assertEquals(p == null ? 0 : p.flat(), delta(o, "baseFlat", "flat"), where + " flat");
            assertEquals(p == null ? 0 : p.cum(), delta(o, "baseCum", "cum"), where + " cum");
            if (p != null && p.lines().isEmpty()) {
                continue; // pprof found no source: it lists no line
            }
            Map<Long, long[]> lines = p == null ? new TreeMap<>() : new TreeMap<>(p.lines());
            for (JsonNode l : o.get("lines")) {
                long[] v = lines.remove(l.get("line").asLong());
                assertEquals(v == null ? 0 : v[0], delta(l, "base", "flat"), where + ":" + l.get("line") + " flat");
                assertEquals(v == null ? 0 : v[1], delta(l, "baseCum", "cum"), where + ":" + l.get("line") + " cum");
                compared++;
            }
            lines.values().forEach(v -> assertEquals("0 0", v[0] + " " + v[1], where + ": a line pprof lists"));
        }
        assertEquals(Map.of(), pprof, c + ": routines pprof lists and leakscope does not");
        assertTrue(compared > 0, c + ": no line compared");
    }

    private static long delta(JsonNode o, String base, String current) {
        return o.get(current).asLong() - o.get(base).asLong();
    }

    /** pprof's arguments as list's: -list=RE, -source_path, -sample_index and -base; -unit only formats. */
    private static String[] listArgs(List<String> pprofArgs) {
        List<String> args = new ArrayList<>(List.of("list", "--format", "json"));
        String regex = null;
        for (int i = 0; i < pprofArgs.size() - 1; i++) {
            String a = pprofArgs.get(i);
            if (a.startsWith("-list=")) {
                regex = a.substring("-list=".length());
            } else if (a.startsWith("-source_path=")) {
                args.addAll(List.of("--source-path", a.substring("-source_path=".length())));
            } else if (a.startsWith("-sample_index=")) {
                args.addAll(List.of("-i", a.substring("-sample_index=".length())));
            } else if (a.equals("-base")) {
                args.addAll(List.of("--base", pprofArgs.get(++i)));
            } else if (!a.equals("-unit=B")) {
                throw new AssertionError("no list option for pprof's " + a);
            }
        }
        args.add(regex);
        args.add(pprofArgs.get(pprofArgs.size() - 1));
        return args.toArray(new String[0]);
    }

    /** pprof's listing by function and file. */
    private static Map<String, Listed> pprof(GoldenCase c) {
        Map<String, Listed> routines = new LinkedHashMap<>();
        Listed current = null;
        String[] lines = c.expected().split("\n");
        for (int i = 1; i < lines.length; i++) {
            Matcher m = ROUTINE.matcher(lines[i]);
            Matcher line = LINE.matcher(lines[i]);
            if (m.matches()) {
                Matcher t = TOTALS.matcher(lines[++i]);
                assertTrue(t.matches(), c + ": " + lines[i]);
                current = new Listed(exact(t.group(1)), exact(t.group(2)), new TreeMap<>());
                routines.put(m.group(1) + "\u0000" + m.group(2), current);
            } else if (line.matches()) {
                current.lines().put(Long.parseLong(line.group(3)),
                        new long[] {exact(line.group(1)), exact(line.group(2))});
            } else {
                assertTrue(lines[i].startsWith(" Error: "), c + ": " + lines[i]);
            }
        }
        return routines;
    }

    /** A value of an exact golden: a count, or bytes with -unit=B. */
    private static long exact(String v) {
        return v.equals(".") ? 0 : Long.parseLong(v.endsWith("B") ? v.substring(0, v.length() - 1) : v);
    }
}
