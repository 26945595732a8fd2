package dev.leakscope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shape of the code, read from the compiled classes' constant pools: packages follow the data
 * flow and each references only packages at or before its own layer; analysis and report packages
 * neither read inputs nor reach the clock, the zone, the environment or the standard streams.
 * A new package must join {@link #LAYERS}.
 */
class ArchitectureTest {
    /** The packages in data-flow order; packages on one line are one layer. */
    static final List<List<String>> LAYERS = List.of(
            List.of("util", "proto"),
            List.of("input", "input.remote", "binary"),
            List.of("profile"),
            List.of("format", "format.legacy", "format.jfr", "format.histogram"),
            List.of("profile.transform"),
            List.of("symbolize"),
            List.of("load"),
            List.of("graph"),
            List.of("diff", "focus", "trend"),
            List.of("report.pprof"),
            List.of("report", "report.html"),
            List.of("cli"));

    /** Packages that compute and render from profiles handed to them. */
    static final Set<String> PURE = Set.of("graph", "diff", "focus", "trend", "report", "report.pprof", "report.html");

    /** Input packages the pure ones must not reference. */
    static final List<String> INPUT_PACKAGES = List.of("input", "format", "load");

    /**
     * Members that reach ambient state: only cli's Environment (and Main, which hands the process's
     * streams and Environment to the commands) may touch them.
     */
    static final List<String> AMBIENT = List.of("java/lang/System.getenv", "java/lang/System.out",
            "java/lang/System.err", "java/lang/System.in", "java/lang/System.currentTimeMillis",
            "java/time/ZoneId.systemDefault", "java/time/Instant.now", "java/time/Clock.systemDefaultZone",
            "java/time/Clock.systemUTC", "java/util/Locale.getDefault", "java/util/TimeZone.getDefault");

    /** The classes that read ambient state for everyone else. */
    static final Set<String> AMBIENT_OWNERS = Set.of("cli/Environment", "cli/Main");

    /**
     * What else the pure packages may not reach: the process's properties, console and monotonic clock,
     * and the clock and zone through the java.time types; they are handed what they need.
     */
    static final List<String> PURE_AMBIENT = List.of("java/lang/System.getProperty", "java/lang/System.getProperties",
            "java/lang/System.console", "java/lang/System.nanoTime", "java/io/Console", "java/lang/ProcessHandle",
            "java/time/LocalDate.now", "java/time/LocalTime.now", "java/time/LocalDateTime.now",
            "java/time/OffsetDateTime.now", "java/time/ZonedDateTime.now", "java/time/Clock.system");

    private static final Path CLASSES = Path.of("target/classes/dev/leakscope");

    @Test
    void everyPackageIsInALayer() throws IOException {
        Set<String> missing = new TreeSet<>();
        for (Path c : classes()) {
            if (layer(pkg(c)) < 0) {
                missing.add(pkg(c));
            }
        }
        assertEquals(Set.of(), missing, "add new packages to ArchitectureTest.LAYERS in data-flow order");
    }

    @Test
    void packagesReferenceOnlyEarlierLayersAndPureOnesNoInputsOrAmbientState() throws IOException {
        List<String> breaches = new ArrayList<>();
        for (Path c : classes()) {
            String from = pkg(c);
            int layer = layer(from);
            for (String ref : references(c)) {
                String to = ref.startsWith("dev/leakscope/") ? packageOf(ref) : null;
                String what = relative(c) + " -> " + ref;
                if (to != null && layer(to) > layer) {
                    breaches.add(what + " (a later layer)");
                }
                if (PURE.contains(from) && to != null && INPUT_PACKAGES.stream().anyMatch(p -> isIn(to, p))) {
                    breaches.add(what + " (analysis and reports do not read inputs)");
                }
                if (!AMBIENT_OWNERS.contains(relative(c).replaceAll("\\$.*", ""))
                        && AMBIENT.stream().anyMatch(ref::startsWith)) {
                    breaches.add(what + " (ambient state belongs to cli's Environment)");
                }
                if (PURE.contains(from) && PURE_AMBIENT.stream().anyMatch(ref::startsWith)) {
                    breaches.add(what + " (analysis and reports are handed the time, zone and settings)");
                }
            }
        }
        assertEquals(List.of(), breaches);
    }

    @Test
    void theCheckSeesReferences() throws IOException {
        // A guard for the guard: the reader finds what cli is known to reference.
        Path main = CLASSES.resolve("cli/Main.class");
        assertTrue(references(main).stream().anyMatch(r -> r.startsWith("dev/leakscope/")), "references of Main");
        Path env = CLASSES.resolve("cli/Environment.class");
        assertTrue(references(env).contains("java/util/TimeZone.getDefault"), "members Environment reaches");
    }

    private static boolean isIn(String pkg, String root) {
        return pkg.equals(root) || pkg.startsWith(root + ".");
    }

    private static int layer(String pkg) {
        for (int i = 0; i < LAYERS.size(); i++) {
            if (LAYERS.get(i).contains(pkg)) {
                return i;
            }
        }
        return -1;
    }

    private static List<Path> classes() throws IOException {
        try (Stream<Path> s = Files.walk(CLASSES)) {
            List<Path> out = s.filter(p -> p.toString().endsWith(".class")).sorted().toList();
            assertTrue(out.size() > 50, "compiled classes under " + CLASSES);
            return out;
        }
    }

    private static String relative(Path c) {
        return CLASSES.relativize(c).toString().replace('\\', '/').replaceAll("\\.class$", "");
    }

    private static String pkg(Path c) {
        Path parent = CLASSES.relativize(c).getParent();
        return parent == null ? "" : parent.toString().replace('\\', '/').replace('/', '.');
    }

    private static String packageOf(String internalName) {
        String rest = internalName.substring("dev/leakscope/".length());
        int dot = rest.indexOf('.');
        String cls = dot < 0 ? rest : rest.substring(0, dot);
        int slash = cls.lastIndexOf('/');
        return slash < 0 ? "" : cls.substring(0, slash).replace('/', '.');
    }

    /**
     * The classes a class file references (internal names, arrays unwrapped) and the members it
     * uses, as {@code owner.name}.
     */
    static Set<String> references(Path classFile) throws IOException {
        try (InputStream raw = Files.newInputStream(classFile); DataInputStream in = new DataInputStream(raw)) {
            in.readInt();
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            int[] classIndex = new int[count];
            int[][] member = new int[count][];
            int[] nameAndType = new int[count];
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 7 -> classIndex[i] = in.readUnsignedShort();
                    case 9, 10, 11 -> member[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
                    case 12 -> {
                        nameAndType[i] = in.readUnsignedShort();
                        in.readUnsignedShort();
                    }
                    case 3, 4 -> in.readInt();
                    case 5, 6 -> {
                        in.readLong();
                        i++;
                    }
                    case 8, 16, 19, 20 -> in.readUnsignedShort();
                    case 15 -> {
                        in.readUnsignedByte();
                        in.readUnsignedShort();
                    }
                    case 17, 18 -> in.readInt();
                    default -> throw new IOException(classFile + ": constant pool tag " + tag);
                }
            }
            Set<String> refs = new TreeSet<>();
            for (int i = 1; i < count; i++) {
                if (classIndex[i] != 0) {
                    refs.add(utf8[classIndex[i]].replaceAll("^\\[*L?|;$", ""));
                }
            }
            for (int i = 1; i < count; i++) {
                if (member[i] != null) {
                    String owner = utf8[classIndex[member[i][0]]];
                    refs.add(owner + "." + utf8[nameAndType[member[i][1]]]);
                }
            }
            return refs;
        }
    }
}
