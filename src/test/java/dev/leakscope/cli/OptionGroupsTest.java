package dev.leakscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakscope.Cli;
import dev.leakscope.TestData;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** Options spelled alike mean alike: one declaration per option across the report commands. */
class OptionGroupsTest {
    private static final Path MAP_CACHE = TestData.corpus("go", "map-cache");

    @Test
    void everyOptionNameHasOneDeclarationAcrossCommands() {
        CommandLine cl = Commands.commandLine(Path.of("."), new ByteArrayInputStream(new byte[0]),
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), false, Environment.system());
        Map<String, String> first = new HashMap<>();
        List<String> differing = new ArrayList<>();
        for (var e : cl.getSubcommands().entrySet()) {
            if (e.getKey().equals("pprof")) {
                continue; // go tool pprof's own flag syntax
            }
            for (OptionSpec o : e.getValue().getCommandSpec().options()) {
                // The field that declares the option (a shared option group's, or the command's own), as
                // picocli names it: "field TYPE CLASS.NAME".
                String shape = o.toString();
                for (String name : o.names()) {
                    String seen = first.putIfAbsent(name, shape);
                    if (seen != null && !seen.equals(shape)) {
                        differing.add(e.getKey() + " " + name);
                    }
                }
            }
        }
        assertEquals(List.of(), differing);
    }

    @Test
    void diffTakesTheBaseAsEveryCommandDoes() {
        Cli.Result positional = Cli.run(MAP_CACHE, "diff", "heap_0.pb.gz", "heap_5.pb.gz");
        Cli.Result shortBase = Cli.run(MAP_CACHE, "diff", "-b", "heap_0.pb.gz", "heap_5.pb.gz");
        assertEquals(0, shortBase.exitCode(), shortBase.err());
        assertEquals(positional.out(), shortBase.out());
    }

    @Test
    void theBaseIsRepeatableEverywhere() {
        Cli.Result r = Cli.run(MAP_CACHE, "focus", "buildTree", "-b", "heap_0.pb.gz", "--base", "heap_1.pb.gz",
                "heap_5.pb.gz");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("heap_0.pb.gz heap_1.pb.gz -> heap_5.pb.gz"), r.out());
    }

    @Test
    void aNegativeNodeCountIsOneErrorEverywhere() {
        for (String command : List.of("top", "focus")) {
            List<String> args = new ArrayList<>(List.of(command));
            if (command.equals("focus")) {
                args.add("buildTree");
            }
            args.addAll(List.of("-n", "-1", "heap_5.pb.gz"));
            Cli.Result r = Cli.run(MAP_CACHE, args.toArray(String[]::new));
            assertEquals(2, r.exitCode(), command);
            assertEquals("leakscope: --nodecount must be 0 or more\n", r.err(), command);
        }
    }

    @Test
    void everyReportCommandRendersMarkdownAndJsonAndWritesTheOutputFile(@TempDir Path tmp) throws Exception {
        Map<String, List<String>> commands = Map.of(
                "top", List.of("top", "heap_5.pb.gz"),
                "diff", List.of("diff", "heap_0.pb.gz", "heap_5.pb.gz"),
                "trend", List.of("trend", "heap_0.pb.gz", "heap_1.pb.gz", "heap_5.pb.gz"),
                "focus", List.of("focus", "buildTree", "heap_5.pb.gz"),
                "list", List.of("list", "buildTree", "--source-path", "src", "-b", "heap_0.pb.gz", "heap_5.pb.gz"),
                "traces", List.of("traces", "heap_5.pb.gz"),
                "info", List.of("info", "heap_5.pb.gz"));
        for (var c : commands.entrySet()) {
            Cli.Result md = run(c.getValue(), "--format", "markdown");
            assertEquals(0, md.exitCode(), c.getKey() + ": " + md.err());
            assertNotEquals(run(c.getValue()).out(), md.out(), c.getKey() + ": Markdown is not the text report");
            Cli.Result json = run(c.getValue(), "--format", "json");
            assertEquals(0, json.exitCode(), c.getKey() + ": " + json.err());
            assertEquals("leakscope." + c.getKey() + "/v1",
                    new ObjectMapper().readTree(json.out()).get("schema").asText(), c.getKey());
            Path file = tmp.resolve(c.getKey() + ".json");
            Cli.Result toFile = run(c.getValue(), "--format", "json", "--output", file.toString());
            assertEquals(0, toFile.exitCode(), c.getKey() + ": " + toFile.err());
            assertEquals("", toFile.out(), c.getKey());
            assertEquals(json.out(), Files.readString(file), c.getKey());
            Path shortFile = tmp.resolve(c.getKey() + ".short.json");
            Cli.Result shortOutput = run(c.getValue(), "--format", "json", "-o", shortFile.toString());
            assertEquals(0, shortOutput.exitCode(), c.getKey() + " -o: " + shortOutput.err());
            assertEquals(json.out(), Files.readString(shortFile), c.getKey() + " -o");
        }
    }

    @Test
    void htmlIsRefusedWhereThereIsNoPage() {
        Cli.Result r = Cli.run(MAP_CACHE, "info", "--format", "html", "heap_5.pb.gz");
        assertEquals(2, r.exitCode());
        assertEquals("leakscope: this report has no html format (use text, markdown or json)\n", r.err());
    }

    private static Cli.Result run(List<String> command, String... more) {
        List<String> args = new ArrayList<>(command);
        args.addAll(List.of(more));
        return Cli.run(MAP_CACHE, args.toArray(String[]::new));
    }
}
