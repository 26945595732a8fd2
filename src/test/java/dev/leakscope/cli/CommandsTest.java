package dev.leakscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.AutoComplete;
import picocli.CommandLine;

/** A run builds the model of the one command it runs; what it parses and prints is the whole tree's. */
class CommandsTest {
    private static CommandLine tree(String... args) {
        return Commands.commandLine(Path.of("."), new ByteArrayInputStream(new byte[0]),
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), false, Environment.system(),
                args);
    }

    @Test
    void theTableNamesEachCommandAsItsAnnotationDoes() {
        Commands.SUBCOMMANDS.forEach((name, sub) ->
                assertEquals(name, sub.getAnnotation(CommandLine.Command.class).name()));
    }

    @Test
    void aRunNeedsTheCommandItNamesAfterTheRootsOptions() {
        assertEquals(List.of(TopCommand.class), List.copyOf(Commands.needed(new String[] {"top", "f.pb.gz"})));
        assertEquals(List.of(DiffCommand.class),
                List.copyOf(Commands.needed(new String[] {"--color", "never", "--quiet", "diff", "a", "b"})));
        assertEquals(List.of(TrendCommand.class),
                List.copyOf(Commands.needed(new String[] {"--color=never", "--debug", "trend", "--help"})));
        assertEquals(List.of(), List.copyOf(Commands.needed(new String[] {"--version"})));
        assertEquals(List.of(), List.copyOf(Commands.needed(new String[] {"--debug", "-V"})));
        for (String[] all : List.of(new String[0], new String[] {"--help"}, new String[] {"tpo", "f"},
                new String[] {"--version", "top"}, new String[] {"--color"}, new String[] {"generate-completion"})) {
            assertEquals(List.copyOf(Commands.SUBCOMMANDS.values()), List.copyOf(Commands.needed(all)),
                    String.join(" ", all));
        }
        assertEquals(AutoComplete.GenerateCompletion.class, List.copyOf(Commands.SUBCOMMANDS.values()).get(10));
    }

    @Test
    void everyOptionIsAStringOrANumberWhichPicocliConvertsWithoutReflection() {
        Set<Class<?>> plain = Set.of(String.class, int.class, Integer.class, long.class, Long.class, double.class,
                Double.class, boolean.class, Boolean.class);
        List<CommandLine> all = new ArrayList<>(List.of(tree((String[]) null)));
        for (int i = 0; i < all.size(); i++) {
            all.addAll(all.get(i).getSubcommands().values());
            for (CommandLine.Model.ArgSpec arg : all.get(i).getCommandSpec().args()) {
                Class<?> type = arg.isMultiValue() ? arg.auxiliaryTypes()[0] : arg.type();
                assertTrue(plain.contains(type) || arg.converters().length > 0,
                        all.get(i).getCommandName() + " " + arg.paramLabel() + ": " + type);
            }
        }
    }

    @Test
    void eachCommandAloneHasTheOptionsAndHelpItHasInTheWholeTree() {
        CommandLine whole = tree((String[]) null);
        for (String name : Commands.SUBCOMMANDS.keySet()) {
            CommandLine alone = tree(name, "--debug").getSubcommands().get(name);
            CommandLine inWhole = whole.getSubcommands().get(name);
            assertEquals(inWhole.getUsageMessage(), alone.getUsageMessage(), name);
            assertEquals(inWhole.isUnmatchedOptionsArePositionalParams(), alone.isUnmatchedOptionsArePositionalParams(),
                    name);
        }
    }

    @Test
    void theVersionLineMainPrintsAloneIsPicocliS() {
        for (String option : List.of("--version", "-V")) {
            StringWriter out = new StringWriter();
            int code = Main.run(new String[] {option}, Path.of("."), new ByteArrayInputStream(new byte[0]),
                    new PrintWriter(out), new PrintWriter(new StringWriter()));
            assertEquals(0, code);
            assertEquals(Version.line() + System.lineSeparator(), out.toString());
        }
    }
}
