package dev.leakscope.focus;

import dev.leakscope.graph.GraphOptions;
import dev.leakscope.profile.Profile;
import dev.leakscope.util.IntList;
import dev.leakscope.util.UsageException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Computes a {@link FocusResult}: for every sample whose stack has a frame whose name matches the
 * regex, its value goes to the caller path (root to the rootmost matching frame), to the callee of
 * that frame, and to the flat and cum of the nodes on the stack.
 */
public final class FocusAnalysis {
    private static final String SELF = "(self)";

    private final Pattern regex;
    private final GraphOptions options;
    private final Map<List<String>, long[]> paths = new HashMap<>();
    private final Map<String, long[]> callees = new HashMap<>();
    private final Map<String, long[]> matched = new HashMap<>(); // baseFlat, flat, baseCum, cum
    private final Map<String, long[]> nodes = new HashMap<>();

    private FocusAnalysis(Pattern regex, GraphOptions options) {
        this.regex = regex;
        this.options = options;
    }

    /**
     * The focus the query asks for; fails when the regex matches no frame of either profile.
     *
     * @param limit keep at most this many top rows (0: all)
     */
    public static FocusResult of(FocusQuery q, int limit) {
        FocusQuery.Input base = q.base();
        FocusQuery.Input current = q.current();
        Pattern regex = q.regex();
        FocusAnalysis a = new FocusAnalysis(regex, q.options());
        if (base != null) {
            a.add(base.profile(), base.sampleIndex(), 0);
        }
        a.add(current.profile(), current.sampleIndex(), 1);
        if (a.matched.isEmpty()) {
            throw new UsageException("no function matches " + regex.pattern());
        }
        boolean withBase = q.withBase();
        List<FocusResult.Share> pathRows = new ArrayList<>();
        // a path or callee of samples of no value on both sides (0 -> 0) says nothing: left out
        a.paths.forEach((frames, v) -> {
            if (v[0] != 0 || v[1] != 0) {
                pathRows.add(new FocusResult.Share(String.join(" > ", frames), frames, v[0], v[1]));
            }
        });
        List<FocusResult.Share> calleeRows = new ArrayList<>();
        a.callees.forEach((name, v) -> {
            if (v[0] != 0 || v[1] != 0) {
                calleeRows.add(new FocusResult.Share(name, List.of(name), v[0], v[1]));
            }
        });
        Comparator<FocusResult.Share> shareOrder = Comparator
                .comparingLong((FocusResult.Share s) -> withBase ? -s.delta() : -Math.abs(s.current()))
                .thenComparing(FocusResult.Share::name);
        pathRows.sort(shareOrder);
        calleeRows.sort(shareOrder);
        List<FocusResult.Values> matchedRows = values(a.matched, withBase, false);
        List<FocusResult.Values> top = values(a.nodes, withBase, true);
        int cut = 0;
        if (limit > 0 && top.size() > limit) {
            cut = top.size() - limit;
            top = List.copyOf(top.subList(0, limit));
        }
        return new FocusResult(regex.pattern(), withBase, withBase ? base.total() : 0, current.total(), matchedRows,
                pathRows, calleeRows, top, cut);
    }

    private static List<FocusResult.Values> values(Map<String, long[]> m, boolean withBase, boolean byFlat) {
        List<FocusResult.Values> rows = new ArrayList<>();
        m.forEach((name, v) -> rows.add(new FocusResult.Values(name, v[0], v[1], v[2], v[3])));
        Comparator<FocusResult.Values> order = byFlat
                ? Comparator.comparingLong((FocusResult.Values r) -> withBase ? -r.deltaFlat() : -Math.abs(r.flat()))
                : Comparator.comparingLong((FocusResult.Values r) -> withBase ? -r.deltaCum() : -Math.abs(r.cum()));
        rows.sort(order.thenComparingLong(r -> withBase ? -r.deltaCum() : -Math.abs(r.cum()))
                .thenComparing(FocusResult.Values::name));
        return rows;
    }

    private void add(Profile p, int index, int slot) {
        Frames frames = new Frames(p, options);
        boolean[] matches = new boolean[frames.nodeCount()];
        for (int n = 0; n < matches.length; n++) {
            matches[n] = regex.matcher(frames.name(n)).find();
        }
        IntList stack = new IntList(64);
        boolean[] seen = new boolean[matches.length];
        for (int s = 0; s < p.sampleCount(); s++) {
            frames.nodes(s, stack);
            int m = -1;
            for (int i = stack.size() - 1; i >= 0 && m < 0; i--) {
                if (matches[stack.get(i)]) {
                    m = i;
                }
            }
            if (m < 0) {
                continue;
            }
            long w = p.value(s, index);
            List<String> path = new ArrayList<>(stack.size() - m);
            for (int i = stack.size() - 1; i >= m; i--) {
                path.add(frames.name(stack.get(i)));
            }
            paths.computeIfAbsent(List.copyOf(path), k -> new long[2])[slot] += w;
            String callee = SELF;
            for (int i = m - 1; i >= 0; i--) {
                if (stack.get(i) != stack.get(m)) {
                    callee = frames.name(stack.get(i));
                    break;
                }
            }
            callees.computeIfAbsent(callee, k -> new long[2])[slot] += w;
            for (int i = 0; i < stack.size(); i++) {
                int node = stack.get(i);
                String name = frames.name(node);
                if (i == 0) {
                    nodes.computeIfAbsent(name, k -> new long[4])[slot] += w;
                    if (matches[node]) {
                        matched.computeIfAbsent(name, k -> new long[4])[slot] += w;
                    }
                }
                if (!seen[node]) {
                    seen[node] = true;
                    nodes.computeIfAbsent(name, k -> new long[4])[2 + slot] += w;
                    if (matches[node]) {
                        matched.computeIfAbsent(name, k -> new long[4])[2 + slot] += w;
                    }
                }
            }
            for (int i = 0; i < stack.size(); i++) {
                seen[stack.get(i)] = false;
            }
        }
    }
}
