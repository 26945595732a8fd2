package dev.leakscope.cli;

import dev.leakscope.profile.transform.Filters;
import picocli.CommandLine.Option;

/** pprof's sample filters, spelled the same way by every report command. Regexes are unanchored. */
final class FilterOptions {
    @Option(names = "--focus", paramLabel = "REGEX",
            description = "Keep only samples with a frame matching REGEX (function, file or binary name).")
    String focus;

    @Option(names = "--ignore", paramLabel = "REGEX", description = "Drop samples with a frame matching REGEX.")
    String ignore;

    @Option(names = "--hide", paramLabel = "REGEX",
            description = "Remove frames matching REGEX from stacks (their value goes to the caller left as leaf).")
    String hide;

    @Option(names = "--show", paramLabel = "REGEX", description = "Keep only frames matching REGEX in stacks.")
    String show;

    @Option(names = "--show-from", paramLabel = "REGEX",
            description = "Cut each stack above its rootmost frame matching REGEX; drop samples without one.")
    String showFrom;

    @Option(names = "--prune-from", paramLabel = "REGEX",
            description = "Cut each stack below its leafmost frame matching REGEX, which becomes the leaf.")
    String pruneFrom;

    @Option(names = "--tag-focus", paramLabel = "[KEY=]VALUE",
            description = "Keep samples whose labels match: regexes (a,b) or a numeric range such as bytes=1kB: or 64:512.")
    String tagFocus;

    @Option(names = "--tag-ignore", paramLabel = "[KEY=]VALUE", description = "Drop samples whose labels match (as --tag-focus).")
    String tagIgnore;

    @Option(names = "--tag-show", paramLabel = "REGEX", description = "Keep only the label keys matching REGEX.")
    String tagShow;

    @Option(names = "--tag-hide", paramLabel = "REGEX", description = "Remove the label keys matching REGEX.")
    String tagHide;

    @Option(names = "--relative-percentages",
            description = "Percentages of the filtered profile instead of the whole one.")
    boolean relativePercentages;

    Filters filters() {
        return Filters.builder().focus(focus).ignore(ignore).hide(hide).show(show).showFrom(showFrom)
                .tagFocus(tagFocus).tagIgnore(tagIgnore).tagShow(tagShow).tagHide(tagHide).pruneFrom(pruneFrom)
                .relativePercentages(relativePercentages).build();
    }
}
