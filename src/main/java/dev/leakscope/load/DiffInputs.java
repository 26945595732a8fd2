package dev.leakscope.load;

import dev.leakscope.profile.Profile;
import dev.leakscope.profile.Snapshot;
import java.util.List;

/**
 * The two sides of a diff as loaded: each merged, in the other's units, pruned.
 *
 * @param baseInputs    the files the base was merged from, in command-line order
 * @param currentInputs the files the current profile was merged from
 * @param sampleIndex   the sample type compared, resolved on the current profile
 * @param warnings      what reading them found about the comparison itself, each a line starting "warning: ":
 *                      diff DIR whose profiles' times do not order them compares its first and last by name
 */
public record DiffInputs(Profile base, List<Snapshot> baseInputs, Profile current, List<Snapshot> currentInputs,
                         int sampleIndex, List<String> warnings) {
    public DiffInputs {
        baseInputs = List.copyOf(baseInputs);
        currentInputs = List.copyOf(currentInputs);
        warnings = List.copyOf(warnings);
    }
}
