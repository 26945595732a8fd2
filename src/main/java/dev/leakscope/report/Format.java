package dev.leakscope.report;

import dev.leakscope.util.UsageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The output syntaxes reports are rendered in; each product renders the ones it lists. */
public enum Format {
    TEXT, MARKDOWN, JSON, HTML;

    /**
     * The format a {@code --format} value names (any case; {@code md} for markdown), among those a
     * report supports.
     *
     * @throws UsageException naming the supported ones
     */
    public static Format parse(String name, Format... supported) {
        String n = name.toLowerCase(Locale.ROOT);
        for (Format f : supported) {
            if (f.name().toLowerCase(Locale.ROOT).equals(n) || (f == MARKDOWN && n.equals("md"))) {
                return f;
            }
        }
        List<String> names = new ArrayList<>();
        for (Format f : supported) {
            names.add(f.name().toLowerCase(Locale.ROOT));
        }
        String last = names.remove(names.size() - 1);
        String choices = "(use " + String.join(", ", names) + " or " + last + ")";
        for (Format f : values()) {
            if (f.name().toLowerCase(Locale.ROOT).equals(n) || (f == MARKDOWN && n.equals("md"))) {
                throw new UsageException("this report has no " + n + " format " + choices);
            }
        }
        throw new UsageException("unknown format '" + name + "' " + choices);
    }
}
