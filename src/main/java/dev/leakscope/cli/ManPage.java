package dev.leakscope.cli;

import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A troff man page (section 1) rendered from a command's picocli model: the same synopsis,
 * description, parameters, options and exit codes as its --help, so the two cannot drift apart.
 */
final class ManPage {
    private ManPage() {
    }

    static String render(CommandLine cl, String version) {
        CommandSpec spec = cl.getCommandSpec();
        String name = spec.qualifiedName("-");
        Help help = new Help(spec, Help.defaultColorScheme(Help.Ansi.OFF));
        StringBuilder b = new StringBuilder();
        b.append(".TH \"").append(name.toUpperCase(Locale.ROOT)).append("\" 1 \"\" \"").append(version)
                .append("\" \"User Commands\"\n");
        String description = text(spec.usageMessage().description());
        b.append(".SH NAME\n").append(escape(name)).append(" \\- ").append(escape(firstLine(description))).append('\n');
        b.append(".SH SYNOPSIS\n.nf\n").append(verbatim(help.synopsis(0).stripTrailing())).append("\n.fi\n");
        b.append(".SH DESCRIPTION\n").append(paragraphs(description));
        if (!cl.getSubcommands().isEmpty()) {
            b.append(".SH COMMANDS\n");
            cl.getSubcommands().forEach((sub, c) -> {
                if (!c.getCommandSpec().usageMessage().hidden()) {
                    b.append(".TP\n\\fB").append(escape(sub)).append("\\fR\n")
                            .append(escape(firstLine(text(c.getCommandSpec().usageMessage().description()))))
                            .append('\n');
                }
            });
            b.append("Each command has its own page: \\fBleakscope\\-COMMAND\\fR(1).\n");
        }
        List<PositionalParamSpec> params = spec.positionalParameters();
        if (!params.isEmpty()) {
            b.append(".SH ARGUMENTS\n");
            for (PositionalParamSpec p : params) {
                if (!p.hidden()) {
                    b.append(".TP\n\\fI").append(escape(p.paramLabel())).append("\\fR\n")
                            .append(paragraphs(text(p.description())));
                }
            }
        }
        b.append(".SH OPTIONS\n");
        for (OptionSpec o : spec.options()) {
            if (o.hidden()) {
                continue;
            }
            b.append(".TP\n");
            String[] names = o.names();
            for (int i = 0; i < names.length; i++) {
                b.append(i == 0 ? "" : ", ").append("\\fB").append(escape(names[i])).append("\\fR");
            }
            if (o.typeInfo() == null || !o.typeInfo().isBoolean()) {
                b.append(" \\fI").append(escape(o.paramLabel())).append("\\fR");
            }
            b.append('\n').append(paragraphs(text(o.description())));
        }
        String exitCodes = help.exitCodeList();
        if (!exitCodes.isBlank()) {
            b.append(".SH EXIT STATUS\n");
            spec.usageMessage().exitCodeList().forEach((code, text) ->
                    b.append(".TP\n\\fB").append(escape(code.strip())).append("\\fR\n").append(escape(text.strip()))
                            .append('\n'));
        }
        b.append(".SH SEE ALSO\n");
        b.append(spec.parent() == null ? "\\fBleakscope\\-diff\\fR(1), \\fBleakscope\\-trend\\fR(1), "
                + "\\fBleakscope\\-top\\fR(1); the README of the distribution."
                : "\\fBleakscope\\fR(1)").append('\n');
        return b.toString();
    }

    /** Description lines as --help shows them: %n is a line break, %% a percent sign. */
    private static String text(String[] lines) {
        return String.join("\n", lines).replace("%n", "\n").replace("%%", "%");
    }

    /** The first sentence (of the first paragraph), on one line. */
    private static String firstLine(String text) {
        String s = text.strip().split("\n\\s*\n", 2)[0].replaceAll("\\s*\n\\s*", " ");
        int end = s.indexOf(". ");
        return end < 0 ? s : s.substring(0, end + 1);
    }

    /** Text as paragraphs: blank lines start a new one; lines that look laid out are kept as they are. */
    private static String paragraphs(String text) {
        StringBuilder b = new StringBuilder();
        boolean verbatim = false;
        for (String line : text.strip().split("\n", -1)) {
            boolean laidOut = line.startsWith("  ");
            if (laidOut && !verbatim) {
                b.append(".nf\n");
                verbatim = true;
            } else if (!laidOut && verbatim) {
                b.append(".fi\n");
                verbatim = false;
            }
            b.append(line.isBlank() ? ".sp" : laidOut ? verbatim(line) : escape(line.strip())).append('\n');
        }
        if (verbatim) {
            b.append(".fi\n");
        }
        return b.toString();
    }

    private static String verbatim(String text) {
        StringBuilder b = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            b.append(escape(line)).append('\n');
        }
        return b.substring(0, b.length() - 1);
    }

    /** Escapes troff's special characters; a line may not start with a control character. */
    static String escape(String s) {
        String e = s.replace("\\", "\\e").replace("-", "\\-");
        return e.startsWith(".") || e.startsWith("'") ? "\\&" + e : e;
    }
}
