package dev.leakscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class StandardOutputTest {
    @Test
    void aFailedWriteIsRememberedAndABrokenPipeIsQuiet() {
        StandardOutput full = new StandardOutput(failing("No space left on device"));
        assertNull(full.failureMessage());
        assertThrows(IOException.class, () -> full.write(new byte[3], 0, 3));
        assertEquals("leakscope: cannot write to standard output: No space left on device", full.failureMessage());
        StandardOutput pipe = new StandardOutput(failing("Broken pipe"));
        assertThrows(IOException.class, () -> pipe.write('x'));
        assertNull(pipe.failureMessage());
    }

    /** A report redirected to a full disk: an error, not exit 0 with half a report. */
    @Test
    void aFullDiskIsAnErrorForReportsAndTheVersion() throws Exception {
        File full = new File("/dev/full");
        Assumptions.assumeTrue(full.exists(), "/dev/full is Linux's always-full device");
        Path heap = Path.of(System.getProperty("leakscope.testdata", "testdata"), "map-cache", "heap_5.pb.gz");
        for (String[] args : List.of(new String[] {"top", heap.toString()}, new String[] {"--version"},
                new String[] {"pprof", "-top", heap.toString()})) {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-cp", Path.of("target/classes").toAbsolutePath() + File.pathSeparator
                            + System.getProperty("java.class.path"), Main.class.getName()));
            cmd.addAll(List.of(args));
            Process p = new ProcessBuilder(cmd).redirectOutput(full).start();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            // leakscope pprof with pprof's exit code, as go tool pprof fails
            assertEquals(args[0].equals("pprof") ? 1 : 2, p.waitFor(), err);
            assertEquals("leakscope: cannot write to standard output: No space left on device\n", err);
        }
    }

    private static OutputStream failing(String message) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException(message);
            }
        };
    }
}
