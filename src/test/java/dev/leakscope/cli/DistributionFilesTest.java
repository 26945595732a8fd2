package dev.leakscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakscope.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The man pages and completions of the distribution, generated from the command model. */
class DistributionFilesTest {
    private static final List<String> COMMANDS = List.of("top", "diff", "trend", "focus", "list", "traces", "info",
            "pprof");

    /** An option's line in --help: "  -n, --nodecount=N  ..." or "      --cum  ...". */
    private static final Pattern OPTION_LINE = Pattern.compile("^ {2}(?:-\\w, | {4})(--[\\w-]+)");

    @Test
    void aManPagePerCommandWithEveryOptionOfItsHelp(@TempDir Path dir) throws Exception {
        DistributionFiles.main(new String[] {dir.toString(), "9.9"});
        Path man = dir.resolve("share/man/man1");
        String root = Files.readString(man.resolve("leakscope.1"));
        assertTrue(root.startsWith(".TH \"LEAKSCOPE\" 1 \"\" \"leakscope 9.9\""), root);
        for (String command : COMMANDS) {
            String page = Files.readString(man.resolve("leakscope-" + command + ".1"));
            assertTrue(root.contains(".TP\n\\fB" + command + "\\fR\n"), command + " listed in leakscope(1)");
            String help = Cli.run(command, "--help").out();
            int options = 0;
            for (String line : help.split("\n")) {
                Matcher m = OPTION_LINE.matcher(line);
                if (m.find()) {
                    options++;
                    assertTrue(page.contains("\\fB" + ManPage.escape(m.group(1)) + "\\fR"), command + ": " + m.group(1));
                }
            }
            assertTrue(options >= 2, command + ": options found in --help: " + options);
            for (String line : page.split("\n")) {
                assertFalse(line.startsWith(".") && !line.matches("\\.(TH|SH|TP|nf|fi|sp) ?.*"), "troff: " + line);
            }
        }
    }

    @Test
    void dashOIsShortForOutputInHelpManPagesAndCompletionButNotInPprof(@TempDir Path dir) throws Exception {
        DistributionFiles.main(new String[] {dir.toString(), "9.9"});
        for (String command : COMMANDS) {
            String page = Files.readString(dir.resolve("share/man/man1/leakscope-" + command + ".1"));
            String help = Cli.run(command, "--help").out();
            boolean pprof = command.equals("pprof");
            assertEquals(!pprof, help.contains("  -o, --output=FILE "), command + ": " + help);
            assertEquals(!pprof, page.contains("\\fB\\-o\\fR, \\fB\\-\\-output\\fR \\fIFILE\\fR\n"), command);
        }
        String bash = Files.readString(dir.resolve("share/bash-completion/completions/leakscope"));
        assertTrue(bash.contains("    '-o'|'--output')\n"), bash);
    }

    @Test
    void bashCompletionIsWhatGenerateCompletionPrints(@TempDir Path dir) throws Exception {
        DistributionFiles.main(new String[] {dir.toString(), "9.9"});
        String bash = Files.readString(dir.resolve("share/bash-completion/completions/leakscope"));
        Cli.Result r = Cli.run("generate-completion");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(bash, r.out());
        assertTrue(bash.contains("complete -F _complete_leakscope"), bash);
        for (String command : COMMANDS) {
            assertTrue(bash.contains(command), command);
        }
        String zsh = Files.readString(dir.resolve("share/zsh/site-functions/_leakscope"));
        assertTrue(zsh.startsWith("#compdef leakscope\n") && zsh.endsWith(bash), zsh);
    }
}
