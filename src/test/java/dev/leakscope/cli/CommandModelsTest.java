package dev.leakscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The generated models (CommandModelGenerator, run by the build) are the ones picocli builds from the
 * commands' annotations: every attribute of every option, parameter and mixin, the usage help, and the
 * values a parse sets.
 */
class CommandModelsTest {
    /**
     * Attributes that are objects of a model's own (bindings, scopes, back references), not values; and the
     * mixins' annotated fields, which only picocli's reading of annotations records (nothing reads them).
     */
    private static final Set<String> NOT_VALUES = Set.of("mixinAnnotatedElements", "getter", "setter", "scope",
            "command", "group", "messages",
            "userObject", "typeInfo", "annotatedElement", "parameterConsumer", "preprocessor", "root", "getValue",
            "getValues", "stringValues", "originalStringValues", "typedValues", "initialValue", "hashCode",
            "getClass", "toBuilder", "argGroup", "argGroups", "completionCandidates", "converters");

    @Test
    void everyCommandIsGenerated() {
        assertInstanceOf(CommandSpec.class, CommandModels.of(new LeakscopeCommand(null, null, null)));
        Commands.SUBCOMMANDS.values().stream().filter(c -> c != picocli.AutoComplete.GenerateCompletion.class)
                .forEach(c -> assertInstanceOf(CommandSpec.class, CommandModels.of(c), c.getName()));
    }

    @Test
    void generatedModelsAreTheAnnotatedOnes() throws Exception {
        List<Object> commands = new ArrayList<>(List.of(new LeakscopeCommand(null, null, null)));
        for (Class<?> c : Commands.SUBCOMMANDS.values()) {
            if (c != picocli.AutoComplete.GenerateCompletion.class) {
                var constructor = c.getDeclaredConstructor();
                constructor.setAccessible(true);
                commands.add(constructor.newInstance());
            }
        }
        for (Object command : commands) {
            CommandLine annotated = new CommandLine(command);
            CommandLine generated = new CommandLine(CommandModels.of(command.getClass() == LeakscopeCommand.class
                    ? new LeakscopeCommand(null, null, null) : command.getClass()));
            assertNotSame(annotated.getCommand(), generated.getCommand());
            assertEquals(describe(annotated.getCommandSpec()).lines().toList(),
                    describe(generated.getCommandSpec()).lines().toList(), command.getClass().getSimpleName());
            assertEquals(annotated.getUsageMessage(CommandLine.Help.Ansi.OFF),
                    generated.getUsageMessage(CommandLine.Help.Ansi.OFF), command.getClass().getSimpleName());
        }
    }

    @Test
    void parsingSetsTheFields() {
        CommandLine cl = new CommandLine(CommandModels.of(TopCommand.class));
        cl.parseArgs("-n", "7", "--cum", "--max-bytes", "1GiB", "--focus", "a", "x.pb.gz", "y.pb.gz");
        TopCommand top = cl.getCommand();
        assertEquals(7, top.report.nodes.nodeCount(0));
        assertEquals(true, top.report.cum);
        assertEquals("1GiB", top.input.maxBytes);
        assertEquals(10000, top.input.maxMembers);
        assertEquals(List.of("x.pb.gz", "y.pb.gz"), top.files);
        assertEquals("functions", top.report.granularity);
        assertEquals("a", top.filters.focus);
    }

    /**
     * The spec's values, its mixins' and its arguments', by name, in the spec's order; user objects (new
     * ones, and the standard help options' values held by picocli's own class or by the generated spec) aside.
     */
    private static String describe(CommandSpec spec) throws ReflectiveOperationException {
        return describeWithUserObjects(spec).replaceAll("\\(user object: [^)]*\\)", "(user object)");
    }

    private static String describeWithUserObjects(CommandSpec spec) throws ReflectiveOperationException {
        StringBuilder s = new StringBuilder(values(spec, CommandSpec.class)).append('\n');
        s.append("mixins ").append(spec.mixins().keySet()).append('\n');
        for (var mixin : spec.mixins().entrySet()) {
            s.append("mixin ").append(mixin.getKey()).append(": ").append(describeWithUserObjects(mixin.getValue()))
                    .append('\n');
        }
        for (ArgSpec a : spec.args()) {
            s.append(values(a, a.getClass())).append('\n');
        }
        return s.toString();
    }

    private static String values(Object o, Class<?> type) throws ReflectiveOperationException {
        TreeMap<String, String> values = new TreeMap<>();
        for (Method m : type.getMethods()) {
            if (m.getParameterCount() > 0 || Modifier.isStatic(m.getModifiers()) || NOT_VALUES.contains(m.getName())
                    || m.getDeclaringClass() == Object.class && !m.getName().equals("toString")) {
                continue;
            }
            Class<?> r = m.getReturnType();
            if (r.isPrimitive() || r == String.class || r == String[].class || r.isEnum() || r == Class.class
                    || r == Class[].class || r == CommandLine.Range.class || r == List.class || r == Map.class) {
                Object v = m.invoke(o);
                values.put(m.getName(), v instanceof Object[] a ? Arrays.toString(a) : String.valueOf(v));
            }
        }
        return values.toString();
    }
}
