package dev.leakscope.profile;

import dev.leakscope.input.Limits;
import dev.leakscope.input.LimitException;
import dev.leakscope.util.BlockedInts;
import dev.leakscope.util.Hashing;
import dev.leakscope.util.InputException;
import dev.leakscope.util.IntBlocks;
import dev.leakscope.util.IntList;
import dev.leakscope.util.LongIntMap;
import dev.leakscope.util.LongList;
import dev.leakscope.util.SmallInts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects a profile piece by piece, in whatever order a format delivers it, and checks and resolves
 * it in {@link #build()}. References are by id (as in profile.proto) and strings by index into the
 * builder's string table; {@code build()} resolves ids to indexes, rejects dangling or duplicate ids
 * with a message naming them, and removes duplicate strings.
 */
public final class ProfileBuilder {
    private final List<String> strings = new ArrayList<>();
    private Map<String, Integer> stringIndex;

    private final IntList sampleTypes = new IntList(8);
    private int periodTypeType;
    private int periodTypeUnit;
    private long period;
    private long timeNanos;
    private long durationNanos;
    private int defaultSampleType;
    private int dropFrames;
    private int keepFrames;
    private final IntList comments = new IntList(4);
    private boolean nothingFreed;

    private final LongList mapId = new LongList();
    private final LongList mapStart = new LongList();
    private final LongList mapLimit = new LongList();
    private final LongList mapOffset = new LongList();
    private final IntList mapFile = new IntList();
    private final IntList mapBuildId = new IntList();
    private final IntList mapFlags = new IntList();

    private final LongList fnId = new LongList();
    private final IntList fnName = new IntList();
    private final IntList fnSystemName = new IntList();
    private final IntList fnFile = new IntList();
    private final LongList fnStartLine = new LongList();

    private final LongList locId = new LongList();
    private final LongList locMappingId = new LongList();
    private final LongList locAddress = new LongList();
    private final IntList locFolded = new IntList();
    private final IntList locLineStart = new IntList();
    private final LongList lineFunctionId = new LongList();
    private final LongList lineNumber = new LongList();

    private final SampleValues.Builder values = new SampleValues.Builder();
    private int samples;
    /** The value count of the first sample, and the first sample with another count (or -1) and its count. */
    private int firstValueCount = -1;
    private int oddValueSample = -1;
    private int oddValueCount;
    private int sampleValueStart;
    /** The current sample's stack as it comes (keys, see {@link #bigKey}), turned into a tree path when it ends. */
    private int[] pending = new int[64];
    private int pendingDepth;
    private long frames;
    /**
     * The samples' stacks, and per sample its leaf node, in blocks handed to the profile as they are (see
     * {@link BlockedInts}).
     */
    private final BatchedStackTree stacks = new BatchedStackTree();
    /** The samples whose stack, labels and value count are filed. */
    private int samplesFiled;
    /** Location ids from 2^30 up (and 0), by key 2^30, 2^30 + 1, ... */
    private final LongList bigIds = new LongList();
    private LongIntMap bigIdKey;
    /** Labels are kept once per distinct set (most samples share theirs): where each set starts. */
    private final IntList labelStart = new IntList();
    /** Per sample, its label set (a few thousand sets at most in most profiles: chars). */
    private final SmallInts sampleLabels = new SmallInts();
    private int sampleLabelStart;
    /** Open addressing: set + 1 by the hash of its labels; 0 is empty. */
    private int[] labelSetTable = new int[64];
    private final IntList labelKey = new IntList();
    private final IntList labelStr = new IntList();
    private final LongList labelNum = new LongList();
    private final IntList labelUnit = new IntList();

    /** A builder whose string table starts with the empty string, for formats that intern names. */
    public static ProfileBuilder withEmptyString() {
        ProfileBuilder b = new ProfileBuilder();
        b.addRawString("");
        return b;
    }

    // ---- strings

    /** Appends a string table entry as it comes (duplicates allowed); returns its index. */
    public int addRawString(String s) {
        strings.add(s);
        if (stringIndex != null) {
            stringIndex.putIfAbsent(s, strings.size() - 1);
        }
        return strings.size() - 1;
    }

    /** The index of s, appending it if it is not in the table yet. */
    public int intern(String s) {
        if (stringIndex == null) {
            stringIndex = new HashMap<>();
            for (int i = 0; i < strings.size(); i++) {
                stringIndex.putIfAbsent(strings.get(i), i);
            }
        }
        Integer i = stringIndex.get(s);
        if (i != null) {
            return i;
        }
        return addRawString(s);
    }

    public int stringCount() {
        return strings.size();
    }

    public String stringOf(int index) {
        return strings.get(index);
    }

    // ---- header

    /** Adds a sample type; type and unit are string indexes. */
    public void addSampleType(int type, int unit) {
        sampleTypes.add(type);
        sampleTypes.add(unit);
    }

    /** Sets the period type; type and unit are string indexes. */
    public void setPeriodType(int type, int unit) {
        periodTypeType = type;
        periodTypeUnit = unit;
    }

    public void setPeriod(long period) {
        this.period = period;
    }

    public void setTimeNanos(long t) {
        timeNanos = t;
    }

    public void setDurationNanos(long d) {
        durationNanos = d;
    }

    public void setDefaultSampleType(int stringIndex) {
        defaultSampleType = stringIndex;
    }

    /** Marks a legacy heap profile taken before anything was freed (see {@link Profile#nothingFreed}). */
    public void setNothingFreed(boolean nothingFreed) {
        this.nothingFreed = nothingFreed;
    }

    public void setDropFrames(int stringIndex) {
        dropFrames = stringIndex;
    }

    public void setKeepFrames(int stringIndex) {
        keepFrames = stringIndex;
    }

    public void addComment(int stringIndex) {
        comments.add(stringIndex);
    }

    // ---- tables

    public static final int HAS_FUNCTIONS = 1;
    public static final int HAS_FILENAMES = 2;
    public static final int HAS_LINE_NUMBERS = 4;
    public static final int HAS_INLINE_FRAMES = 8;

    public void addMapping(long id, long start, long limit, long offset, int file, int buildId, int flags) {
        mapId.add(id);
        mapStart.add(start);
        mapLimit.add(limit);
        mapOffset.add(offset);
        mapFile.add(file);
        mapBuildId.add(buildId);
        mapFlags.add(flags);
    }

    public void addFunction(long id, int name, int systemName, int file, long startLine) {
        fnId.add(id);
        fnName.add(name);
        fnSystemName.add(systemName);
        fnFile.add(file);
        fnStartLine.add(startLine);
    }

    /** Starts a location; its lines follow through {@link #addLine}, innermost first. */
    public void beginLocation(long id, long mappingId, long address, boolean folded) {
        locId.add(id);
        locMappingId.add(mappingId);
        locAddress.add(address);
        locFolded.add(folded ? 1 : 0);
        locLineStart.add(lineFunctionId.size());
    }

    /** Sets the header of location i, for formats where it follows the location's lines. */
    public void setLocationHeader(int i, long id, long mappingId, long address, boolean folded) {
        locId.set(i, id);
        locMappingId.set(i, mappingId);
        locAddress.set(i, address);
        locFolded.set(i, folded ? 1 : 0);
    }

    public void addLine(long functionId, long line) {
        lineFunctionId.add(functionId);
        lineNumber.add(line);
    }

    public int locationCount() {
        return locId.size();
    }

    /** Starts a sample; its location ids, values and labels follow. */
    public void beginSample() {
        endSample();
        samples++;
        sampleValueStart = values.size();
        sampleLabelStart = labelKey.size();
    }

    public void addStackLocationId(long id) {
        if (pendingDepth == pending.length) {
            pending = java.util.Arrays.copyOf(pending, pendingDepth * 2);
        }
        pending[pendingDepth++] = id > 0 && id < BIG_KEYS ? (int) id : bigKey(id);
    }

    /** Adds location ids ids[0..n), each between 1 and 2^14 (as most are): the keys are the ids themselves. */
    public void addStackLocationIds(int[] ids, int n) {
        if (pendingDepth + n > pending.length) {
            pending = java.util.Arrays.copyOf(pending, Math.max(pending.length * 2, pendingDepth + n));
        }
        System.arraycopy(ids, 0, pending, pendingDepth, n);
        pendingDepth += n;
    }

    /** Keys from here on number the location ids that are not below it (see {@link #bigKey}). */
    private static final int BIG_KEYS = 1 << 30;

    /**
     * A location id as a tree node key: the id itself when it is below 2^30 (as ids nearly always are),
     * else 2^30 and up, numbering the other ids as they come.
     */
    private int bigKey(long id) {
        if (bigIdKey == null) {
            bigIdKey = new LongIntMap(16);
        }
        int i = bigIdKey.get(id);
        if (i < 0) {
            i = bigIds.size();
            if (i == BIG_KEYS) {
                throw new InputException("malformed profile: more than " + BIG_KEYS + " distinct large location ids");
            }
            bigIds.add(id);
            bigIdKey.putIfAbsent(id, i);
        }
        return BIG_KEYS + i;
    }

    private long idOfKey(int key) {
        return key < BIG_KEYS ? key : bigIds.get(key - BIG_KEYS);
    }

    /** Files the current sample's stack and checks its value count. */
    private void endSample() {
        if (samples == samplesFiled) {
            return;
        }
        samplesFiled++;
        stacks.add(pending, pendingDepth);
        sampleLabels.add(labelSet());
        frames += pendingDepth;
        pendingDepth = 0;
        int count = values.size() - sampleValueStart;
        if (firstValueCount < 0) {
            firstValueCount = count;
        } else if (count != firstValueCount && oddValueSample < 0) {
            oddValueSample = samples - 1;
            oddValueCount = count;
        }
    }

    public void addValue(long v) {
        values.add(v);
    }

    /** The set of the current sample's labels (the last ones added), added unless an equal one was. */
    private int labelSet() {
        int mask = labelSetTable.length - 1;
        int end = labelKey.size();
        for (int i = labelHash(sampleLabelStart, end) & mask; ; i = (i + 1) & mask) {
            int set = labelSetTable[i] - 1;
            if (set < 0) {
                labelSetTable[i] = labelStart.size() + 1;
                labelStart.add(sampleLabelStart);
                if (labelStart.size() * 4L > labelSetTable.length * 3L) {
                    rehashLabelSets();
                }
                return labelStart.size() - 1;
            }
            if (sameLabels(set, sampleLabelStart, end)) {
                labelKey.truncate(sampleLabelStart);
                labelStr.truncate(sampleLabelStart);
                labelNum.truncate(sampleLabelStart);
                labelUnit.truncate(sampleLabelStart);
                return set;
            }
        }
    }

    private boolean sameLabels(int set, int from, int to) {
        int start = labelStart.get(set);
        int end = set + 1 < labelStart.size() ? labelStart.get(set + 1) : from;
        if (end - start != to - from) {
            return false;
        }
        for (int i = start, j = from; i < end; i++, j++) {
            if (labelKey.get(i) != labelKey.get(j) || labelStr.get(i) != labelStr.get(j)
                    || labelNum.get(i) != labelNum.get(j) || labelUnit.get(i) != labelUnit.get(j)) {
                return false;
            }
        }
        return true;
    }

    private int labelHash(int from, int to) {
        long h = Hashing.start();
        for (int i = from; i < to; i++) {
            h = Hashing.combine(Hashing.combine(Hashing.combine(Hashing.combine(h, labelKey.get(i)), labelStr.get(i)),
                    labelNum.get(i)), labelUnit.get(i));
        }
        return Hashing.finish(h);
    }

    private void rehashLabelSets() {
        labelSetTable = new int[labelSetTable.length * 2];
        int mask = labelSetTable.length - 1;
        for (int set = 0; set < labelStart.size(); set++) {
            int i = labelHash(labelStart.get(set), labelsEnd(set)) & mask;
            while (labelSetTable[i] != 0) {
                i = (i + 1) & mask;
            }
            labelSetTable[i] = set + 1;
        }
    }

    public void addLabel(int key, int str, long num, int unit) {
        labelKey.add(key);
        labelStr.add(str);
        labelNum.add(num);
        labelUnit.add(unit);
    }

    public int sampleCount() {
        return samples;
    }

    // ---- build

    /** Checks every reference and returns the profile; throws {@link InputException} naming a bad id. */
    public Profile build() {
        return build(null, 0);
    }

    /**
     * As {@link #build()}, for a profile decoded from inputBytes bytes of input: also enforces the
     * per-sample and whole-input limits, naming the limit and its flag when one is exceeded.
     */
    public Profile build(Limits limits, long inputBytes) {
        endSample();
        stacks.finish();
        IntBlocks stackLeaf = stacks.leaves();
        int n = sampleCount();
        int types = sampleTypes.size() / 2;
        if (types == 0 && n > 0) {
            throw new InputException("malformed profile: it has samples but no sample types");
        }
        // The first sample whose value count is not the number of types (n when none).
        int badValues = n == 0 ? 0 : firstValueCount != types ? 0 : oddValueSample >= 0 ? oddValueSample : n;
        // the samples are looked at only when some label set is over the limit (there are far fewer sets)
        if (limits != null && mostLabels() > limits.maxLabels()) {
            for (int s = 0; s < n && s <= badValues; s++) {
                int set = sampleLabels.get(s);
                int labels = labelsEnd(set) - labelStart.get(set);
                if (labels > limits.maxLabels()) {
                    throw new LimitException("sample " + (s + 1) + " has " + labels + " labels, more than the limit of "
                            + limits.maxLabels() + " (raise it with --max-labels)");
                }
            }
        }
        if (badValues < n) {
            int count = badValues == 0 ? firstValueCount : oddValueCount;
            throw new InputException("malformed profile: sample " + (badValues + 1) + " has " + count
                    + " values but the profile has " + types + " sample types");
        }
        int[] remap = dedupeStrings();
        Parts p = new Parts();
        p.strings = uniqueStrings;
        p.sampleTypes = new ValueType[types];
        for (int i = 0; i < types; i++) {
            p.sampleTypes[i] = valueType(sampleTypes.get(2 * i), sampleTypes.get(2 * i + 1), "sample type");
        }
        // pprof reads a missing period type as an empty one.
        p.periodType = valueType(periodTypeType, periodTypeUnit, "period type");
        p.period = period;
        p.timeNanos = timeNanos;
        p.durationNanos = durationNanos;
        p.nothingFreed = nothingFreed;
        p.defaultSampleType = strings.get(checkString(defaultSampleType, "default_sample_type"));
        p.dropFrames = strings.get(checkString(dropFrames, "drop_frames"));
        p.keepFrames = strings.get(checkString(keepFrames, "keep_frames"));
        p.comments = new ArrayList<>();
        for (int i = 0; i < comments.size(); i++) {
            p.comments.add(strings.get(checkString(comments.get(i), "comment")));
        }

        LongIntMap mappingIndex = indexIds(mapId, "mapping");
        p.mappings = new Mapping[mapId.size()];
        for (int m = 0; m < p.mappings.length; m++) {
            int flags = mapFlags.get(m);
            p.mappings[m] = new Mapping(mapId.get(m), mapStart.get(m), mapLimit.get(m), mapOffset.get(m),
                    strings.get(checkString(mapFile.get(m), "mapping filename")),
                    strings.get(checkString(mapBuildId.get(m), "mapping build_id")),
                    (flags & HAS_FUNCTIONS) != 0, (flags & HAS_FILENAMES) != 0,
                    (flags & HAS_LINE_NUMBERS) != 0, (flags & HAS_INLINE_FRAMES) != 0);
        }

        LongIntMap functionIndex = indexIds(fnId, "function");
        p.fnId = fnId.toArray();
        p.fnName = remapStrings(fnName, remap, "function name");
        p.fnSystemName = remapStrings(fnSystemName, remap, "function system_name");
        p.fnFile = remapStrings(fnFile, remap, "function filename");
        p.fnStartLine = fnStartLine.toArray();

        LongIntMap locationIndex = indexIds(locId, "location");
        int locs = locId.size();
        p.locId = locId.toArray();
        p.locAddress = locAddress.toArray();
        p.locMapping = new int[locs];
        p.locFolded = new boolean[locs];
        p.locLineStart = new int[locs + 1];
        for (int l = 0; l < locs; l++) {
            long mid = locMappingId.get(l);
            // A mapping id of 0, or one naming no mapping, means "no mapping": not an error.
            p.locMapping[l] = mid == 0 ? -1 : lookup(mappingIndex, mid, mapId.size());
            p.locFolded[l] = locFolded.get(l) != 0;
            p.locLineStart[l] = locLineStart.get(l);
        }
        p.locLineStart[locs] = lineFunctionId.size();
        p.lineFunction = new int[lineFunctionId.size()];
        for (int l = 0; l < locs; l++) {
            for (int i = p.locLineStart[l]; i < p.locLineStart[l + 1]; i++) {
                long fid = lineFunctionId.get(i);
                int f = fid == 0 ? -1 : lookup(functionIndex, fid, fnId.size());
                if (f < 0) {
                    throw new InputException("malformed profile: location id " + locId.get(l)
                            + " has a line with unknown function id " + fid);
                }
                p.lineFunction[i] = f;
            }
        }
        p.lineNumber = lineNumber.toArray();

        p.sampleCount = n;
        p.values = values.build();
        p.stacks = resolveStacks(stacks.tree(), stackLeaf, locationIndex, locs);
        p.stackLeaf = stackLeaf.frozen();
        if (limits != null) {
            checkLimits(p, limits, inputBytes, frames);
        }
        p.labelStart = closeOffsets(labelStart, labelKey.size());
        p.sampleLabels = sampleLabels.frozen();
        labelSetTable = null;
        p.labelKey = remapStrings(labelKey, remap, "label key");
        p.labelStr = remapStrings(labelStr, remap, "label value");
        p.labelNum = labelNum.toArray();
        p.labelUnit = remapStrings(labelUnit, remap, "label unit");
        return new Profile(p);
    }

    /** The most labels a label set has (0 with no sets). */
    private int mostLabels() {
        int most = 0;
        for (int set = 0; set < labelStart.size(); set++) {
            most = Math.max(most, labelsEnd(set) - labelStart.get(set));
        }
        return most;
    }

    /** Where the labels of set end (past the last set: where the labels filed so far end). */
    private int labelsEnd(int set) {
        return set + 1 < labelStart.size() ? labelStart.get(set + 1) : labelKey.size();
    }

    /** The stack tree over location indexes, or an error naming the first unknown location id. */
    private StackTree resolveStacks(StackTree.Builder stacks, IntBlocks stackLeaf, LongIntMap locationIndex, int locs) {
        // Location ids 1..locs in order and every stack's ids among them (what most producers write):
        // each key is its location + 1, and the tree is taken as it is, with no pass over it.
        if (locationIndex == null && bigIds.size() == 0 && stacks.maxKey() <= locs) {
            return stacks.build(1);
        }
        StackTree tree = stacks.build();
        java.util.BitSet unknown = tree.remap(key -> lookup(locationIndex, idOfKey(key), locs));
        if (unknown != null) {
            for (int s = 0; ; s++) {
                for (int node = stackLeaf.get(s); node >= 0; node = tree.parent(node)) {
                    if (unknown.get(node)) {
                        throw new InputException("malformed profile: sample " + (s + 1)
                                + " refers to unknown location id " + idOfKey(tree.location(node)));
                    }
                }
            }
        }
        return tree;
    }

    private String[] uniqueStrings;

    private static void checkLimits(Parts p, Limits limits, long inputBytes, long stackEntries) {
        long maxFrames = limits.maxFrames(inputBytes);
        if (withinLimits(p, limits.maxStackDepth(), maxFrames, stackEntries)) {
            return;
        }
        long frames = 0;
        int[] stack = new int[p.stacks.maxDepth()];
        for (int s = 0; s < p.sampleCount; s++) {
            long depth = 0;
            for (int i = 0, d = p.stacks.stack(p.stackLeaf.get(s), stack); i < d; i++) {
                int l = stack[i];
                depth += Math.max(1, p.locLineStart[l + 1] - p.locLineStart[l]);
            }
            if (depth > limits.maxStackDepth()) {
                throw new LimitException("sample " + (s + 1) + " has a stack of " + depth + " frames, more than"
                        + " the limit of " + limits.maxStackDepth() + " (raise it with --max-stack-depth)");
            }
            frames += depth;
            if (frames > maxFrames) {
                throw new LimitException("its samples hold more than " + maxFrames + " stack frames in all, more"
                        + " than " + limits.maxExpansion() + " per input byte (raise the limit with --max-expansion)");
            }
        }
    }

    /**
     * Whether no sample can exceed the limits, from bounds alone (the longest stack and the most lines
     * a location has), without visiting every frame: the exact walk is only needed near a limit.
     */
    private static boolean withinLimits(Parts p, int maxDepth, long maxFrames, long stackEntries) {
        int maxLines = 1;
        for (int l = 0; l + 1 < p.locLineStart.length; l++) {
            maxLines = Math.max(maxLines, p.locLineStart[l + 1] - p.locLineStart[l]);
        }
        return (long) p.stacks.maxDepth() * maxLines <= maxDepth && stackEntries * maxLines <= maxFrames;
    }

    /** Builds the deduplicated table; returns the old-index to new-index map. */
    private int[] dedupeStrings() {
        if (strings.isEmpty()) {
            strings.add("");
        }
        if (!strings.get(0).isEmpty()) {
            throw new InputException("malformed profile: string table entry 0 is not empty");
        }
        int[] remap = new int[strings.size()];
        Map<String, Integer> seen = new HashMap<>(strings.size() * 2);
        List<String> unique = new ArrayList<>(strings.size());
        for (int i = 0; i < strings.size(); i++) {
            String s = strings.get(i);
            Integer j = seen.putIfAbsent(s, unique.size());
            if (j == null) {
                remap[i] = unique.size();
                unique.add(s);
            } else {
                remap[i] = j;
            }
        }
        uniqueStrings = unique.toArray(new String[0]);
        return remap;
    }

    private ValueType valueType(int type, int unit, String what) {
        return new ValueType(strings.get(checkString(type, what)), strings.get(checkString(unit, what)));
    }

    private int checkString(int index, String what) {
        if (index < 0 || index >= strings.size()) {
            throw new InputException("malformed profile: " + what + " refers to string " + index
                    + ", but the string table has " + strings.size() + " entries");
        }
        return index;
    }

    private int[] remapStrings(IntList indexes, int[] remap, String what) {
        int[] out = new int[indexes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = remap[checkString(indexes.get(i), what)];
        }
        return out;
    }

    /**
     * Maps ids to indexes, rejecting 0 and duplicates. Returns null when the ids are exactly 1..n in
     * order (what most producers write): index = id - 1 then, and no map is needed.
     */
    private static LongIntMap indexIds(LongList ids, String what) {
        boolean dense = true;
        for (int i = 0; i < ids.size() && dense; i++) {
            dense = ids.get(i) == i + 1;
        }
        if (dense) {
            return null;
        }
        LongIntMap index = new LongIntMap(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            long id = ids.get(i);
            if (id == 0) {
                throw new InputException("malformed profile: found " + what + " with reserved id 0");
            }
            if (index.putIfAbsent(id, i) >= 0) {
                throw new InputException("malformed profile: several " + what + "s with id " + id);
            }
        }
        return index;
    }

    private static int lookup(LongIntMap index, long id, int count) {
        if (index == null) {
            return id >= 1 && id <= count ? (int) (id - 1) : -1;
        }
        return index.get(id);
    }

    private static int[] closeOffsets(IntList starts, int end) {
        int[] out = new int[starts.size() + 1];
        for (int i = 0; i < starts.size(); i++) {
            out[i] = starts.get(i);
        }
        out[starts.size()] = end;
        return out;
    }

    /** The resolved arrays handed to {@link Profile}'s constructor. */
    public static final class Parts {
        public String[] strings;
        public ValueType[] sampleTypes;
        public ValueType periodType;
        public long period;
        public long timeNanos;
        public long durationNanos;
        public String defaultSampleType;
        public String dropFrames;
        public String keepFrames;
        public List<String> comments;
        public Mapping[] mappings;
        public boolean nothingFreed;
        public Harmonization harmonization;
        public long[] fnId;
        public int[] fnName;
        public int[] fnSystemName;
        public int[] fnFile;
        public long[] fnStartLine;
        public long[] locId;
        public long[] locAddress;
        public int[] locMapping;
        public boolean[] locFolded;
        public int[] locLineStart;
        public int[] lineFunction;
        public long[] lineNumber;
        public int sampleCount;
        public SampleValues values;
        public StackTree stacks;
        public BlockedInts stackLeaf;
        public BlockedInts sampleLabels;
        public int[] labelStart;
        public int[] labelKey;
        public int[] labelStr;
        public long[] labelNum;
        public int[] labelUnit;
    }
}
