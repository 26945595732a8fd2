package dev.leakscope.cli;

import picocli.CommandLine.Option;

/** {@code --ascii}: sparklines in ASCII, for terminals and tickets that do not show block characters. */
final class AsciiOption {
    @Option(names = "--ascii", description = "Draw sparklines in ASCII (the default when the locale is not UTF-8).")
    boolean ascii;

    /** Whether to draw in ASCII: asked for, or the locale is not UTF-8. */
    boolean on(Environment env) {
        return ascii || !env.utf8();
    }
}
