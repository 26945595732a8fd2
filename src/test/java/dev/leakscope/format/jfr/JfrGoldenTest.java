package dev.leakscope.format.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.leakscope.SharedCorpus;
import dev.leakscope.input.InputSource;
import dev.leakscope.input.Limits;
import dev.leakscope.profile.Profile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every recording of ../shared/corpus/jfr against what the JDK's own tools say about it: the newest
 * jdk.OldObjectSample emission of {@code jfr print} (golden/oldobj_dump_K.out) and the digest of
 * src/tools/JfrLeakSummary.java (golden/digest_dump_K.out: that emission by type and first
 * non-JDK frame, and by static root; the allocation samples' total weight).
 */
class JfrGoldenTest {
    static Stream<Path> recordings() throws IOException {
        Path jfr = SharedCorpus.corpus("jfr");
        List<Path> all = new java.util.ArrayList<>();
        for (String scenario : List.of("static-list-leak", "static-list-leak-jdk25", "control")) {
            for (int k = 0; k <= 5; k++) {
                all.add(jfr.resolve(scenario).resolve("dump_" + k + ".jfr"));
            }
        }
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("recordings")
    void newestEmissionAsJfrPrintShowsIt(Path dump) throws IOException {
        Profile p = JfrRecording.load(InputSource.of(dump), Limits.DEFAULT);
        String print = Files.readString(golden(dump, "oldobj"));
        // jfr print gives start times to the millisecond; the newest emission is the latest one.
        List<String> starts = Pattern.compile("(?m)^jdk\\.OldObjectSample \\{\\n  startTime = (\\S+)").matcher(print)
                .results().map(m -> m.group(1)).toList();
        String newest = starts.stream().max(String::compareTo).orElseThrow();
        long expected = starts.stream().filter(newest::equals).count();
        assertEquals(expected, p.totals()[p.sampleTypeIndex("live_objects")], dump.toString());
    }

    @ParameterizedTest
    @MethodSource("recordings")
    void newestEmissionByTypeAndFrameAsTheDigestShowsIt(Path dump) throws IOException {
        Profile p = JfrRecording.load(InputSource.of(dump), Limits.DEFAULT);
        List<String> digest = Files.readAllLines(golden(dump, "digest"));
        assertEquals(section(digest, "last emission: count by (object type"), byTypeAndFrame(p), dump.toString());
        Map<String, Long> roots = section(digest, "last emission: count by static holder");
        Map<String, Long> statics = new TreeMap<>();
        roots.forEach((k, v) -> {
            if (k.endsWith(" (static)")) {
                statics.put(k.replace(" (static)", ""), v);
            }
        });
        assertEquals(statics, staticRoots(byRoot(p)), dump.toString());
        long weight = digest.stream().map(l -> Pattern.compile("total weight (\\d+) bytes").matcher(l))
                .filter(Matcher::find).mapToLong(m -> Long.parseLong(m.group(1))).findFirst().orElseThrow();
        assertEquals(weight, p.totals()[p.sampleTypeIndex("alloc_space")], dump.toString());
    }

    private static Path golden(Path dump, String kind) {
        String name = dump.getFileName().toString().replace(".jfr", "");
        return dump.resolveSibling("golden").resolve(kind + "_" + name + ".out");
    }

    /** The "  count  key" lines under the heading that starts with title. */
    private static Map<String, Long> section(List<String> lines, String title) {
        Map<String, Long> m = new TreeMap<>();
        int i = 0;
        while (!lines.get(i).startsWith(title)) {
            i++;
        }
        for (i++; i < lines.size() && lines.get(i).startsWith("  "); i++) {
            String[] parts = lines.get(i).strip().split("\\s+", 2);
            m.put(parts[1], Long.parseLong(parts[0]));
        }
        return m;
    }

    /** The digest's key: "TYPE @ first non-JDK frame class.method:line" (the JVM's type name). */
    private static Map<String, Long> byTypeAndFrame(Profile p) {
        int live = p.sampleTypeIndex("live_objects");
        Map<String, Long> m = new TreeMap<>();
        int[] stack = p.stackBuffer();
        for (int s = 0; s < p.sampleCount(); s++) {
            if (p.value(s, live) == 0) {
                continue;
            }
            int depth = p.stack(s, stack);
            int k = 0;
            if (p.stringLabel(s, "gc_root") != null) {
                k++;
            }
            String type = name(p, stack[k]);
            String frame = null;
            String firstFrame = null;
            for (int i = k + 1; i < depth; i++) {
                int l = stack[i];
                String f = name(p, l).replace('/', '.') + ":" + p.lineNumber(p.lineStart(l));
                firstFrame = firstFrame == null ? f : firstFrame;
                if (frame == null && !f.matches("(java|jdk|sun)\\..*")) {
                    frame = f;
                }
            }
            String where = frame != null ? frame : firstFrame != null ? firstFrame : "<empty>";
            m.merge(jvmName(type) + " @ " + where, p.value(s, live), Long::sum);
        }
        return m;
    }

    private static Map<String, Long> byRoot(Profile p) {
        int live = p.sampleTypeIndex("live_objects");
        Map<String, Long> m = new TreeMap<>();
        for (int s = 0; s < p.sampleCount(); s++) {
            String root = p.stringLabel(s, "gc_root");
            if (p.value(s, live) > 0 && root != null) {
                m.merge(root, p.value(s, live), Long::sum);
            }
        }
        return m;
    }

    /** The static fields among the roots; the others name the GC root ("VM Global: Global Object Handle"). */
    private static Map<String, Long> staticRoots(Map<String, Long> roots) {
        Map<String, Long> m = new TreeMap<>();
        roots.forEach((k, v) -> {
            if (k.matches("[\\w.$]+")) {
                m.put(k, v);
            }
        });
        return m;
    }

    private static String name(Profile p, int location) {
        return p.functionName(p.lineFunction(p.lineStart(location)));
    }

    /** byte[] as [B, java.lang.Object[] as [Ljava.lang.Object; (the digest prints the JVM's names). */
    private static String jvmName(String type) {
        int dims = 0;
        String t = type;
        while (t.endsWith("[]")) {
            dims++;
            t = t.substring(0, t.length() - 2);
        }
        if (dims == 0) {
            return type;
        }
        String element = switch (t) {
            case "byte" -> "B";
            case "char" -> "C";
            case "double" -> "D";
            case "float" -> "F";
            case "int" -> "I";
            case "long" -> "J";
            case "short" -> "S";
            case "boolean" -> "Z";
            default -> "L" + t + ";";
        };
        return "[".repeat(dims) + element;
    }
}
