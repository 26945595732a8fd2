package dev.leakscope.format.jfr;

import dev.leakscope.profile.ProfileBuilder;
import dev.leakscope.util.InputException;
import dev.leakscope.util.IntList;
import dev.leakscope.util.LongIntMap;
import dev.leakscope.util.LongList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The heap samples of a recording, aggregated as they are read: one sample per distinct (GC root,
 * allocated type, stack), with a value column per kind of event. Old-object samples keep only the
 * newest emission: a recording re-emits its whole old-object queue at every dump, and a dump holds
 * every earlier one, so a newer emission replaces what was read so far.
 */
final class HeapSamples {
    enum Kind {
        /** jdk.OldObjectSample: objects still alive at the dump (newest emission only). */
        OLD_OBJECT,
        /** async-profiler's profiler.LiveObject: objects alive when the profiler stopped. */
        LIVE_OBJECT,
        /** jdk.ObjectAllocationSample: weighted allocation samples. */
        ALLOCATION_SAMPLE,
        /** jdk.ObjectAllocationInNewTLAB / OutsideTLAB (older JDKs, async-profiler): allocation. */
        TLAB
    }

    private static final int BITS_ROOT = 20;
    private static final int BITS_TYPE = 20;
    private static final int BITS_STACK = 64 - BITS_ROOT - BITS_TYPE;

    private final ProfileBuilder builder;
    private final StackTable stacks;
    private final Map<String, Integer> roots = new HashMap<>();
    private final List<String> rootNames = new ArrayList<>(List.of(""));
    private final LongIntMap sampleIndex = new LongIntMap(1024);
    private final IntList sampleRoot = new IntList();
    private final IntList sampleType = new IntList();
    private final IntList sampleStack = new IntList();
    /** Per kind, count and bytes per sample. */
    private final LongList[] counts = new LongList[Kind.values().length];
    private final LongList[] bytes = new LongList[Kind.values().length];
    private final long[] events = new long[Kind.values().length];

    private long emission = Long.MIN_VALUE;
    private int emissions;
    private final IntList emitted = new IntList();

    HeapSamples(ProfileBuilder builder, StackTable stacks) {
        this.builder = builder;
        this.stacks = stacks;
        for (int k = 0; k < counts.length; k++) {
            counts[k] = new LongList();
            bytes[k] = new LongList();
        }
    }

    /**
     * Whether an old-object sample of the emission at time t counts: it does when t is the newest
     * emission so far, which then replaces the older ones.
     */
    boolean oldObjectEmission(long t) {
        if (t < emission) {
            return false;
        }
        if (t > emission) {
            for (int i = 0; i < emitted.size(); i++) {
                counts[Kind.OLD_OBJECT.ordinal()].set(emitted.get(i), 0);
                bytes[Kind.OLD_OBJECT.ordinal()].set(emitted.get(i), 0);
            }
            emitted.clear();
            events[Kind.OLD_OBJECT.ordinal()] = 0;
            emission = t;
            emissions++;
        }
        return true;
    }

    /** The time of the newest old-object emission, or Long.MIN_VALUE. */
    long emissionTime() {
        return emission;
    }

    int emissions() {
        return emissions;
    }

    /** The events of that kind counted (old objects: of the newest emission). */
    long events(Kind kind) {
        return events[kind.ordinal()];
    }

    /** Adds an event: its GC root (null: none), allocated type, stack, and what it weighs. */
    void add(Kind kind, String root, String type, int stack, long count, long size) {
        int r = root == null ? 0 : roots.computeIfAbsent(root, n -> {
            rootNames.add(n);
            return rootNames.size() - 1;
        });
        int t = stacks.location(JavaNames.type(type), 0);
        if (r >= 1 << BITS_ROOT || t >= 1 << BITS_TYPE || stack >= 1 << BITS_STACK) {
            throw new InputException("the recording has too many distinct GC roots, types or stacks");
        }
        long key = ((long) r << (BITS_TYPE + BITS_STACK)) | ((long) t << BITS_STACK) | stack;
        int s = sampleIndex.get(key);
        if (s < 0) {
            s = sampleRoot.size();
            sampleIndex.putIfAbsent(key, s);
            sampleRoot.add(r);
            sampleType.add(t);
            sampleStack.add(stack);
            for (int k = 0; k < counts.length; k++) {
                counts[k].add(0);
                bytes[k].add(0);
            }
        }
        int k = kind.ordinal();
        if (kind == Kind.OLD_OBJECT && counts[k].get(s) == 0) {
            emitted.add(s);
        }
        counts[k].set(s, counts[k].get(s) + count);
        bytes[k].set(s, bytes[k].get(s) + size);
        events[k]++;
    }

    /**
     * Writes the samples: live_objects and live_space (when the events carry sizes) from the live
     * kinds, alloc_objects and alloc_space from the allocation samples, or else from TLAB events.
     *
     * @param oldObjectsEnabled whether the recording samples old objects, even if it holds none
     * @param liveSizes whether the live events carried object sizes
     */
    void writeTo(boolean oldObjectsEnabled, boolean liveSizes) {
        boolean live = oldObjectsEnabled || events(Kind.OLD_OBJECT) + events(Kind.LIVE_OBJECT) > 0;
        Kind alloc = events(Kind.ALLOCATION_SAMPLE) > 0 ? Kind.ALLOCATION_SAMPLE
                : events(Kind.TLAB) > 0 ? Kind.TLAB : null;
        List<long[]> columns = new ArrayList<>();
        if (live) {
            type("live_objects", "count");
            columns.add(sum(counts, Kind.OLD_OBJECT, Kind.LIVE_OBJECT));
            if (liveSizes) {
                type("live_space", "bytes");
                columns.add(sum(bytes, Kind.OLD_OBJECT, Kind.LIVE_OBJECT));
            }
            builder.setPeriodType(builder.intern("objects"), builder.intern("count"));
            builder.setPeriod(1);
        }
        if (alloc != null) {
            type("alloc_objects", "count");
            columns.add(counts[alloc.ordinal()].toArray());
            type("alloc_space", "bytes");
            columns.add(bytes[alloc.ordinal()].toArray());
        }
        builder.setDefaultSampleType(builder.intern(live ? (liveSizes ? "live_space" : "live_objects") : "alloc_space"));
        int rootKey = builder.intern("gc_root");
        for (int s = 0; s < sampleRoot.size(); s++) {
            boolean any = false;
            for (long[] c : columns) {
                any |= c[s] != 0;
            }
            if (!any) {
                continue;
            }
            builder.beginSample();
            int r = sampleRoot.get(s);
            if (r != 0) {
                builder.addStackLocationId(stacks.location("[gc root] " + rootNames.get(r), 0));
            }
            builder.addStackLocationId(sampleType.get(s));
            stacks.addTo(builder, sampleStack.get(s));
            for (long[] c : columns) {
                builder.addValue(c[s]);
            }
            if (r != 0) {
                builder.addLabel(rootKey, builder.intern(rootNames.get(r)), 0, 0);
            }
        }
    }

    private void type(String type, String unit) {
        builder.addSampleType(builder.intern(type), builder.intern(unit));
    }

    private static long[] sum(LongList[] columns, Kind a, Kind b) {
        long[] x = columns[a.ordinal()].toArray();
        long[] y = columns[b.ordinal()].toArray();
        for (int i = 0; i < x.length; i++) {
            x[i] += y[i];
        }
        return x;
    }
}
