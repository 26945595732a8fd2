package dev.leakscope.format.legacy;

import dev.leakscope.profile.ProfileBuilder;
import dev.leakscope.util.IntList;
import dev.leakscope.util.LongIntMap;
import dev.leakscope.util.LongList;
import java.util.ArrayList;
import java.util.List;

/**
 * A legacy profile while it is parsed: the part of pprof's in-memory model the legacy parsers fill,
 * mutable and index-based. Locations are created per distinct address in order of first use; samples
 * hold location indexes, leaf first. {@link #finish} applies pprof's memory-map fix-ups and id
 * renumbering; {@link #toBuilder} hands the result over as a {@link ProfileBuilder}.
 */
final class LegacyProfile {
    final List<String[]> sampleTypes = new ArrayList<>();
    String periodType = "";
    String periodUnit = "";
    long period;
    long durationNanos;
    /** Whether pprof's frames-to-drop lists apply (not to Go text symbolised from its comments). */
    boolean legacyFrames = true;
    String dropFrames = "";
    String keepFrames = "";

    final LongList locAddress = new LongList();
    /** Mapping index per location, -1 for none; set by {@link #finish}. */
    final IntList locMapping = new IntList();
    /** Per location, the index of its lines in lineFunctions/lineNumbers, or -1 when it has none. */
    private final IntList locLines = new IntList();
    private final List<int[]> lineFunctions = new ArrayList<>();
    private final List<long[]> lineNumbers = new ArrayList<>();
    private final LongIntMap byAddress = new LongIntMap(256);

    final List<String> fnName = new ArrayList<>();
    final List<String> fnFile = new ArrayList<>();

    final IntList stackStart = new IntList();
    final IntList stack = new IntList();
    final LongList values = new LongList();
    /** The numeric label {@code bytes} (average block size) per sample, when {@link #bytesLabel}. */
    final LongList blockSize = new LongList();
    boolean bytesLabel;
    /** A heap text whose header says in-use equals allocated (see {@code Profile.nothingFreed}). */
    boolean nothingFreed;
    /** Values per sample. */
    private int width;

    final List<MemoryMap.Entry> mappings = new ArrayList<>();

    /**
     * The sample types of a heap profile: with allocation counts, alloc before inuse (so that the
     * default, the last type, is inuse_space); without, just objects and space.
     */
    void addHeapSampleTypes(boolean hasAlloc) {
        if (hasAlloc) {
            addSampleType("alloc_objects", "count");
            addSampleType("alloc_space", "bytes");
            addSampleType("inuse_objects", "count");
            addSampleType("inuse_space", "bytes");
        } else {
            addSampleType("objects", "count");
            addSampleType("space", "bytes");
        }
    }

    void addSampleType(String type, String unit) {
        sampleTypes.add(new String[] {type, unit});
    }

    void setPeriodType(String type, String unit) {
        periodType = type;
        periodUnit = unit;
    }

    /** The location for address, created (without lines) on first use. */
    int location(long address) {
        int l = byAddress.get(address);
        if (l >= 0) {
            return l;
        }
        l = newLocation(address);
        byAddress.putIfAbsent(address, l);
        return l;
    }

    /** The location for address, or -1. */
    int existingLocation(long address) {
        return byAddress.get(address);
    }

    /** A new location that is not shared by address. */
    int newLocation(long address) {
        int l = locAddress.size();
        locAddress.add(address);
        locMapping.add(-1);
        locLines.add(-1);
        return l;
    }

    /** Sets the lines of location l (innermost first): function indexes and line numbers. */
    void setLines(int l, int[] functions, long[] lines) {
        locLines.set(l, lineFunctions.size());
        lineFunctions.add(functions);
        lineNumbers.add(lines);
    }

    int function(String name, String file) {
        fnName.add(name);
        fnFile.add(file);
        return fnName.size() - 1;
    }

    int locationCount() {
        return locAddress.size();
    }

    /** Starts a sample; its stack follows through {@link #addFrame}. */
    void beginSample(long... sampleValues) {
        width = sampleValues.length;
        stackStart.add(stack.size());
        for (long v : sampleValues) {
            values.add(v);
        }
    }

    /**
     * Adds the frames of a stack of return addresses, leaf first: each points after its call, so
     * the frame is at the address minus one (as pprof does).
     */
    void addReturnAddresses(long[] addresses) {
        for (long a : addresses) {
            addFrame(location(a - 1));
        }
    }

    void addFrame(int location) {
        stack.add(location);
    }

    int sampleCount() {
        return stackStart.size();
    }

    int stackStart(int s) {
        return stackStart.get(s);
    }

    int stackEnd(int s) {
        return s + 1 < stackStart.size() ? stackStart.get(s + 1) : stack.size();
    }

    /** Removes the second frame (position 1) of every sample for which drop says so, in one pass. */
    void removeSecondFrames(java.util.function.IntPredicate drop) {
        int n = sampleCount();
        int out = 0;
        int[] starts = stackStart.toArray();
        int total = stack.size();
        for (int s = 0; s < n; s++) {
            int start = starts[s];
            int end = s + 1 < n ? starts[s + 1] : total;
            boolean cut = end - start > 1 && drop.test(s);
            stackStart.set(s, out);
            for (int i = start; i < end; i++) {
                if (!(cut && i == start + 1)) {
                    stack.set(out++, stack.get(i));
                }
            }
        }
        stack.truncate(out);
    }

    /** Keeps frames [from[s], to[s]) of each sample's stack (positions from the leaf). */
    void sliceStacks(int[] from, int[] to) {
        int n = sampleCount();
        int[] starts = stackStart.toArray();
        int out = 0;
        for (int s = 0; s < n; s++) {
            int start = starts[s];
            stackStart.set(s, out);
            for (int i = start + from[s]; i < start + to[s]; i++) {
                stack.set(out++, stack.get(i));
            }
        }
        stack.truncate(out);
    }

    /** Removes every frame whose location is marker (stack rewriting). */
    void removeFrames(int marker) {
        int n = sampleCount();
        int[] starts = stackStart.toArray();
        int total = stack.size();
        int out = 0;
        for (int s = 0; s < n; s++) {
            int end = s + 1 < n ? starts[s + 1] : total;
            stackStart.set(s, out);
            for (int i = starts[s]; i < end; i++) {
                if (stack.get(i) != marker) {
                    stack.set(out++, stack.get(i));
                }
            }
        }
        stack.truncate(out);
    }

    /** Replaces frame pos of sample s by location l (stack rewriting that keeps the depth). */
    void setFrame(int s, int pos, int l) {
        stack.set(stackStart(s) + pos, l);
    }

    /** The location at position pos of sample s's stack. */
    int frame(int s, int pos) {
        return stack.get(stackStart(s) + pos);
    }

    int depth(int s) {
        return stackEnd(s) - stackStart(s);
    }

    /**
     * The profile's memory map and pprof's renumbering: mappings merged and the main binary moved
     * first, locations ordered by first use (unused ones dropped), locations matched to mappings
     * (a catch-all mapping for the rest).
     */
    void finish(List<MemoryMap.Entry> memoryMap) {
        mappings.addAll(memoryMap);
        MemoryMap.massage(mappings);
        renumberLocations();
        assignMappings();
    }

    /** pprof's remapLocationIDs: keep the locations samples use, in order of first use. */
    private int[] order;

    private void renumberLocations() {
        int n = locAddress.size();
        int[] newIndex = new int[n];
        java.util.Arrays.fill(newIndex, -1);
        IntList used = new IntList(n);
        for (int i = 0; i < stack.size(); i++) {
            int l = stack.get(i);
            if (newIndex[l] < 0) {
                newIndex[l] = used.size();
                used.add(l);
            }
            stack.set(i, newIndex[l]);
        }
        order = used.toArray();
        LongList addr = new LongList(order.length);
        for (int l : order) {
            addr.add(locAddress.get(l));
        }
        locAddress.truncate(0);
        locMapping.truncate(0);
        for (int i = 0; i < order.length; i++) {
            locAddress.add(addr.get(i));
            locMapping.add(-1);
        }
    }

    /** pprof's remapMappingIDs. */
    private void assignMappings() {
        if (!mappings.isEmpty()) {
            MemoryMap.Entry m = mappings.get(0);
            if (m.file.startsWith("/anon_hugepage") && mappings.size() > 1 && m.limit == mappings.get(1).start) {
                mappings.remove(0);
            }
        }
        if (!mappings.isEmpty()) {
            MemoryMap.Entry m = mappings.get(0);
            if (m.start - m.offset == 0x400000L) {
                m.start = 0x400000L;
                m.offset = 0;
            }
        }
        int fake = -1;
        next:
        for (int l = 0; l < locAddress.size(); l++) {
            long a = locAddress.get(l);
            if (locMapping.get(l) >= 0 || a == 0) {
                continue;
            }
            for (int i = 0; i < mappings.size(); i++) {
                MemoryMap.Entry m = mappings.get(i);
                if (Long.compareUnsigned(m.start, a) <= 0 && Long.compareUnsigned(a, m.limit) < 0) {
                    locMapping.set(l, i);
                    continue next;
                }
            }
            // Legacy handlers may fail to encode the first part of a mapping split in adjacent ranges.
            for (int i = 0; i < mappings.size(); i++) {
                MemoryMap.Entry m = mappings.get(i);
                if (m.offset != 0 && Long.compareUnsigned(m.start - m.offset, a) <= 0
                        && Long.compareUnsigned(a, m.start) < 0) {
                    m.start -= m.offset;
                    m.offset = 0;
                    locMapping.set(l, i);
                    continue next;
                }
            }
            if (fake < 0) {
                fake = mappings.size();
                mappings.add(new MemoryMap.Entry(0, -1L, 0, "", ""));
            }
            locMapping.set(l, fake);
        }
    }

    /** pprof's Aggregate(address=false) for Java profiles: every address becomes 0. */
    void clearAddresses() {
        for (int l = 0; l < locAddress.size(); l++) {
            locAddress.set(l, 0);
        }
    }

    /** The profile as a builder, with pprof's frames-to-drop lists for its kind. */
    ProfileBuilder toBuilder() {
        if (legacyFrames) {
            LegacyFrames.apply(this);
        }
        ProfileBuilder b = ProfileBuilder.withEmptyString();
        for (String[] t : sampleTypes) {
            b.addSampleType(b.intern(t[0]), b.intern(t[1]));
        }
        b.setPeriodType(b.intern(periodType), b.intern(periodUnit));
        b.setPeriod(period);
        b.setDurationNanos(durationNanos);
        b.setNothingFreed(nothingFreed);
        b.setDropFrames(b.intern(dropFrames));
        b.setKeepFrames(b.intern(keepFrames));
        for (int i = 0; i < mappings.size(); i++) {
            MemoryMap.Entry m = mappings.get(i);
            b.addMapping(i + 1, m.start, m.limit, m.offset, b.intern(m.file), b.intern(m.buildId), 0);
        }
        // pprof's remapFunctionIDs: functions in order of first use by the locations.
        int[] fnNewId = new int[fnName.size()];
        int fnCount = 0;
        int[] fnOrder = new int[fnName.size()];
        for (int l = 0; l < locAddress.size(); l++) {
            int[] fns = functionsOf(l);
            for (int f : fns) {
                if (fnNewId[f] == 0) {
                    fnNewId[f] = ++fnCount;
                    fnOrder[fnCount - 1] = f;
                }
            }
        }
        for (int i = 0; i < fnCount; i++) {
            int f = fnOrder[i];
            int name = b.intern(fnName.get(f));
            b.addFunction(i + 1, name, name, b.intern(fnFile.get(f)), 0);
        }
        for (int l = 0; l < locAddress.size(); l++) {
            b.beginLocation(l + 1, locMapping.get(l) + 1, locAddress.get(l), false);
            int[] fns = functionsOf(l);
            long[] lines = linesOf(l);
            for (int i = 0; i < fns.length; i++) {
                b.addLine(fnNewId[fns[i]], lines[i]);
            }
        }
        int bytesKey = bytesLabel ? b.intern("bytes") : 0;
        for (int s = 0; s < sampleCount(); s++) {
            b.beginSample();
            for (int i = stackStart(s); i < stackEnd(s); i++) {
                b.addStackLocationId(stack.get(i) + 1);
            }
            for (int t = 0; t < width; t++) {
                b.addValue(values.get(s * width + t));
            }
            if (bytesLabel) {
                b.addLabel(bytesKey, 0, blockSize.get(s), 0);
            }
        }
        return b;
    }

    private static final int[] NO_FUNCTIONS = new int[0];
    private static final long[] NO_LINES = new long[0];

    private int[] functionsOf(int l) {
        int o = locLines.get(order[l]);
        return o < 0 ? NO_FUNCTIONS : lineFunctions.get(o);
    }

    private long[] linesOf(int l) {
        int o = locLines.get(order[l]);
        return o < 0 ? NO_LINES : lineNumbers.get(o);
    }
}
