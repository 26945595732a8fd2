package dev.leakscope.profile.transform;

import dev.leakscope.util.InputException;
import dev.leakscope.util.IntBlocks;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import dev.leakscope.profile.Profile;
import dev.leakscope.profile.ProfileBuilder;
import dev.leakscope.profile.StackTree;

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
        boolean[] lineKept = new boolean[p.lineFunction.length];
        Arrays.fill(lineKept, true);
        boolean any = false;
        // Whether each function is dropped: 1 yes, -1 no, 0 not looked at yet.
        byte[] dropped = new byte[p.fnId.length];
        for (int l = 0; l < locs; l++) {
            int i;
            for (i = p.locLineStart[l + 1] - 1; i >= p.locLineStart[l]; i--) {
                int f = p.lineFunction[i];
                if (dropped[f] == 0) {
                    String name = p.functionName(f);
                    dropped[f] = !name.isEmpty() && matches(drop, simplify(name))
                            && (keep == null || !matches(keep, simplify(name))) ? (byte) 1 : (byte) -1;
                }
                if (dropped[f] > 0) {
                    break;
                }
            }
            if (i >= p.locLineStart[l]) {
                any = true;
                pruneBeneath[l] = true;
                if (i == p.locLineStart[l + 1] - 1) {
                    prune[l] = true;
                } else {
                    Arrays.fill(lineKept, p.locLineStart[l], i + 1, false);
                }
            }
        }
        if (!any) {
            return p;
        }
        ProfileBuilder.Parts parts = p.parts();
        // Locations keep only the lines outside the matched one.
        ProfileEdits.keepLines(p, parts, lineKept);
        // Stacks are cut at the first marked location after the first unmarked one, from the root.
        IntBlocks leaves = new IntBlocks();
        StackTree.Builder tree = new StackTree.Builder();
        int[] stack = p.stackBuffer();
        for (int s = 0; s < p.sampleCount; s++) {
            int d = p.stack(s, stack);
            int from = 0;
            boolean foundUser = false;
            for (int i = d - 1; i >= 0; i--) {
                int l = stack[i];
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
            leaves.add(tree.add(stack, from, d));
        }
        parts.stacks = tree.build();
        parts.stackLeaf = leaves.frozen();
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

    /**
     * Whether the pattern matches the whole name, within a budget of character reads: the regular
     * expression comes from the profile, and a backtracking one must not hang the tool.
     */
    private static boolean matches(Pattern pattern, String name) {
        return pattern.matcher(new BudgetedChars(name, 10_000L + 100L * name.length())).matches();
    }

    /** A string whose characters may be read a bounded number of times. */
    private static final class BudgetedChars implements CharSequence {
        private final String s;
        private long budget;

        BudgetedChars(String s, long budget) {
            this.s = s;
            this.budget = budget;
        }

        @Override
        public char charAt(int index) {
            if (--budget < 0) {
                throw new InputException("profile's drop_frames or keep_frames regular expression takes too long"
                        + " to match (catastrophic backtracking)");
            }
            return s.charAt(index);
        }

        @Override
        public int length() {
            return s.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return s.substring(start, end);
        }

        @Override
        public String toString() {
            return s;
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
