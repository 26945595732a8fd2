package dev.leakscope.focus;

import dev.leakscope.graph.GraphOptions;
import dev.leakscope.profile.Profile;
import java.util.regex.Pattern;

/**
 * What a focus is about: the functions matching a regex, in the current profile and, when base is not
 * null, a base one, with frames made into nodes as options say (current's sample index). Both
 * {@link FocusAnalysis} and {@link FocusTree} answer it.
 */
public record FocusQuery(Pattern regex, Input base, Input current, GraphOptions options) {

    /**
     * One profile of a focus: which sample value to read, and the total its percentages are of.
     *
     * @param total the report's total of that sample value
     */
    public record Input(Profile profile, int sampleIndex, long total) {
    }

    public boolean withBase() {
        return base != null;
    }
}
