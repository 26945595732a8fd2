package dev.leakscope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Assumptions;

/**
 * The leaking Java program of testdata/jvm-leak, compiled with the test JDK's compiler and run by
 * its {@code java}; {@code jcmd} of the same JDK takes class histograms of it. The program works in
 * steps it is told to take, so what a histogram holds depends on the steps, not on time. Without
 * jcmd (a JRE) the tests that need it are skipped, except on CI (CI=true).
 */
public final class JvmLeakProgram implements AutoCloseable {
    private static final Path SOURCE = Path.of("testdata/jvm-leak/src").toAbsolutePath();
    private static final Path CLASSES = Path.of("target/jvm-leak/classes").toAbsolutePath();
    private static final Path BIN = Path.of(System.getProperty("java.home"), "bin");
    /** Attaching can fail while the JVM sets up its attach listener: tries this often, half a second apart. */
    private static final int JCMD_TRIES = 20;

    private final Process process;
    private final BufferedReader out;
    private final PrintWriter in;
    private int steps;

    private JvmLeakProgram(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
    }

    /** Starts the program, with extra JVM options (a GC log), and waits until it says it is ready. */
    public static JvmLeakProgram start(String... jvmOptions) throws Exception {
        Path classes = compile();
        if (!Files.isExecutable(BIN.resolve("jcmd"))) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("no jcmd in " + BIN + ", and CI=true: the test JDK must be a full JDK");
            }
            Assumptions.abort("no jcmd in " + BIN + ": the JVM histogram tests need a full JDK");
        }
        List<String> command = new ArrayList<>(List.of(BIN.resolve("java").toString(), "-Xmx128m",
                "-XX:TieredStopAtLevel=1"));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", classes.toString(), "leak.Main"));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        JvmLeakProgram program = new JvmLeakProgram(p);
        String ready = program.out.readLine();
        if (ready == null || !ready.equals("ready " + p.pid())) {
            program.close();
            throw new IllegalStateException("testdata/jvm-leak did not start: " + ready);
        }
        return program;
    }

    private static synchronized Path compile() throws IOException {
        if (Files.isDirectory(CLASSES.resolve("leak"))) {
            return CLASSES;
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            Assumptions.abort("no Java compiler in the test JDK");
        }
        List<String> args = new ArrayList<>(List.of("-d", CLASSES.toString()));
        try (Stream<Path> files = Files.list(SOURCE.resolve("leak"))) {
            files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(f -> args.add(f.toString()));
        }
        assertEquals(0, javac.run(null, null, null, args.toArray(String[]::new)), "javac testdata/jvm-leak/src");
        return CLASSES;
    }

    /** Has the program handle one more batch of requests; returns its report line ("step N sessions S cached C"). */
    public String step() throws IOException {
        in.println("step");
        steps++;
        String line = out.readLine();
        assertTrue(line != null && line.startsWith("step " + steps + " "), "step " + steps + ": " + line);
        return line;
    }

    /** The text of {@code jcmd PID GC.class_histogram} (live objects only: it runs a full GC first). */
    public String histogram() throws Exception {
        return jcmd("GC.class_histogram", "#instances");
    }

    /** Has the JVM collect garbage ({@code jcmd PID GC.run}): a full collection, as a GC log records it. */
    public void fullGc() throws Exception {
        jcmd("GC.run", "");
    }

    private String jcmd(String command, String expected) throws Exception {
        String last = "";
        for (int i = 0; i < JCMD_TRIES; i++) {
            Process jcmd = new ProcessBuilder(BIN.resolve("jcmd").toString(), Long.toString(process.pid()), command)
                    .redirectErrorStream(true).start();
            last = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (jcmd.waitFor() == 0 && last.contains(expected)) {
                return last;
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        throw new IllegalStateException("jcmd " + command + " failed " + JCMD_TRIES + " times: " + last);
    }

    /**
     * {@code kill -3}: started with {@code -XX:+PrintClassHistogram}, the JVM writes a thread dump and then
     * a class histogram into its standard output; returns that text, up to the histogram's Total line.
     */
    public String quitSignal() throws Exception {
        Process kill = new ProcessBuilder("kill", "-QUIT", Long.toString(process.pid())).start();
        assertEquals(0, kill.waitFor(), "kill -QUIT " + process.pid());
        StringBuilder text = new StringBuilder();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            text.append(line).append('\n');
            if (line.startsWith("Total ")) {
                return text.toString();
            }
        }
        throw new IllegalStateException("no class histogram after kill -QUIT: " + text);
    }

    /**
     * The text of {@code jhsdb jmap --histo --pid PID} (every object on the heap, garbage too: no GC
     * first). The test is skipped where the serviceability agent may not attach (no ptrace), except on CI.
     */
    public String jhsdbHistogram() throws Exception {
        Process jhsdb = new ProcessBuilder(BIN.resolve("jhsdb").toString(), "jmap", "--histo", "--pid",
                Long.toString(process.pid())).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String text = new String(jhsdb.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (jhsdb.waitFor() != 0 || !text.contains("Class description")) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("jhsdb jmap --histo failed: " + text);
            }
            Assumptions.abort("jhsdb cannot attach here (ptrace not permitted?): " + text.strip());
        }
        return text;
    }

    @Override
    public void close() throws InterruptedException {
        in.println("quit");
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
