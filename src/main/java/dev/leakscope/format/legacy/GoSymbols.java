package dev.leakscope.format.legacy;

import dev.leakscope.util.IntList;
import dev.leakscope.util.LongList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The symbols Go's debug=1 text profiles carry in comments under each stack,
 * {@code #\t0xPC\tpkg.func+0xOFF\tfile:line} (pprof ignores them). Each comment names the frame at
 * PC, which is the stack's return address minus one, exactly the address the parser keeps, so
 * comments are matched to frames by address.
 *
 * <p>What the writer leaves out cannot be named: it hides the leading runtime frames of a stack
 * and runtime.goexit. Those frames are cut, so a stack starts at its first named frame (as Go
 * prints it) and ends at its last. Consecutive frames of one physical function ({@code PC - OFF},
 * the entry, is the same and the names differ) are one call with inlined frames, and become one
 * location with several lines, innermost first, as in Go's own profile.proto output.
 */
final class GoSymbols {
    private final IntList sample = new IntList();
    private final LongList address = new LongList();
    private final LongList entry = new LongList();
    private final List<String> function = new ArrayList<>();
    private final List<String> file = new ArrayList<>();
    private final LongList line = new LongList();
    private int current = -1;

    /** The comments that follow belong to sample s. */
    void sample(int s) {
        current = s;
    }

    void comment(String text) {
        if (current < 0) {
            return;
        }
        String t = text.strip();
        if (!t.startsWith("#")) {
            return;
        }
        String[] f = t.substring(1).strip().split("\t+");
        if (f.length != 3 || !f[0].startsWith("0x")) {
            return;
        }
        int colon = f[2].lastIndexOf(':');
        if (colon <= 0) {
            return;
        }
        String name = f[1];
        int plus = name.lastIndexOf("+0x");
        long addr;
        long offset = 0;
        long lineNo;
        try {
            addr = Long.parseUnsignedLong(f[0].substring(2), 16);
            lineNo = Long.parseLong(f[2].substring(colon + 1));
            if (plus > 0) {
                offset = Long.parseUnsignedLong(name.substring(plus + 3), 16);
                name = name.substring(0, plus);
            }
        } catch (NumberFormatException e) {
            return;
        }
        sample.add(current);
        address.add(addr);
        entry.add(addr - offset);
        function.add(Text.utf8(name));
        file.add(Text.utf8(f[2].substring(0, colon)));
        line.add(lineNo);
    }

    /**
     * Gives the profile's frames the lines the comments name, merges inlined frames and cuts the
     * unnamed frames at both ends of each commented stack. A profile symbolised this way is a Go
     * profile and keeps no frames-to-drop list: Go's proto output has none either.
     */
    void apply(LegacyProfile p) {
        if (sample.size() == 0) {
            return;
        }
        p.legacyFrames = false;
        int samples = p.sampleCount();
        int[] from = new int[samples];
        int[] to = new int[samples];
        for (int s = 0; s < samples; s++) {
            to[s] = p.depth(s);
        }
        // Per stack frame, the comment naming it (-1: none); reused across samples.
        int[] named = new int[16];
        Map<String, Integer> functions = new HashMap<>();
        Map<String, Integer> locations = new HashMap<>();
        int c = 0;
        int n = sample.size();
        while (c < n) {
            int s = sample.get(c);
            int end = c;
            while (end < n && sample.get(end) == s) {
                end++;
            }
            int depth = p.depth(s);
            if (named.length < depth) {
                named = new int[depth * 2];
            }
            java.util.Arrays.fill(named, 0, depth, -1);
            int i = 0;
            int first = -1;
            int last = -1;
            while (i < depth && c < end) {
                if (address.get(c) != p.locAddress.get(p.frame(s, i))) {
                    if (last >= 0 && address.get(c) == address.get(named[last])) {
                        c++; // a second comment for one PC (writers without inline marks): skipped
                    } else {
                        i++;
                    }
                    continue;
                }
                named[i] = c;
                first = first < 0 ? i : first;
                last = i;
                i++;
                c++;
            }
            c = end;
            if (first < 0) {
                continue;
            }
            from[s] = first;
            to[s] = last + 1;
            // Group frames of one physical function (inlined calls) into one location.
            int g = first;
            while (g <= last) {
                int h = g + 1;
                while (h <= last && named[h] >= 0 && named[h - 1] >= 0
                        && entry.get(named[h]) == entry.get(named[h - 1])
                        && !function.get(named[h]).equals(function.get(named[h - 1]))) {
                    h++;
                }
                if (named[g] >= 0) {
                    StringBuilder key = new StringBuilder();
                    for (int k = g; k < h; k++) {
                        key.append(Long.toHexString(address.get(named[k]))).append(',');
                    }
                    Integer loc = locations.get(key.toString());
                    if (loc == null) {
                        loc = h - g == 1 ? p.frame(s, g) : p.newLocation(address.get(named[g]));
                        int[] fns = new int[h - g];
                        long[] lines = new long[h - g];
                        for (int k = g; k < h; k++) {
                            fns[k - g] = function(p, functions, named[k]);
                            lines[k - g] = line.get(named[k]);
                        }
                        p.setLines(loc, fns, lines);
                        locations.put(key.toString(), loc);
                    }
                    for (int k = g; k < h; k++) {
                        // The merged location stands at the outermost frame's position; the
                        // inner positions are removed below by marking them with -1.
                        p.setFrame(s, k, k == h - 1 ? loc : -1);
                    }
                }
                g = h;
            }
        }
        p.sliceStacks(from, to);
        p.removeFrames(-1);
    }

    private int function(LegacyProfile p, Map<String, Integer> functions, int comment) {
        String key = function.get(comment) + '\0' + file.get(comment);
        Integer fn = functions.get(key);
        if (fn == null) {
            fn = p.function(function.get(comment), file.get(comment));
            functions.put(key, fn);
        }
        return fn;
    }
}
