package dev.leakscope.profile.transform;

import dev.leakscope.util.Hashing;
import dev.leakscope.util.IntList;
import dev.leakscope.util.LongList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import dev.leakscope.profile.GoMath;
import dev.leakscope.profile.Mapping;
import dev.leakscope.profile.Profile;
import dev.leakscope.profile.ProfileBuilder;
import dev.leakscope.profile.ValueType;

/**
 * Merges profiles exactly as pprof does (it merges even a single profile, so its reports see merged
 * data): identical mappings, functions, locations and samples become one, values of identical samples
 * add up, all-zero samples vanish, and ids are renumbered densely in order of first use. The inputs
 * must have the same sample types (see {@link Compatibility}).
 */
public final class Merger {
    /** The label pprof puts on base samples with {@code -diff_base}. */
    public static final String BASE_LABEL = "pprof::base";

    /**
     * One profile to merge. Its values are first multiplied by each of {@code scales} in turn (one
     * factor per sample type, rounded to an integer after each step, as pprof's ScaleN does); when
     * {@code baseLabel} is set, every sample gets the label {@code pprof::base=true}.
     */
    public record Input(Profile profile, List<double[]> scales, boolean baseLabel) {
        public static Input of(Profile p) {
            return new Input(p, List.of(), false);
        }
    }

    private final ProfileBuilder out = ProfileBuilder.withEmptyString();
    private final int types;
    private boolean first = true;
    // header, accumulated as inputs come
    private long time;
    private long duration;
    private long period;
    private final LinkedHashSet<String> comments = new LinkedHashSet<>();
    private String defaultType = "";
    private boolean nothingFreed = true;

    // mappings
    private final Map<MappingKey, Integer> mappingByKey = new HashMap<>();
    private final List<Mapping> mappings = new ArrayList<>();
    // functions
    private final Map<FunctionKey, Integer> functionByKey = new HashMap<>();
    private int functionCount;
    // locations
    private final Map<LocationKey, Integer> locationByKey = new HashMap<>();
    private int locationCount;
    // samples: stacks and labels in out's arrays, found again through an open-addressing table
    private final IntList sampleStackStart = new IntList(1024);
    private final IntList sampleStack = new IntList(1 << 14);
    private final IntList sampleLabelStart = new IntList(1024);
    private final IntList sampleLabels = new IntList(1024); // key, str, unit (out string indexes)
    private final LongList sampleLabelNums = new LongList(1024);
    private final LongList sampleValues = new LongList(1 << 12);
    private int[] table = new int[1 << 12];
    private int sampleCount;
    // the sample being added: its stack and labels (key, str, unit, num) in reusable buffers
    private final IntList stack = new IntList(64);
    private final IntList labels = new IntList(16);
    private final LongList labelNums = new LongList(8);

    /** A merger for profiles with the given number of sample types; feed it with {@link #add}. */
    public Merger(int types) {
        this.types = types;
        Arrays.fill(table, -1);
        sampleStackStart.add(0);
        sampleLabelStart.add(0);
    }

    public static Profile merge(List<Input> inputs) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("no profiles to merge");
        }
        Merger m = new Merger(inputs.get(0).profile().typeCount());
        for (Input in : inputs) {
            m.add(in);
        }
        return m.finish();
    }

    public static Profile merge(Profile p) {
        return merge(List.of(Input.of(p)));
    }

    /** The merged profile; the merger is not to be used afterwards. */
    public Profile finish() {
        Profile merged = build();
        if (hasZeroSample()) {
            // Samples that cancelled out: merge again so that what only they used is dropped too.
            return merge(List.of(Input.of(merged)));
        }
        return merged;
    }

    private void header(Profile p) {
        if (first) {
            out.setDropFrames(out.intern(p.dropFrames));
            out.setKeepFrames(out.intern(p.keepFrames));
            if (p.periodType != null) {
                out.setPeriodType(out.intern(p.periodType.type()), out.intern(p.periodType.unit()));
            }
            for (ValueType t : p.sampleTypes) {
                out.addSampleType(out.intern(t.type()), out.intern(t.unit()));
            }
        }
        if (time == 0 || p.timeNanos < time) {
            time = p.timeNanos;
        }
        duration += p.durationNanos;
        if (period == 0 || period < p.period) {
            period = p.period;
        }
        comments.addAll(p.comments);
        nothingFreed &= p.nothingFreed;
        if (defaultType.isEmpty()) {
            defaultType = p.defaultSampleType;
        }
        first = false;
    }

    /** Adds one profile (its sample types must be those of the first one added). */
    public void add(Input in) {
        Profile p = in.profile();
        header(p);
        int[] strings = new int[p.strings.length];
        for (int i = 0; i < strings.length; i++) {
            strings[i] = out.intern(p.strings[i]);
        }
        int baseKey = in.baseLabel() ? out.intern(BASE_LABEL) : -1;
        int baseValue = in.baseLabel() ? out.intern("true") : -1;
        int[] mappingMap = filled(p.mappings.length);
        long[] mappingShift = new long[p.mappings.length];
        int[] functionMap = filled(p.fnId.length);
        int[] locationMap = filled(p.locId.length);
        if (mappings.isEmpty() && p.mappings.length > 0) {
            // The first mapping is the main binary: keep it first.
            mapMapping(p, 0, mappingMap, mappingShift);
        }
        long[] v = new long[types];
        for (int s = 0; s < p.sampleCount; s++) {
            if (!scaleValues(p, s, in.scales(), v)) {
                continue;
            }
            stack.clear();
            for (int n = p.stackLeaf(s); n >= 0; n = p.stacks.parent(n)) {
                int l = p.stacks.location(n);
                if (locationMap[l] < 0) {
                    locationMap[l] = mapLocation(p, l, strings, mappingMap, mappingShift, functionMap);
                }
                stack.add(locationMap[l]);
            }
            labels.clear();
            labelNums.truncate(0);
            for (int i = p.labelStart(s); i < p.labelEnd(s); i++) {
                if (baseKey >= 0 && strings[p.labelKey[i]] == baseKey && p.labelStr[i] != 0) {
                    continue; // replaced by the base label below
                }
                addLabel(strings[p.labelKey[i]], strings[p.labelStr[i]], strings[p.labelUnit[i]], p.labelNum[i]);
            }
            if (baseKey >= 0) {
                addLabel(baseKey, baseValue, 0, 0);
            }
            addSample(v);
        }
    }

    /**
     * Appends a label to the current sample's buffer, keeping the canonical order: string labels by
     * key, then numeric ones by key; values keep their order within a key (pprof compares label maps
     * whose value lists are ordered). Samples have few labels: insertion is fine.
     */
    private void addLabel(int key, int str, int unit, long num) {
        int count = labelNums.size();
        int at = count;
        while (at > 0 && compareLabels(key, str, labels.get(3 * (at - 1)), labels.get(3 * (at - 1) + 1)) < 0) {
            at--;
        }
        labels.add(0);
        labels.add(0);
        labels.add(0);
        labelNums.add(0);
        for (int i = count; i > at; i--) {
            labels.set(3 * i, labels.get(3 * (i - 1)));
            labels.set(3 * i + 1, labels.get(3 * (i - 1) + 1));
            labels.set(3 * i + 2, labels.get(3 * (i - 1) + 2));
            labelNums.set(i, labelNums.get(i - 1));
        }
        labels.set(3 * at, key);
        labels.set(3 * at + 1, str);
        labels.set(3 * at + 2, unit);
        labelNums.set(at, num);
    }

    private int compareLabels(int keyA, int strA, int keyB, int strB) {
        boolean numA = strA == 0;
        boolean numB = strB == 0;
        if (numA != numB) {
            return numA ? 1 : -1;
        }
        return keyA == keyB ? 0 : out.stringOf(keyA).compareTo(out.stringOf(keyB));
    }

    /** Computes the scaled values of sample s into v; false when they are all zero. */
    private boolean scaleValues(Profile p, int s, List<double[]> scales, long[] v) {
        boolean nonZero = false;
        for (int t = 0; t < types; t++) {
            long x = p.values.get(s * types + t);
            for (double[] scale : scales) {
                if (scale[t] != 1) {
                    x = GoMath.round(x * scale[t]);
                }
            }
            v[t] = x;
            nonZero |= x != 0;
        }
        return nonZero;
    }

    private int mapMapping(Profile p, int m, int[] mappingMap, long[] mappingShift) {
        if (mappingMap[m] >= 0) {
            return mappingMap[m];
        }
        Mapping src = p.mappings[m];
        MappingKey key = MappingKey.of(src);
        Integer existing = mappingByKey.get(key);
        if (existing != null) {
            mappingMap[m] = existing;
            mappingShift[m] = mappings.get(existing).start() - src.start();
            return existing;
        }
        int id = mappings.size();
        mappings.add(src.withId(id + 1));
        mappingByKey.put(key, id);
        mappingMap[m] = id;
        return id;
    }

    private int mapLocation(Profile p, int l, int[] strings, int[] mappingMap, long[] mappingShift,
                            int[] functionMap) {
        int srcMapping = p.locMapping[l];
        int mapping = -1;
        long address = p.locAddress[l];
        if (srcMapping >= 0) {
            mapping = mapMapping(p, srcMapping, mappingMap, mappingShift);
            address += mappingShift[srcMapping];
        }
        int lines = p.locLineStart[l + 1] - p.locLineStart[l];
        long[] lineKey = new long[lines * 2];
        for (int i = 0; i < lines; i++) {
            int line = p.locLineStart[l] + i;
            int f = p.lineFunction[line];
            if (functionMap[f] < 0) {
                functionMap[f] = mapFunction(p, f, strings);
            }
            lineKey[2 * i] = functionMap[f];
            lineKey[2 * i + 1] = p.lineNumber[line];
        }
        long keyAddress = mapping >= 0 ? address - mappings.get(mapping).start() : address;
        LocationKey key = new LocationKey(keyAddress, mapping, p.locFolded[l], lineKey);
        Integer existing = locationByKey.get(key);
        if (existing != null) {
            return existing;
        }
        int index = locationCount++;
        locationByKey.put(key, index);
        out.beginLocation(index + 1, mapping + 1, address, p.locFolded[l]);
        for (int i = 0; i < lines; i++) {
            out.addLine(lineKey[2 * i] + 1, lineKey[2 * i + 1]);
        }
        return index;
    }

    private int mapFunction(Profile p, int f, int[] strings) {
        FunctionKey key = new FunctionKey(strings[p.fnName[f]], strings[p.fnSystemName[f]],
                strings[p.fnFile[f]], p.fnStartLine[f]);
        Integer existing = functionByKey.get(key);
        if (existing != null) {
            return existing;
        }
        int index = functionCount++;
        functionByKey.put(key, index);
        out.addFunction(index + 1, key.name(), key.systemName(), key.file(), key.startLine());
        return index;
    }

    // ---- samples

    private void addSample(long[] v) {
        long hash = hashOf(stack, 0, stack.size(), labels, labelNums, 0, labelNums.size());
        int mask = table.length - 1;
        int slot = Hashing.mix(hash) & mask;
        while (table[slot] >= 0) {
            int candidate = table[slot];
            if (sameSample(candidate)) {
                for (int t = 0; t < types; t++) {
                    sampleValues.set(candidate * types + t, sampleValues.get(candidate * types + t) + v[t]);
                }
                return;
            }
            slot = (slot + 1) & mask;
        }
        int index = sampleCount++;
        table[slot] = index;
        for (int i = 0; i < stack.size(); i++) {
            sampleStack.add(stack.get(i));
        }
        sampleStackStart.add(sampleStack.size());
        for (int i = 0; i < labelNums.size(); i++) {
            sampleLabels.add(labels.get(3 * i));
            sampleLabels.add(labels.get(3 * i + 1));
            sampleLabels.add(labels.get(3 * i + 2));
            sampleLabelNums.add(labelNums.get(i));
        }
        sampleLabelStart.add(sampleLabelNums.size());
        for (int t = 0; t < types; t++) {
            sampleValues.add(v[t]);
        }
        if (sampleCount * 2 > table.length) {
            growTable();
        }
    }

    /** A seeded hash of a sample's stack and labels (crafted inputs cannot make the table collide). */
    private static long hashOf(IntList stack, int stackFrom, int stackTo, IntList labels, LongList nums,
                               int labelFrom, int labelTo) {
        long hash = Hashing.start();
        for (int i = stackFrom; i < stackTo; i++) {
            hash = Hashing.combine(hash, stack.get(i));
        }
        for (int j = labelFrom; j < labelTo; j++) {
            hash = Hashing.combine(hash, labels.get(3 * j));
            hash = Hashing.combine(hash, labels.get(3 * j + 1));
            hash = Hashing.combine(hash, labels.get(3 * j + 2));
            hash = Hashing.combine(hash, nums.get(j));
        }
        return hash;
    }

    private boolean sameSample(int candidate) {
        int start = sampleStackStart.get(candidate);
        int end = sampleStackStart.get(candidate + 1);
        if (end - start != stack.size()) {
            return false;
        }
        for (int i = 0; i < stack.size(); i++) {
            if (sampleStack.get(start + i) != stack.get(i)) {
                return false;
            }
        }
        int ls = sampleLabelStart.get(candidate);
        int le = sampleLabelStart.get(candidate + 1);
        if (le - ls != labelNums.size()) {
            return false;
        }
        for (int i = 0; i < labelNums.size(); i++) {
            int j = ls + i;
            if (sampleLabels.get(3 * j) != labels.get(3 * i) || sampleLabels.get(3 * j + 1) != labels.get(3 * i + 1)
                    || sampleLabels.get(3 * j + 2) != labels.get(3 * i + 2)
                    || sampleLabelNums.get(j) != labelNums.get(i)) {
                return false;
            }
        }
        return true;
    }

    private void growTable() {
        int[] bigger = new int[table.length * 2];
        Arrays.fill(bigger, -1);
        int mask = bigger.length - 1;
        for (int index : table) {
            if (index < 0) {
                continue;
            }
            int slot = Hashing.mix(rehash(index)) & mask;
            while (bigger[slot] >= 0) {
                slot = (slot + 1) & mask;
            }
            bigger[slot] = index;
        }
        table = bigger;
    }

    private long rehash(int index) {
        return hashOf(sampleStack, sampleStackStart.get(index), sampleStackStart.get(index + 1), sampleLabels,
                sampleLabelNums, sampleLabelStart.get(index), sampleLabelStart.get(index + 1));
    }

    private boolean hasZeroSample() {
        for (int s = 0; s < sampleCount; s++) {
            boolean zero = true;
            for (int t = 0; t < types && zero; t++) {
                zero = sampleValues.get(s * types + t) == 0;
            }
            if (zero) {
                return true;
            }
        }
        return false;
    }

    private Profile build() {
        out.setTimeNanos(time);
        out.setDurationNanos(duration);
        out.setPeriod(period);
        out.setNothingFreed(nothingFreed);
        for (String c : comments) {
            out.addComment(out.intern(c));
        }
        out.setDefaultSampleType(out.intern(defaultType));
        for (Mapping m : mappings) {
            int flags = (m.hasFunctions() ? ProfileBuilder.HAS_FUNCTIONS : 0)
                    | (m.hasFilenames() ? ProfileBuilder.HAS_FILENAMES : 0)
                    | (m.hasLineNumbers() ? ProfileBuilder.HAS_LINE_NUMBERS : 0)
                    | (m.hasInlineFrames() ? ProfileBuilder.HAS_INLINE_FRAMES : 0);
            out.addMapping(m.id(), m.start(), m.limit(), m.offset(), out.intern(m.file()),
                    out.intern(m.buildId()), flags);
        }
        for (int s = 0; s < sampleCount; s++) {
            out.beginSample();
            for (int i = sampleStackStart.get(s); i < sampleStackStart.get(s + 1); i++) {
                out.addStackLocationId(sampleStack.get(i) + 1L);
            }
            for (int t = 0; t < types; t++) {
                out.addValue(sampleValues.get(s * types + t));
            }
            for (int j = sampleLabelStart.get(s); j < sampleLabelStart.get(s + 1); j++) {
                out.addLabel(sampleLabels.get(3 * j), sampleLabels.get(3 * j + 1), sampleLabelNums.get(j),
                        sampleLabels.get(3 * j + 2));
            }
        }
        return out.build();
    }

    private static int[] filled(int n) {
        int[] a = new int[n];
        Arrays.fill(a, -1);
        return a;
    }

    /** pprof's mapping identity: size rounded up to 4 KiB, offset, and build id (else file name). */
    private record MappingKey(long size, long offset, String buildIdOrFile) {
        static MappingKey of(Mapping m) {
            long size = m.limit() - m.start();
            size = size + 0xfff;
            size = size - Long.remainderUnsigned(size, 0x1000);
            String id = !m.buildId().isEmpty() ? m.buildId() : m.file();
            return new MappingKey(size, m.offset(), id);
        }

        // Seeded hashes here and below: the fields come from the input (see Hashing).
        @Override
        public int hashCode() {
            return Hashing.finish(Hashing.combine(Hashing.combine(Hashing.combine(Hashing.start(), size), offset),
                    buildIdOrFile));
        }
    }

    private record FunctionKey(int name, int systemName, int file, long startLine) {
        @Override
        public int hashCode() {
            long h = Hashing.combine(Hashing.start(), name);
            h = Hashing.combine(Hashing.combine(h, systemName), file);
            return Hashing.finish(Hashing.combine(h, startLine));
        }
    }

    /** pprof's location identity: mapping-relative address, mapping, lines and the folded bit. */
    private static final class LocationKey {
        final long address;
        final int mapping;
        final boolean folded;
        final long[] lines;
        final int hash;

        LocationKey(long address, int mapping, boolean folded, long[] lines) {
            this.address = address;
            this.mapping = mapping;
            this.folded = folded;
            this.lines = lines;
            long h = Hashing.combine(Hashing.combine(Hashing.start(), address), mapping);
            h = Hashing.combine(h, folded ? 1 : 0);
            for (long line : lines) {
                h = Hashing.combine(h, line);
            }
            this.hash = Hashing.finish(h);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof LocationKey k && k.address == address && k.mapping == mapping
                    && k.folded == folded && Arrays.equals(k.lines, lines);
        }
    }
}
