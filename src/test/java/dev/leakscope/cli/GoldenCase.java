package dev.leakscope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * One recorded {@code go tool pprof} run from a corpus: arguments, working directory,
 * expected stdout and whether pprof succeeded. Three layouts are read: {@code INDEX.tsv} (Go corpus),
 * {@code MANIFEST.jsonl} (pprof corpus) and loose {@code NAME.cmd} files (the other producers).
 */
record GoldenCase(String id, String corpus, Path workDir, List<String> args, Path expectedOut, boolean succeeds,
                  String recordedCwd) {

    private static final List<String> PREFIX = List.of("go", "tool", "pprof");

    /** Every case under a corpus folder (the shared corpus, or the repository's copy of part of it). */
    static List<GoldenCase> all(Path corpus) {
        List<GoldenCase> cases = new ArrayList<>();
        try (Stream<Path> files = Files.walk(corpus)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (name.equals("INDEX.tsv")) {
                    cases.addAll(fromIndex(corpus, f));
                } else if (name.equals("MANIFEST.jsonl")) {
                    cases.addAll(fromManifest(corpus, f));
                } else if (name.endsWith(".cmd") && f.getParent().getFileName().toString().equals("golden")
                        && !Files.exists(f.getParent().resolve("INDEX.tsv"))) {
                    GoldenCase c = fromCmd(corpus, f);
                    if (c != null) {
                        cases.add(c);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }

    private static List<GoldenCase> fromIndex(Path corpus, Path index) throws IOException {
        Path golden = index.getParent();
        Path scenario = golden.getParent();
        List<GoldenCase> cases = new ArrayList<>();
        List<String> lines = Files.readAllLines(index, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] cols = line.split("\t");
            List<String> argv = Arrays.asList(cols[2].split(" "));
            if (!argv.subList(0, 3).equals(PREFIX)) {
                continue;
            }
            cases.add(new GoldenCase(rel(corpus, scenario) + "/" + cols[0], top(corpus, scenario), scenario,
                    argv.subList(3, argv.size()), golden.resolve(cols[0] + ".out"), cols[1].equals("0"),
                    "/tmp/corpus/" + rel(corpus, scenario)));
        }
        return cases;
    }

    private static List<GoldenCase> fromManifest(Path corpus, Path manifest) throws IOException {
        Path root = manifest.getParent().getParent();
        ObjectMapper json = new ObjectMapper();
        List<GoldenCase> cases = new ArrayList<>();
        for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = json.readTree(line);
            List<String> argv = new ArrayList<>();
            n.get("argv").forEach(a -> argv.add(a.asText()));
            if (!argv.subList(0, 3).equals(PREFIX)) {
                continue;
            }
            String golden = n.get("golden").asText();
            cases.add(new GoldenCase("pprof/" + golden.replaceAll("\\.out$", ""), "pprof",
                    root.resolve(n.get("cwd").asText()), argv.subList(3, argv.size()),
                    root.resolve("golden").resolve(golden), n.get("exit").asInt() == 0, "<CWD>"));
        }
        return cases;
    }

    private static GoldenCase fromCmd(Path corpus, Path cmd) throws IOException {
        List<String> argv = Arrays.asList(Files.readString(cmd, StandardCharsets.UTF_8).strip().split(" "));
        if (argv.size() < 3 || !argv.subList(0, 3).equals(PREFIX)) {
            return null;
        }
        String base = cmd.getFileName().toString().replaceAll("\\.cmd$", "");
        Path rc = cmd.resolveSibling(base + ".rc");
        boolean ok = !Files.exists(rc) || Files.readString(rc).strip().equals("0");
        Path scenario = cmd.getParent().getParent();
        return new GoldenCase(rel(corpus, scenario) + "/" + base, top(corpus, scenario), scenario,
                argv.subList(3, argv.size()), cmd.resolveSibling(base + ".out"), ok, scenario.toString());
    }

    private static String rel(Path corpus, Path p) {
        return corpus.normalize().relativize(p.normalize()).toString();
    }

    private static String top(Path corpus, Path p) {
        return corpus.normalize().relativize(p.normalize()).getName(0).toString();
    }

    String expected() {
        try {
            String s = Files.exists(expectedOut) ? Files.readString(expectedOut, StandardCharsets.UTF_8) : "";
            return s.replace(recordedCwd, "<CWD>");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return id + ": pprof " + String.join(" ", args);
    }
}
