package dev.leakscope.profile.transform;

import dev.leakscope.util.IntList;
import dev.leakscope.util.LongList;
import java.util.Arrays;
import java.util.regex.Pattern;
import dev.leakscope.profile.Profile;
import dev.leakscope.profile.ProfileBuilder;

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
    /** Current samples: index into p, and stack slices (leaf first). */
    private int[] sampleIndex;
    private int[] stackStart;
    private int[] stackLocation;

    FrameFilter(Profile p) {
        this.p = p;
        lineKept = new boolean[p.lineFunction.length];
        Arrays.fill(lineKept, true);
        sampleIndex = new int[p.sampleCount];
        for (int s = 0; s < sampleIndex.length; s++) {
            sampleIndex[s] = s;
        }
        stackStart = p.stackStart;
        stackLocation = p.stackLocation;
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
        IntList samples = new IntList(sampleIndex.length);
        IntList starts = new IntList(sampleIndex.length + 1);
        IntList stack = new IntList(stackLocation.length);
        for (int i = 0; i < sampleIndex.length; i++) {
            if (!focusedAndNotIgnored(i, focusOrIgnore)) {
                continue;
            }
            int mark = stack.size();
            for (int k = stackStart[i]; k < stackStart[i + 1]; k++) {
                int l = stackLocation[k];
                if (!anyHidden || !hidden[l]) {
                    stack.add(l);
                }
            }
            if (stack.size() == mark) {
                continue;
            }
            starts.add(mark);
            samples.add(sampleIndex[i]);
        }
        starts.add(stack.size());
        replaceSamples(samples.toArray(), starts, stack);
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
        IntList samples = new IntList(sampleIndex.length);
        IntList starts = new IntList(sampleIndex.length + 1);
        IntList stack = new IntList(stackLocation.length);
        for (int i = 0; i < sampleIndex.length; i++) {
            for (int k = stackStart[i + 1] - 1; k >= stackStart[i]; k--) {
                if (from[stackLocation[k]]) {
                    starts.add(stack.size());
                    for (int j = stackStart[i]; j <= k; j++) {
                        stack.add(stackLocation[j]);
                    }
                    samples.add(sampleIndex[i]);
                    break;
                }
            }
        }
        starts.add(stack.size());
        replaceSamples(samples.toArray(), starts, stack);
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
        IntList starts = new IntList(p.sampleCount + 1);
        IntList stack = new IntList(p.stackLocation.length);
        for (int s = 0; s < p.sampleCount; s++) {
            starts.add(stack.size());
            int from = p.stackStart[s];
            for (int k = p.stackStart[s]; k < p.stackStart[s + 1]; k++) {
                if (beneath[p.stackLocation[k]]) {
                    from = k;
                    break;
                }
            }
            for (int k = from; k < p.stackStart[s + 1]; k++) {
                stack.add(p.stackLocation[k]);
            }
        }
        starts.add(stack.size());
        f.replaceSamples(f.sampleIndex, starts, stack);
        return f.result();
    }

    /** The filtered profile (p itself when nothing changed). */
    Profile result() {
        if (!linesChanged && !samplesChanged) {
            return p;
        }
        ProfileBuilder.Parts parts = p.parts();
        if (linesChanged) {
            int locs = p.locationCount();
            IntList lineStart = new IntList(locs + 1);
            IntList lineFunction = new IntList(p.lineFunction.length);
            LongList lineNumber = new LongList(p.lineFunction.length);
            for (int l = 0; l < locs; l++) {
                lineStart.add(lineFunction.size());
                for (int i = p.locLineStart[l]; i < p.locLineStart[l + 1]; i++) {
                    if (lineKept[i]) {
                        lineFunction.add(p.lineFunction[i]);
                        lineNumber.add(p.lineNumber[i]);
                    }
                }
            }
            lineStart.add(lineFunction.size());
            parts.locLineStart = lineStart.toArray();
            parts.lineFunction = lineFunction.toArray();
            parts.lineNumber = lineNumber.toArray();
        }
        if (samplesChanged) {
            ProfileEdits.keepSamples(p, parts, sampleIndex);
            parts.values = ProfileEdits.pickValues(p, sampleIndex);
            parts.stackStart = stackStart;
            parts.stackLocation = stackLocation;
        }
        return new Profile(parts);
    }

    private boolean hasEmptyStack() {
        for (int i = 0; i < sampleIndex.length; i++) {
            if (stackStart[i] == stackStart[i + 1]) {
                return true;
            }
        }
        return false;
    }

    private void replaceSamples(int[] samples, IntList starts, IntList stack) {
        sampleIndex = samples;
        stackStart = starts.toArray();
        stackLocation = stack.toArray();
        samplesChanged = true;
    }

    private boolean focusedAndNotIgnored(int sample, byte[] focusOrIgnore) {
        boolean focused = false;
        for (int k = stackStart[sample]; k < stackStart[sample + 1]; k++) {
            byte state = focusOrIgnore[stackLocation[k]];
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
