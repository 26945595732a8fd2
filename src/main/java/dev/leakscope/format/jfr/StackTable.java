package dev.leakscope.format.jfr;

import dev.leakscope.input.LimitException;
import dev.leakscope.profile.ProfileBuilder;
import dev.leakscope.util.InputException;
import dev.leakscope.util.LongIntMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;

/**
 * Functions, locations and distinct stacks of a recording, written to the profile builder as they
 * first appear. A stack is a run of location ids, leaf first, stored once however many events name
 * it. The JFR parser hands out one {@link RecordedStackTrace} per stack and chunk,
 * so a cache by identity (bounded: cleared when it grows) spares naming its frames again.
 */
final class StackTable {
    private static final int IDENTITY_CACHE = 50_000;

    private final ProfileBuilder builder;
    private final int maxDepth;
    private final Map<String, Integer> functions = new HashMap<>();
    private final LongIntMap locations = new LongIntMap(1024);
    private final Map<Stack, Integer> stacks = new HashMap<>();
    private final List<int[]> byIndex = new ArrayList<>();
    private final Map<RecordedStackTrace, Integer> recent = new IdentityHashMap<>();

    StackTable(ProfileBuilder builder, int maxDepth) {
        this.builder = builder;
        this.maxDepth = maxDepth;
    }

    /** The index of the event's stack (0 is the empty stack, for an event without one). */
    int stack(RecordedStackTrace trace) {
        if (trace == null) {
            return intern(new int[0]);
        }
        Integer known = recent.get(trace);
        if (known != null) {
            return known;
        }
        List<RecordedFrame> frames = trace.getFrames();
        if (frames.size() > maxDepth) {
            throw new LimitException("a stack has " + frames.size() + " frames, more than the limit of " + maxDepth
                    + " (raise it with --max-stack-depth)");
        }
        int[] ids = new int[frames.size()];
        for (int i = 0; i < ids.length; i++) {
            RecordedFrame f = frames.get(i);
            RecordedMethod m = f.getMethod();
            String name = m == null || m.getType() == null ? "[unknown]"
                    : JavaNames.method(m.getType().getName(), m.getName());
            ids[i] = location(name, Math.max(0, f.getLineNumber()));
        }
        int s = intern(ids);
        if (recent.size() >= IDENTITY_CACHE) {
            recent.clear();
        }
        recent.put(trace, s);
        return s;
    }

    /** The id of the location of a line of the function named name (line 0: no line). */
    int location(String name, int line) {
        int fn = functions.computeIfAbsent(name, n -> {
            int id = functions.size() + 1;
            builder.addFunction(id, builder.intern(n), builder.intern(n), 0, 0);
            return id;
        });
        long key = ((long) fn << 32) | line;
        int id = locations.get(key);
        if (id < 0) {
            id = locations.size() + 1;
            locations.putIfAbsent(key, id);
            builder.beginLocation(id, 0, 0, false);
            builder.addLine(fn, line);
        }
        return id;
    }

    /** Adds the location ids of stack s to the builder's current sample. */
    void addTo(ProfileBuilder b, int s) {
        for (int id : byIndex.get(s)) {
            b.addStackLocationId(id);
        }
    }

    private int intern(int[] ids) {
        return stacks.computeIfAbsent(new Stack(ids), k -> {
            byIndex.add(ids);
            return byIndex.size() - 1;
        });
    }

    /** Location ids as a hash key. */
    private record Stack(int[] ids) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Stack s && Arrays.equals(ids, s.ids);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(ids);
        }
    }
}
