package dev.leakscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakscope.Cli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** --help of every command: usage on stdout, no picocli warnings; mistyped names get suggestions. */
class HelpTest {
    @Test
    void everyCommandPrintsItsUsageWithoutPicocliWarnings() {
        PrintStream saved = System.err;
        ByteArrayOutputStream picocli = new ByteArrayOutputStream();
        System.setErr(new PrintStream(picocli, true, StandardCharsets.UTF_8));
        try {
            for (String command : new String[] {"top", "diff", "trend", "focus", "list", "traces", "info", "pprof"}) {
                for (String flag : new String[] {"--help", "-h"}) {
                    Cli.Result r = Cli.run(command, flag);
                    assertEquals(0, r.exitCode(), command + " " + flag + ": " + r.err());
                    assertTrue(r.out().startsWith("Usage: leakscope " + command), command + " " + flag + ": " + r.out());
                    assertEquals("", r.err(), command + " " + flag);
                }
            }
        } finally {
            System.setErr(saved);
        }
        assertEquals("", picocli.toString(StandardCharsets.UTF_8), "picocli's own warnings on stderr");
    }

    /** --cum sorts top's rows, but makes diff, trend and watch use cumulative values: each help says which. */
    @Test
    void cumSaysWhatItDoesForEachCommand() {
        for (String[] c : new String[][] {{"top", "top: sort by cumulative value instead of flat"},
            {"diff", "diff: compare nodes' cumulative values instead of flat ones"},
            {"trend", "trend and watch: follow nodes' cumulative values instead of flat ones"},
            {"watch", "trend and watch: follow nodes' cumulative values instead of flat ones"}}) {
            Matcher cum = Pattern.compile("(?m)^ {6}--cum +(.*(?:\n {20,}.*)*)").matcher(Cli.run(c[0], "--help").out());
            assertTrue(cum.find(), c[0]);
            assertTrue(cum.group(1).replaceAll("\\s+", " ").contains(c[1]), c[0] + ": " + cum.group(1));
        }
    }

    @Test
    void helpAndReadmeAgree() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        for (String command : new String[] {"top", "diff", "trend", "focus", "list", "traces", "info", "collect"}) {
            Matcher option = Pattern.compile("(?m)^ {2}(?:-\\w, | {4})(--[\\w-]+)").matcher(Cli.run(command, "--help").out());
            while (option.find()) {
                if (option.group(1).equals("--help") || option.group(1).equals("--version")) {
                    continue; // picocli's own, on every command
                }
                assertTrue(Pattern.compile("(?<![\\w-])" + option.group(1) + "(?![\\w-])").matcher(readme).find(),
                        command + " " + option.group(1) + " is not in the README");
            }
        }
        // what --nodefraction is a fraction of: the gross change in diff, as the README says
        assertTrue(readme.contains("| `--nodefraction F` | hide nodes whose change is below F of the gross change"), readme);
        String diff = Cli.run("diff", "--help").out().replaceAll("\\s+", " ");
        assertTrue(diff.contains("diff: a node's change, of the gross change (the sum of |flat change| over all nodes)"),
                diff);
    }

    /** The root's list of commands shows each one's first description line: a whole, short sentence. */
    @Test
    void everyCommandIsSummedUpInOneWholeSentence() {
        String out = Cli.run("--help").out();
        Matcher summary = Pattern.compile("(?m)^ {2}(\\w[\\w-]*) +(\\S.*(?:\\n {20,}\\S.*)*)").matcher(
                out.substring(out.indexOf("Commands:"), out.indexOf("Exit codes:")));
        int commands = 0;
        while (summary.find()) {
            commands++;
            String sentence = summary.group(2).replaceAll("\\s+", " ");
            assertTrue(sentence.endsWith("."), summary.group(1) + ": " + sentence);
            assertTrue(sentence.length() <= 120, summary.group(1) + ": " + sentence.length() + " characters: " + sentence);
        }
        assertTrue(commands >= 10, out);
    }

    @Test
    void aMistypedCommandGetsASuggestion() {
        Cli.Result r = Cli.run("dif", "a.pb.gz");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("did you mean 'diff'"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void aMistypedOptionGetsASuggestion() {
        Cli.Result r = Cli.run("top", "--nodecont", "3", "a.pb.gz");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("did you mean '--nodecount'"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void anOptionFarFromEveryNameGetsNoSuggestion() {
        Cli.Result r = Cli.run("traces", "-n", "3", "a.pb.gz");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("leakscope: Unknown option: '-n'"), r.err());
        assertFalse(r.err().contains("did you mean"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }
}
