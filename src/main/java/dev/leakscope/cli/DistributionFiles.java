package dev.leakscope.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * Build step (Maven runs it before packaging): writes the man pages and shell completions of the
 * distribution from the command model, so they always match --help.
 * Usage: {@code DistributionFiles OUTPUT_DIR VERSION}.
 */
public final class DistributionFiles {
    private DistributionFiles() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        String version = "leakscope " + args[1];
        CommandLine root = Commands.commandLine(Path.of(""), InputStream.nullInputStream(),
                new PrintWriter(Writer.nullWriter()), new PrintWriter(Writer.nullWriter()), false, Environment.system());
        Path man = Files.createDirectories(out.resolve("share/man/man1"));
        write(man.resolve("leakscope.1"), ManPage.render(root, version));
        for (CommandLine sub : root.getSubcommands().values()) {
            if (!sub.getCommandSpec().usageMessage().hidden()) {
                write(man.resolve("leakscope-" + sub.getCommandName() + ".1"), ManPage.render(sub, version));
            }
        }
        String bash = AutoComplete.bash("leakscope", root) + "\n";
        write(Files.createDirectories(out.resolve("share/bash-completion/completions")).resolve("leakscope"), bash);
        // zsh runs the same completion through its bash compatibility layer.
        write(Files.createDirectories(out.resolve("share/zsh/site-functions")).resolve("_leakscope"),
                "#compdef leakscope\n# leakscope's bash completion, run by zsh's bashcompinit.\n"
                        + "autoload -U +X bashcompinit && bashcompinit\n" + bash);
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
