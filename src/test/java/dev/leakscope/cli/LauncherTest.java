package dev.leakscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution's launcher (src/main/dist/bin/leakscope), run with a stand-in JDK whose java prints the
 * arguments it is given: the JVM flags the launcher chooses from the arguments, and its own errors.
 */
class LauncherTest {
    private static final Path LAUNCHER = Path.of("src/main/dist/bin/leakscope").toAbsolutePath();

    @TempDir
    Path dir;

    @BeforeEach
    void fakeJdk() throws Exception {
        Path java = Files.createDirectories(dir.resolve("jdk/bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\n"
                + "[ \"$1\" = -version ] && { echo 'openjdk version \"17.0.9\" 2023-10-17' >&2; exit 0; }\n"
                + "printf '%s\\n' \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(dir.resolve("leakscope.jar"), "not run");
        Files.write(dir.resolve("heap.pb.gz"), new byte[4096]);
    }

    @Test
    void aDirectoryWithABrokenLinkIsSizedWithoutAShellError() throws Exception {
        Path inputs = Files.createDirectory(dir.resolve("inputs"));
        Files.copy(dir.resolve("heap.pb.gz"), inputs.resolve("heap.pb.gz"));
        Files.createSymbolicLink(inputs.resolve("dangling"), Path.of("/nonexistent"));
        List<String> args = launch("top", inputs.toString());
        assertTrue(args.stream().anyMatch(a -> a.matches("-Xmx[0-9]+m")), args.toString());
        assertEquals(List.of("-cp", dir.resolve("leakscope.jar").toString(), "dev.leakscope.cli.Main", "top",
                inputs.toString()), args.subList(args.size() - 5, args.size()));
    }

    @Test
    void theOutputDirectoryIsNotAnInput() throws Exception {
        Path out = Files.createDirectory(dir.resolve("out"));
        for (String option : List.of("--output", "-output")) {
            List<String> args = launch("top", option, out.toString(), dir.resolve("heap.pb.gz").toString());
            // a small input alone: G1 and the quick compiler, as without --output
            assertTrue(args.contains("-XX:+UseG1GC") && args.contains("-XX:TieredStopAtLevel=1"), args.toString());
        }
    }

    @Test
    void oneFileThatIsNotSmallHasItsBlocksAllocatedOld() throws Exception {
        Path big = Files.write(dir.resolve("big.pb.gz"), new byte[2 << 20]);
        Path other = Files.write(dir.resolve("other.pb.gz"), new byte[2 << 20]);
        List<String> one = launch("top", big.toString());
        assertTrue(one.contains("-Xmn2m") && one.contains("-XX:PretenureSizeThreshold=256k")
                && one.contains("-XX:+UseSerialGC") && !one.contains("-Xmn8m"), one.toString());
        // two profiles (diff): the dropped one's blocks would stay in the old generation (see below)
        List<String> two = launch("diff", big.toString(), other.toString());
        assertTrue(two.contains("-Xmn8m") && !two.contains("-XX:PretenureSizeThreshold=256k"), two.toString());
        // a small file keeps the usual young generation (and G1)
        List<String> small = launch("top", dir.resolve("heap.pb.gz").toString());
        assertTrue(small.contains("-Xmn8m") && small.stream().noneMatch(a -> a.startsWith("-XX:PretenureSize")),
                small.toString());
    }

    @Test
    void diffAllocatesBlocksOf16KiBInTheOldGeneration() throws Exception {
        String pretenure = "-XX:PretenureSizeThreshold=16k";
        // small inputs run under G1, which takes no such flag
        assertFalse(launch("diff", "heap.pb.gz", "heap.pb.gz").contains(pretenure));
        // inputs over 1 MiB: the serial collector
        for (String name : List.of("base.pb.gz", "diff")) {
            try (var f = new java.io.RandomAccessFile(dir.resolve(name).toFile(), "rw")) {
                f.setLength(2 << 20);
            }
        }
        for (List<String> command : List.of(List.of("diff", "base.pb.gz", "diff"),
                List.of("--color", "never", "--quiet", "diff", "base.pb.gz", "diff"))) {
            List<String> args = launch(command.toArray(String[]::new));
            assertTrue(args.contains(pretenure) && args.contains("-XX:+UseSerialGC"), args.toString());
        }
        // a file named diff is no command
        for (List<String> command : List.of(List.of("top", "diff"), List.of("--color", "diff", "top", "diff"))) {
            List<String> args = launch(command.toArray(String[]::new));
            assertTrue(!args.contains(pretenure) && args.contains("-XX:+UseSerialGC"), args.toString());
        }
    }

    /** A heap size the JVM would refuse (in three lines, exit 1: a tripped gate's code) is the launcher's error. */
    @Test
    void aBadHeapSizeIsOneLineAndExit2() throws Exception {
        assertTrue(launch(Map.of("LEAKSCOPE_HEAP", "2G"), "top", "heap.pb.gz").contains("-Xmx2G"));
        for (String bad : List.of("abc", "1.5g", "2gb", "-1g", "999999999999999g")) {
            Launched r = run(Map.of("LEAKSCOPE_HEAP", bad), "top", "heap.pb.gz");
            assertEquals(2, r.exit(), bad);
            assertEquals("leakscope: LEAKSCOPE_HEAP=" + bad + " is not a heap size: give a number of bytes, or one"
                    + " with k, m, g or t (e.g. 2g)\n", r.err());
        }
        Launched huge = run(Map.of("LEAKSCOPE_HEAP", "999999t"), "top", "heap.pb.gz");
        assertEquals(2, huge.exit());
        assertTrue(huge.err().matches("leakscope: LEAKSCOPE_HEAP=999999t is more than this machine's memory \\([0-9]+m\\)\n"),
                huge.err());
    }

    /**
     * An archive cut short (a partly restored cache) would make the JVM die of SIGBUS on every run: the
     * launcher makes it again. A JVM crash reports on stderr and logs in the cache, never in the working directory.
     */
    @Test
    void anArchiveCutShortIsMadeAgain() throws Exception {
        Path java = dir.resolve("jdk/bin/java");
        Files.writeString(java, "#!/bin/sh\n"
                + "[ \"$1\" = -version ] && { echo 'openjdk version \"17.0.9\" 2023-10-17' >&2; exit 0; }\n"
                + "for a in \"$@\"; do case \"$a\" in -XX:ArchiveClassesAtExit=*)"
                + " head -c 4096 /dev/zero > \"${a#-XX:ArchiveClassesAtExit=}\"; echo trained >> \"" + dir.resolve("trained")
                + "\";; esac; done\n"
                + "printf '%s\\n' \"$@\"\n");
        List<String> first = launch("top", "heap.pb.gz");
        List<String> second = launch("top", "heap.pb.gz");
        assertEquals(1, Files.readAllLines(dir.resolve("trained")).size(), "made once");
        Path jsa;
        try (var archives = Files.list(dir.resolve("cache"))) {
            jsa = archives.filter(p -> p.toString().endsWith(".jsa")).findFirst().orElseThrow();
        }
        assertTrue(second.contains("-XX:SharedArchiveFile=" + jsa), second.toString());
        assertTrue(first.contains("-XX:+DisplayVMOutputToStderr")
                && first.contains("-XX:ErrorFile=" + dir.resolve("cache") + "/hs_err_pid%p.log"), first.toString());
        try (var f = new java.io.RandomAccessFile(jsa.toFile(), "rw")) {
            f.setLength(1000);
        }
        launch("top", "heap.pb.gz");
        assertEquals(2, Files.readAllLines(dir.resolve("trained")).size(), "made again");
        assertEquals(4096, Files.size(jsa));
    }

    /** The java arguments the launcher chose; it must exit 0 with nothing on stderr. */
    private List<String> launch(String... args) throws Exception {
        return launch(Map.of(), args);
    }

    private List<String> launch(Map<String, String> env, String... args) throws Exception {
        Launched r = run(env, args);
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        return r.out().lines().toList();
    }

    private record Launched(int exit, String out, String err) {
    }

    private Launched run(Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("bash", LAUNCHER.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().put("JAVA_HOME", dir.resolve("jdk").toString());
        pb.environment().put("LEAKSCOPE_JAR", dir.resolve("leakscope.jar").toString());
        pb.environment().put("LEAKSCOPE_CACHE", dir.resolve("cache").toString());
        pb.environment().remove("LEAKSCOPE_HEAP");
        pb.environment().putAll(env);
        pb.redirectError(dir.resolve("stderr").toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "launcher still running");
        return new Launched(p.exitValue(), out, Files.readString(dir.resolve("stderr")));
    }
}
