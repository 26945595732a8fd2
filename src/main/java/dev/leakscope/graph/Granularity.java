package dev.leakscope.graph;

/** What one graph node stands for; frames that agree on the kept attributes become one node. */
public enum Granularity {
    /** One node per function (the default). */
    FUNCTIONS(true, false, false, false),
    /** One node per function and source file. */
    FILEFUNCTIONS(true, true, false, false),
    /** One node per source file. */
    FILES(false, true, false, false),
    /** One node per source line. */
    LINES(true, true, true, false),
    /** One node per instruction address. */
    ADDRESSES(true, true, true, true);

    final boolean function;
    final boolean file;
    final boolean line;
    final boolean address;

    Granularity(boolean function, boolean file, boolean line, boolean address) {
        this.function = function;
        this.file = file;
        this.line = line;
        this.address = address;
    }

    /** The granularity named name ({@code functions}, {@code lines}…), or null. */
    public static Granularity parse(String name) {
        for (Granularity g : values()) {
            if (g.name().equalsIgnoreCase(name)) {
                return g;
            }
        }
        return null;
    }
}
