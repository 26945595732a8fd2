package dev.leakscope.profile.transform;

import dev.leakscope.util.BlockedInts;
import dev.leakscope.util.IntBlocks;
import dev.leakscope.util.IntList;
import java.util.Arrays;
import java.util.regex.Pattern;
import dev.leakscope.profile.Profile;
import dev.leakscope.profile.ProfileBuilder;
import dev.leakscope.profile.StackTree;

/**
 * The frame-based filters of pprof ({@code profile/filter.go}, {@code prune.go}) on one profile:
 * lines are removed from locations through a mask, stacks are cut or samples dropped, and
 * {@link #result()} builds the filtered copy once. A location "matches" a regex when one of its
 * lines' function or file name does, or its mapping's file; regexes are unanchored.
 */
final class FrameFilter {
    private final Profile p;
    private final boolean[] lineKept;
    private boolean linesChanged;
    private boolean samplesChanged;
    /** Current samples: index into p (null while they are p's own, one for one), and leaf node in stacks. */
    private int[] sampleIndex;
    private StackTree stacks;
    private BlockedInts stackLeaf;
    /** A stack, leaf first (filters only shorten stacks: p's deepest fits). */
    private final int[] stack;

    FrameFilter(Profile p) {
        this.p = p;
        lineKept = new boolean[p.lineFunction.length];
        Arrays.fill(lineKept, true);
        stacks = p.stacks;
        stackLeaf = p.stackLeaf;
        stack = p.stackBuffer();
    }

    /**
     * pprof's FilterSamplesByName: keeps samples with a frame matching focus (any frame when focus is
     * null) and none matching ignore; removes the lines matching hide and those not matching show,
     * and locations left without lines from stacks; drops samples left without frames. Returns whether
     * focus, ignore, hide and show matched anything.
     */
    boolean[] byName(Pattern focus, Pattern ignore, Pattern hide, Pattern show) {
        int locs = p.locationCount();
        byte[] focusOrIgnore = new byte[locs]; // 1 focused, 2 ignored
        boolean[] hidden = new boolean[locs];
        boolean anyHidden = false;
        boolean[] matched = new boolean[4];
        for (int l = 0; l < locs; l++) {
            if (ignore != null && matchesName(l, ignore)) {
                matched[1] = true;
                focusOrIgnore[l] = 2;
            } else if (focus == null || matchesName(l, focus)) {
                matched[0] = true;
                focusOrIgnore[l] = 1;
            }
            if (hide != null && matchesName(l, hide)) {
                matched[2] = true;
                if (!keepLines(l, hide, false)) {
                    hidden[l] = true;
                    anyHidden = true;
                }
            }
            if (show != null) {
                if (keepLines(l, show, true)) {
                    matched[3] = true;
                } else {
                    hidden[l] = true;
                    anyHidden = true;
                }
            }
        }
        if (focus == null && ignore == null && !anyHidden && !hasEmptyStack()) {
            return matched; // nothing to drop: no copy
        }
        IntList samples = new IntList(stackLeaf.length());
        IntBlocks leaves = new IntBlocks();
        StackTree.Builder out = new StackTree.Builder();
        for (int i = 0; i < stackLeaf.length(); i++) {
            if (!focusedAndNotIgnored(i, focusOrIgnore)) {
                continue;
            }
            int kept = 0;
            for (int k = 0, d = stacks.stack(stackLeaf.get(i), stack); k < d; k++) {
                int l = stack[k];
                if (!anyHidden || !hidden[l]) {
                    stack[kept++] = l;
                }
            }
            if (kept == 0) {
                continue;
            }
            leaves.add(out.add(stack, 0, kept));
            samples.add(original(i));
        }
        replaceSamples(samples.toArray(), out, leaves);
        return matched;
    }

    /**
     * pprof's ShowFrom: in each sample, keeps the frames from the leaf up to the rootmost location
     * matching re (within it, the lines up to the outermost matching one); samples without a match
     * are dropped. Returns whether any location matched.
     */
    boolean showFrom(Pattern re) {
        int locs = p.locationCount();
        boolean[] from = new boolean[locs];
        boolean matched = false;
        for (int l = 0; l < locs; l++) {
            int m = p.locMapping[l];
            if (m >= 0 && re.matcher(p.mappings[m].file()).find()) {
                from[l] = true;
                matched = true;
                continue;
            }
            for (int i = p.locLineStart[l + 1] - 1; i >= p.locLineStart[l]; i--) {
                if (lineKept[i] && lineMatches(i, re)) {
                    for (int j = i + 1; j < p.locLineStart[l + 1]; j++) {
                        linesChanged |= lineKept[j];
                        lineKept[j] = false;
                    }
                    from[l] = true;
                    matched = true;
                    break;
                }
            }
        }
        IntList samples = new IntList(stackLeaf.length());
        IntBlocks leaves = new IntBlocks();
        StackTree.Builder out = new StackTree.Builder();
        for (int i = 0; i < stackLeaf.length(); i++) {
            for (int k = stacks.stack(stackLeaf.get(i), stack) - 1; k >= 0; k--) {
                if (from[stack[k]]) {
                    leaves.add(out.add(stack, 0, k + 1));
                    samples.add(original(i));
                    break;
                }
            }
        }
        replaceSamples(samples.toArray(), out, leaves);
        return matched;
    }

    /**
     * pprof's PruneFrom: in each location, the lines inside the first (innermost) one whose
     * simplified function name matches are removed; each sample is cut just leafward of its first
     * such location from the leaf, which becomes the new leaf.
     */
    static Profile pruneFrom(Profile p, Pattern re) {
        FrameFilter f = new FrameFilter(p);
        boolean[] beneath = new boolean[p.locationCount()];
        for (int l = 0; l < beneath.length; l++) {
            for (int i = p.locLineStart[l]; i < p.locLineStart[l + 1]; i++) {
                String name = p.functionName(p.lineFunction[i]);
                if (!name.isEmpty() && re.matcher(FramePruner.simplify(name)).find()) {
                    beneath[l] = true;
                    for (int j = p.locLineStart[l]; j < i; j++) {
                        f.lineKept[j] = false;
                        f.linesChanged = true;
                    }
                    break;
                }
            }
        }
        IntBlocks leaves = new IntBlocks();
        StackTree.Builder out = new StackTree.Builder();
        for (int s = 0; s < p.sampleCount; s++) {
            int d = p.stack(s, f.stack);
            int from = 0;
            while (from < d && !beneath[f.stack[from]]) {
                from++;
            }
            leaves.add(out.add(f.stack, from == d ? 0 : from, d));
        }
        f.replaceSamples(f.sampleIndex, out, leaves);
        return f.result();
    }

    /** The filtered profile (p itself when nothing changed). */
    Profile result() {
        if (!linesChanged && !samplesChanged) {
            return p;
        }
        ProfileBuilder.Parts parts = p.parts();
        if (linesChanged) {
            ProfileEdits.keepLines(p, parts, lineKept);
        }
        if (samplesChanged) {
            int[] kept = sampleIndex != null ? sampleIndex : identity(p.sampleCount);
            ProfileEdits.keepSamples(p, parts, kept);
            parts.values = ProfileEdits.pickValues(p, kept);
            parts.stacks = stacks;
            parts.stackLeaf = stackLeaf;
        }
        return new Profile(parts);
    }

    /** The index in p of current sample i. */
    private int original(int i) {
        return sampleIndex == null ? i : sampleIndex[i];
    }

    private static int[] identity(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }

    private boolean hasEmptyStack() {
        for (int i = 0; i < stackLeaf.length(); i++) {
            if (stackLeaf.get(i) < 0) {
                return true;
            }
        }
        return false;
    }

    private void replaceSamples(int[] samples, StackTree.Builder tree, IntBlocks leaves) {
        sampleIndex = samples;
        stacks = tree.build();
        stackLeaf = leaves.frozen();
        samplesChanged = true;
    }

    private boolean focusedAndNotIgnored(int sample, byte[] focusOrIgnore) {
        boolean focused = false;
        for (int n = stackLeaf.get(sample); n >= 0; n = stacks.parent(n)) {
            byte state = focusOrIgnore[stacks.location(n)];
            if (state == 2) {
                return false;
            }
            focused |= state == 1;
        }
        return focused;
    }

    /**
     * Keeps the location's current lines that match re (show) or that do not (hide); all lines when
     * show and the mapping matches, none when hide and it does. Returns whether any line is left.
     */
    private boolean keepLines(int l, Pattern re, boolean show) {
        int m = p.locMapping[l];
        boolean mappingMatches = m >= 0 && re.matcher(p.mappings[m].file()).find();
        boolean any = false;
        for (int i = p.locLineStart[l]; i < p.locLineStart[l + 1]; i++) {
            if (!lineKept[i]) {
                continue;
            }
            boolean keep = show ? mappingMatches || lineMatches(i, re) : !mappingMatches && !lineMatches(i, re);
            if (keep) {
                any = true;
            } else {
                lineKept[i] = false;
                linesChanged = true;
            }
        }
        return any;
    }

    private boolean matchesName(int l, Pattern re) {
        for (int i = p.locLineStart[l]; i < p.locLineStart[l + 1]; i++) {
            if (lineKept[i] && lineMatches(i, re)) {
                return true;
            }
        }
        int m = p.locMapping[l];
        return m >= 0 && re.matcher(p.mappings[m].file()).find();
    }

    private boolean lineMatches(int line, Pattern re) {
        int f = p.lineFunction[line];
        return re.matcher(p.strings[p.fnName[f]]).find() || re.matcher(p.strings[p.fnFile[f]]).find();
    }
}
