package dev.leakscope.cli;

import picocli.CommandLine.Model.CommandSpec;

/**
 * The picocli models of leakscope's commands, as the build generated them from the commands' annotations
 * ({@link CommandModelGenerator}): built by plain code, they cost start-up about 35 ms less than picocli's
 * reading of the annotations. Where there is no generated code (a build that skipped it), picocli reads
 * the annotations as before.
 */
final class CommandModels {
    /** What the build generates. */
    interface Generated {
        /** The model of command, or null for a command it was not generated for. */
        CommandSpec spec(Object command);

        /** A new command of a type it was generated for, else null. */
        Object create(Class<?> type);
    }

    private static final Generated GENERATED = generated();

    private CommandModels() {
    }

    /** What picocli builds a command line of for command (a command or its class): its model, else itself. */
    static Object of(Object command) {
        if (GENERATED == null) {
            return command;
        }
        Object instance = command instanceof Class<?> type ? GENERATED.create(type) : command;
        CommandSpec spec = instance == null ? null : GENERATED.spec(instance);
        return spec == null ? command : spec;
    }

    private static Generated generated() {
        try {
            return (Generated) Class.forName(CommandModels.class.getPackageName() + ".GeneratedCommandModels")
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }
}
