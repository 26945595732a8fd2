package dev.leakscope.profile.format.legacy;

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
 * comments are matched to frames by address. The writer hides leading runtime frames and
 * runtime.goexit, which stay unsymbolised; several comments for one address are inlined frames,
 * innermost first.
 */
final class GoSymbols {
    private final IntList sample = new IntList();
    private final LongList address = new LongList();
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
        long addr;
        long lineNo;
        try {
            addr = Long.parseUnsignedLong(f[0].substring(2), 16);
            lineNo = Long.parseLong(f[2].substring(colon + 1));
        } catch (NumberFormatException e) {
            return;
        }
        String name = f[1];
        int plus = name.lastIndexOf("+0x");
        if (plus > 0) {
            name = name.substring(0, plus);
        }
        sample.add(current);
        address.add(addr);
        function.add(Text.utf8(name));
        file.add(Text.utf8(f[2].substring(0, colon)));
        line.add(lineNo);
    }

    /** Gives the profile's locations the lines the comments name (the first naming of a location wins). */
    void apply(LegacyProfile p) {
        Map<String, Integer> functions = new HashMap<>();
        boolean[] named = new boolean[p.locationCount()];
        int c = 0;
        int n = sample.size();
        while (c < n) {
            int s = sample.get(c);
            int end = c;
            while (end < n && sample.get(end) == s) {
                end++;
            }
            int depth = p.depth(s);
            int i = 0;
            while (i < depth && c < end) {
                int loc = p.frame(s, i);
                long addr = p.locAddress.get(loc);
                if (address.get(c) != addr) {
                    i++;
                    continue;
                }
                int k = 1;
                while (i + k < depth && p.frame(s, i + k) == loc) {
                    k++;
                }
                int r = 1;
                while (c + r < end && address.get(c + r) == addr) {
                    r++;
                }
                int per = Math.max(1, r / k);
                if (!named[loc]) {
                    named[loc] = true;
                    int[] fns = new int[per];
                    long[] lines = new long[per];
                    for (int j = 0; j < per; j++) {
                        String key = function.get(c + j) + '\0' + file.get(c + j);
                        Integer fn = functions.get(key);
                        if (fn == null) {
                            fn = p.function(function.get(c + j), file.get(c + j));
                            functions.put(key, fn);
                        }
                        fns[j] = fn;
                        lines[j] = line.get(c + j);
                    }
                    p.setLines(loc, fns, lines);
                }
                i += k;
                c += r;
            }
            c = end;
        }
    }
}
