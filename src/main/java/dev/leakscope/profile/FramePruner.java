package dev.leakscope.profile;

import dev.leakscope.util.InputException;
import dev.leakscope.util.IntList;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Applies a profile's {@code drop_frames}/{@code keep_frames} as pprof does: frames matching
 * drop_frames (and not keep_frames) are cut from stacks together with everything leafward of them,
 * but never before the first frame that does not match (so a stack starting in an allocator keeps it).
 */
public final class FramePruner {
    private FramePruner() {
    }

    public static Profile prune(Profile p) {
        if (p.dropFrames.isEmpty()) {
            return p;
        }
        Pattern drop = compile(p.dropFrames, "drop_frames");
        Pattern keep = p.keepFrames.isEmpty() ? null : compile(p.keepFrames, "keep_frames");
        int locs = p.locationCount();
        boolean[] prune = new boolean[locs];
        boolean[] pruneBeneath = new boolean[locs];
        int[] newLineStart = new int[locs]; // first line kept per location
        boolean any = false;
        for (int l = 0; l < locs; l++) {
            newLineStart[l] = p.locLineStart[l];
            int i;
            for (i = p.locLineStart[l + 1] - 1; i >= p.locLineStart[l]; i--) {
                String name = p.functionName(p.lineFunction[i]);
                if (name.isEmpty()) {
                    continue;
                }
                String simple = simplify(name);
                if (drop.matcher(simple).matches() && (keep == null || !keep.matcher(simple).matches())) {
                    break;
                }
            }
            if (i >= p.locLineStart[l]) {
                any = true;
                pruneBeneath[l] = true;
                if (i == p.locLineStart[l + 1] - 1) {
                    prune[l] = true;
                } else {
                    newLineStart[l] = i + 1;
                }
            }
        }
        if (!any) {
            return p;
        }
        ProfileBuilder.Parts parts = p.parts();
        // Locations keep only the lines outside the matched one.
        IntList lineStart = new IntList(locs + 1);
        IntList lineFunction = new IntList(p.lineFunction.length);
        dev.leakscope.util.LongList lineNumber = new dev.leakscope.util.LongList(p.lineFunction.length);
        for (int l = 0; l < locs; l++) {
            lineStart.add(lineFunction.size());
            for (int i = newLineStart[l]; i < p.locLineStart[l + 1]; i++) {
                lineFunction.add(p.lineFunction[i]);
                lineNumber.add(p.lineNumber[i]);
            }
        }
        lineStart.add(lineFunction.size());
        parts.locLineStart = lineStart.toArray();
        parts.lineFunction = lineFunction.toArray();
        parts.lineNumber = lineNumber.toArray();
        // Stacks are cut at the first marked location after the first unmarked one, from the root.
        IntList stackStart = new IntList(p.sampleCount + 1);
        IntList stack = new IntList(p.stackLocation.length);
        for (int s = 0; s < p.sampleCount; s++) {
            int from = p.stackStart[s];
            boolean foundUser = false;
            for (int i = p.stackStart[s + 1] - 1; i >= p.stackStart[s]; i--) {
                int l = p.stackLocation[i];
                if (!prune[l] && !pruneBeneath[l]) {
                    foundUser = true;
                    continue;
                }
                if (!foundUser) {
                    continue;
                }
                from = prune[l] ? i + 1 : i;
                break;
            }
            stackStart.add(stack.size());
            for (int i = from; i < p.stackStart[s + 1]; i++) {
                stack.add(p.stackLocation[i]);
            }
        }
        stackStart.add(stack.size());
        parts.stackStart = stackStart.toArray();
        parts.stackLocation = stack.toArray();
        return new Profile(parts);
    }

    /** Drops a leading '.' and an argument list, except the '(' of reserved C++ names. */
    static String simplify(String name) {
        String n = name.startsWith(".") ? name.substring(1) : name;
        int from = 0;
        while (true) {
            int paren = n.indexOf('(', from);
            if (paren < 0) {
                return n;
            }
            if (n.startsWith("(anonymous namespace)", paren)) {
                from = paren + "(anonymous namespace)".length();
                continue;
            }
            if (paren >= "operator".length() && n.startsWith("operator()", paren - "operator".length())) {
                from = paren + 2;
                continue;
            }
            return n.substring(0, paren);
        }
    }

    private static Pattern compile(String regex, String what) {
        try {
            return Pattern.compile("^(" + regex + ")$");
        } catch (PatternSyntaxException e) {
            throw new InputException("profile's " + what + " is not a valid regular expression: " + regex);
        }
    }
}
