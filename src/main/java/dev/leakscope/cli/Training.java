package dev.leakscope.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A training run for the JVM's class-data sharing archive: the launcher runs this once, with
 * {@code -XX:ArchiveClassesAtExit}, so that the archive holds the classes of every command, not just
 * those of the first command a user happens to run. It runs the main commands on two small bundled
 * profiles (and top on one made bigger than the decompression's read-ahead starts at) and prints nothing.
 */
public final class Training {
    private Training() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("leakscope-training");
        try {
            Path base = copy("heap_0.pb.gz", dir);
            Path cur = copy("heap_5.pb.gz", dir);
            Path big = padded(cur, dir.resolve("big.pb.gz"));
            PrintWriter out = new PrintWriter(OutputStream.nullOutputStream());
            List<List<String>> commands = List.of(
                    List.of("top", cur.toString()),
                    List.of("top", big.toString()),
                    List.of("diff", base.toString(), cur.toString()),
                    List.of("diff", "--format", "json", base.toString(), cur.toString()),
                    List.of("diff", "--format", "markdown", base.toString(), cur.toString()),
                    List.of("trend", base.toString(), cur.toString(), base.toString()),
                    List.of("focus", "main", cur.toString()),
                    List.of("list", "main", cur.toString()),
                    List.of("traces", cur.toString()),
                    List.of("info", cur.toString()),
                    List.of("pprof", "-top", "-base", base.toString(), cur.toString()),
                    List.of("top", "--help"));
            for (List<String> c : commands) {
                Main.run(c.toArray(new String[0]), dir, InputStream.nullInputStream(), out, out);
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }

    /**
     * The profile in target, with an unused string of 128 KiB appended to its string table: past the
     * 64 KiB a gzipped input's reading starts its read-ahead thread at (the profile's reports are unchanged).
     */
    private static Path padded(Path profile, Path target) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(profile))) {
            in.transferTo(bytes);
        }
        int length = 1 << 17;
        bytes.write(6 << 3 | 2); // field 6 (string_table), length-delimited
        for (int v = length; ; v >>>= 7) { // the length as a varint
            if (v < 0x80) {
                bytes.write(v);
                break;
            }
            bytes.write(v & 0x7f | 0x80);
        }
        bytes.write(new byte[length]);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(target))) {
            bytes.writeTo(out);
        }
        return target;
    }

    private static Path copy(String name, Path dir) {
        try (InputStream in = Training.class.getResourceAsStream("training/" + name)) {
            Path target = dir.resolve(name);
            Files.copy(in, target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
