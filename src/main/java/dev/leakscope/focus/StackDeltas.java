package dev.leakscope.focus;

import dev.leakscope.graph.GraphOptions;
import dev.leakscope.profile.Profile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Every distinct stack of a base and a current profile with its value in each, by growth. */
public final class StackDeltas {
    /**
     * One stack.
     *
     * @param frames  frame names, leaf first
     * @param base    summed value in the base profile
     * @param current summed value in the current profile
     */
    public record Stack(List<String> frames, long base, long current) {
        public long delta() {
            return current - base;
        }
    }

    private StackDeltas() {
    }

    /** Stacks sorted by delta (largest growth first), then by |delta|, then by frames. */
    public static List<Stack> of(FocusQuery.Input base, FocusQuery.Input current, GraphOptions options) {
        Map<List<String>, long[]> sums = new HashMap<>();
        add(sums, base.profile(), base.sampleIndex(), options, 0);
        add(sums, current.profile(), current.sampleIndex(), options, 1);
        List<Stack> out = new ArrayList<>();
        sums.forEach((frames, v) -> out.add(new Stack(frames, v[0], v[1])));
        out.sort(Comparator.comparingLong((Stack s) -> -s.delta())
                .thenComparingLong(s -> -Math.abs(s.delta()))
                .thenComparing(s -> String.join("\n", s.frames())));
        return out;
    }

    private static void add(Map<List<String>, long[]> sums, Profile p, int index, GraphOptions options, int slot) {
        Frames frames = new Frames(p, options);
        for (int s = 0; s < p.sampleCount(); s++) {
            List<String> f = frames.leafFirst(s);
            if (!f.isEmpty()) {
                sums.computeIfAbsent(f, k -> new long[2])[slot] += p.value(s, index);
            }
        }
    }
}
