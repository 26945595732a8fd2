package dev.leakscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leakscope.Cli;
import dev.leakscope.CleanOutcome;
import dev.leakscope.util.ExitCodes;
import dev.leakscope.util.Printable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Whole commands through picocli, with fuzzed profiles and fuzzed options: diff, trend, focus, list,
 * top, traces and info in every format. Properties beyond "a report or one clean error line": no exit
 * code 3; text and Markdown hold no raw control character; every row of a Markdown table has as many
 * cells as its header (a name cannot forge or break a row); JSON parses and names its schema; top
 * shows at most -n rows.
 */
class CommandsFuzzTest {
    private static final String[] COMMANDS = {"top", "diff", "trend", "focus", "list", "traces", "info"};
    private static final String[] FORMATS = {"text", "markdown", "json"};
    /** Options with a value each command may take; values are fuzzed (numbers, NaN, sizes, regexes). */
    private static final String[] OPTIONS = {"-n", "--nodefraction", "--max-bytes", "--max-ratio",
        "--max-stack-depth", "--max-labels", "--max-expansion", "--focus", "--hide", "--ignore", "--show",
        "--tag-focus", "--unit", "--granularity", "-i", "--sort", "--fail-on-growth", "--fail-on-node-growth",
        "--sampling-period", "--limit", "--fail-on-rate", "--timeout", "--seconds", "--max-chars", "--max-members"};
    private static final String[] FLAGS = {"--cum", "--noinlines", "--growth-only", "--normalize", "--ascii",
        "--relative-percentages"};
    private static final Pattern CELL_BAR = Pattern.compile("(?<!\\\\)\\|");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DIR = tempDir();

    @FuzzTest(maxDuration = "10m")
    void reports(FuzzedDataProvider data) throws IOException {
        String command = data.pickValue(COMMANDS);
        String format = data.pickValue(FORMATS);
        int nodes = data.consumeInt(0, 30);
        boolean cut = data.consumeBoolean();
        byte[] base = data.consumeBytes(data.consumeInt(0, 4096));
        byte[] current = data.consumeRemainingAsBytes();
        Files.write(DIR.resolve("base.pb"), base);
        Files.write(DIR.resolve("current.pb"), current);
        List<String> args = new ArrayList<>(List.of(command));
        if (!command.equals("list") && !command.equals("traces") && !command.equals("info")) {
            args.add("--format=" + format);
        }
        if (cut && command.equals("top")) {
            args.add("-n");
            args.add(Integer.toString(nodes));
        }
        switch (command) {
            case "diff", "trend" -> args.addAll(List.of("base.pb", "current.pb"));
            case "focus" -> args.addAll(List.of("--base", "base.pb", ".", "current.pb"));
            case "list" -> args.addAll(List.of(".", "current.pb"));
            default -> args.add("current.pb");
        }
        Cli.Result r = Cli.run(DIR, args.toArray(String[]::new));
        check(r, args, format, cut ? nodes : -1);
    }

    @FuzzTest(maxDuration = "10m")
    void options(FuzzedDataProvider data) {
        List<String> args = new ArrayList<>(List.of(data.pickValue(COMMANDS)));
        int n = data.consumeInt(0, 6);
        for (int i = 0; i < n; i++) {
            if (data.consumeBoolean()) {
                args.add(data.pickValue(FLAGS));
            } else {
                args.add(data.pickValue(OPTIONS));
                args.add(data.consumeString(24));
            }
        }
        String format = data.pickValue(FORMATS);
        args.add("--format=" + format);
        if (args.get(0).equals("focus") || args.get(0).equals("list")) {
            args.add("main");
        }
        args.add(Path.of("testdata/map-cache/heap_0.pb.gz").toAbsolutePath().toString());
        args.add(Path.of("testdata/map-cache/heap_5.pb.gz").toAbsolutePath().toString());
        check(Cli.run(DIR, args.toArray(String[]::new)), args, format, -1);
    }

    private static void check(Cli.Result r, List<String> args, String format, int maxRows) {
        assertTrue(r.exitCode() == ExitCodes.OK || r.exitCode() == ExitCodes.GATE || r.exitCode() == ExitCodes.INPUT,
                args + " exit " + r.exitCode() + ": " + r.err());
        if (r.exitCode() == ExitCodes.INPUT) {
            CleanOutcome.ofAllowingNotices(r);
            return;
        }
        String out = r.out();
        if (args.stream().anyMatch(a -> a.startsWith("-h") || a.startsWith("-V"))
                && (out.startsWith("Usage: leakscope") || out.startsWith("leakscope "))) {
            return; // picocli reads -h or -V at the start of a cluster (-hx, -http://…) as a request for help
        }
        for (String line : r.err().lines().toList()) {
            assertTrue(line.startsWith("leakscope: ") || !line.contains("Exception"), r.err());
        }
        if (format.equals("json") && !args.contains("--format=json")) {
            format = "text";
        }
        if (format.equals("json") && !out.isEmpty()) {
            try {
                JsonNode root = JSON.readTree(out);
                assertTrue(root.isObject(), out);
            } catch (IOException e) {
                throw new AssertionError(args + ": not JSON: " + out, e);
            }
            return;
        }
        String oneLine = out.replace("\n", "");
        assertEquals(oneLine, Printable.of(oneLine), () -> args + ": raw control character in: "
                + Printable.of(out));
        if (format.equals("markdown")) {
            checkTables(out, args);
        }
        if (maxRows > 0 && args.get(0).equals("top") && format.equals("text")) {
            List<String> lines = out.lines().toList();
            int header = lines.indexOf(lines.stream().filter(l -> l.strip().startsWith("flat  flat%")).findFirst()
                    .orElse(""));
            if (header >= 0) {
                assertTrue(lines.size() - header - 1 <= maxRows, args + ": more than " + maxRows + " rows: " + out);
            }
        }
    }

    /** Every row of a Markdown table has the header's number of cells. */
    private static void checkTables(String out, List<String> args) {
        int cells = -1;
        for (String line : out.lines().toList()) {
            if (!line.startsWith("|")) {
                cells = -1;
                continue;
            }
            int bars = (int) CELL_BAR.matcher(line).results().count();
            if (cells < 0) {
                cells = bars;
            } else {
                assertEquals(cells, bars, args + ": a table row with another number of cells: " + line);
            }
        }
        assertFalse(out.contains("\r"), args + ": carriage return in Markdown");
    }

    private static Path tempDir() {
        try {
            Path d = Files.createTempDirectory("leakscope-fuzz");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                for (String f : new String[] {"base.pb", "current.pb", ""}) {
                    d.resolve(f).toFile().delete();
                }
            }));
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
