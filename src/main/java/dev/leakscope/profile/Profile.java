package dev.leakscope.profile;

import dev.leakscope.util.BlockedInts;
import java.util.List;

/**
 * A decoded profile in compact form: one interned string table and primitive arrays, no object per
 * sample, location or function. Everything refers to everything else by array index (ids are kept
 * only for display); strings are indexes into {@link #string(int)}, with 0 the empty string.
 *
 * <p>Samples: values are stored row by row ({@code typeCount} values per sample); each sample's stack
 * is a leaf node of the profile's {@link StackTree} (its call paths, shared by the samples); its labels
 * are a set of (key, str, num, unit), kept once for the samples that share it.
 *
 * <p>Locations: each has an address, an optional mapping and a slice of lines, innermost inlined
 * frame first; a line names a function and a line number.
 *
 * <p>Instances are built by {@link ProfileBuilder} and not modified afterwards.
 */
public final class Profile {
    public final String[] strings;
    public final ValueType[] sampleTypes;
    public final ValueType periodType;
    public final long period;
    public final long timeNanos;
    public final long durationNanos;
    public final String defaultSampleType;
    public final String dropFrames;
    public final String keepFrames;
    public final List<String> comments;
    public final Mapping[] mappings;
    /**
     * A legacy heap text whose header says in-use equals allocated (a snapshot taken before anything
     * was freed): its two sample types {@code objects, space} stand for the alloc and inuse ones alike.
     */
    public final boolean nothingFreed;
    /** What was done to bring this profile's inputs to common sample types (none when they agreed). */
    public final Harmonization harmonization;

    public final long[] fnId;
    public final int[] fnName;
    public final int[] fnSystemName;
    public final int[] fnFile;
    public final long[] fnStartLine;

    public final long[] locId;
    public final long[] locAddress;
    public final int[] locMapping;
    public final boolean[] locFolded;
    public final int[] locLineStart;
    public final int[] lineFunction;
    public final long[] lineNumber;

    public final int sampleCount;
    public final SampleValues values;
    public final StackTree stacks;
    /** Each sample's leaf node in {@link #stacks}, or -1 for an empty stack. */
    public final BlockedInts stackLeaf;
    /** Each sample's label set; set i's labels are labelStart[i] .. labelStart[i + 1]. */
    public final BlockedInts sampleLabels;
    public final int[] labelStart;
    public final int[] labelKey;
    public final int[] labelStr;
    public final long[] labelNum;
    public final int[] labelUnit;

    public Profile(ProfileBuilder.Parts p) {
        strings = p.strings;
        sampleTypes = p.sampleTypes;
        periodType = p.periodType;
        period = p.period;
        timeNanos = p.timeNanos;
        durationNanos = p.durationNanos;
        defaultSampleType = p.defaultSampleType;
        dropFrames = p.dropFrames;
        keepFrames = p.keepFrames;
        comments = List.copyOf(p.comments);
        mappings = p.mappings;
        nothingFreed = p.nothingFreed;
        harmonization = p.harmonization == null ? Harmonization.NONE : p.harmonization;
        fnId = p.fnId;
        fnName = p.fnName;
        fnSystemName = p.fnSystemName;
        fnFile = p.fnFile;
        fnStartLine = p.fnStartLine;
        locId = p.locId;
        locAddress = p.locAddress;
        locMapping = p.locMapping;
        locFolded = p.locFolded;
        locLineStart = p.locLineStart;
        lineFunction = p.lineFunction;
        lineNumber = p.lineNumber;
        sampleCount = p.sampleCount;
        values = p.values;
        stacks = p.stacks;
        stackLeaf = p.stackLeaf;
        sampleLabels = p.sampleLabels;
        labelStart = p.labelStart;
        labelKey = p.labelKey;
        labelStr = p.labelStr;
        labelNum = p.labelNum;
        labelUnit = p.labelUnit;
    }

    /** The arrays of this profile, to build a modified copy (arrays are shared until replaced). */
    public ProfileBuilder.Parts parts() {
        ProfileBuilder.Parts p = new ProfileBuilder.Parts();
        p.strings = strings;
        p.sampleTypes = sampleTypes;
        p.periodType = periodType;
        p.period = period;
        p.timeNanos = timeNanos;
        p.durationNanos = durationNanos;
        p.defaultSampleType = defaultSampleType;
        p.dropFrames = dropFrames;
        p.keepFrames = keepFrames;
        p.comments = comments;
        p.mappings = mappings;
        p.nothingFreed = nothingFreed;
        p.harmonization = harmonization;
        p.fnId = fnId;
        p.fnName = fnName;
        p.fnSystemName = fnSystemName;
        p.fnFile = fnFile;
        p.fnStartLine = fnStartLine;
        p.locId = locId;
        p.locAddress = locAddress;
        p.locMapping = locMapping;
        p.locFolded = locFolded;
        p.locLineStart = locLineStart;
        p.lineFunction = lineFunction;
        p.lineNumber = lineNumber;
        p.sampleCount = sampleCount;
        p.values = values;
        p.stacks = stacks;
        p.stackLeaf = stackLeaf;
        p.sampleLabels = sampleLabels;
        p.labelStart = labelStart;
        p.labelKey = labelKey;
        p.labelStr = labelStr;
        p.labelNum = labelNum;
        p.labelUnit = labelUnit;
        return p;
    }

    /**
     * This profile with a placeholder mapping (id 1, all zero) for every location, as pprof adds to a
     * profile without mappings; unchanged when it has mappings.
     */
    public Profile withPlaceholderMapping() {
        if (mappings.length > 0) {
            return this;
        }
        ProfileBuilder.Parts p = parts();
        p.mappings = new Mapping[] {new Mapping(1, 0, 0, 0, "", "", false, false, false, false)};
        p.locMapping = new int[locId.length];
        return new Profile(p);
    }

    /** This profile with other mappings (as many, in the same order). */
    public Profile withMappings(Mapping[] replaced) {
        ProfileBuilder.Parts p = parts();
        p.mappings = replaced.clone();
        return new Profile(p);
    }

    /** This profile with one more comment (pprof's -add_comment). */
    public Profile withComment(String comment) {
        ProfileBuilder.Parts p = parts();
        List<String> all = new java.util.ArrayList<>(comments);
        all.add(comment);
        p.comments = all;
        return new Profile(p);
    }

    // ---- header

    public String string(int index) {
        return strings[index];
    }

    public int stringCount() {
        return strings.length;
    }

    public List<ValueType> sampleTypes() {
        return List.of(sampleTypes);
    }

    public int typeCount() {
        return sampleTypes.length;
    }

    public ValueType sampleType(int i) {
        return sampleTypes[i];
    }

    /** The period type, or null when the profile has none. */
    public ValueType periodType() {
        return periodType;
    }

    public long period() {
        return period;
    }

    public long timeNanos() {
        return timeNanos;
    }

    public long durationNanos() {
        return durationNanos;
    }

    public String defaultSampleType() {
        return defaultSampleType;
    }

    public List<String> comments() {
        return comments;
    }

    public int mappingCount() {
        return mappings.length;
    }

    public Mapping mapping(int i) {
        return mappings[i];
    }

    // ---- functions

    public int functionCount() {
        return fnId.length;
    }

    public String functionName(int f) {
        return strings[fnName[f]];
    }

    public String functionSystemName(int f) {
        return strings[fnSystemName[f]];
    }

    public int functionFileIndex(int f) {
        return fnFile[f];
    }

    public String functionFile(int f) {
        return strings[fnFile[f]];
    }

    public long functionStartLine(int f) {
        return fnStartLine[f];
    }

    // ---- locations

    public int locationCount() {
        return locId.length;
    }

    public long locationId(int l) {
        return locId[l];
    }

    public long locationAddress(int l) {
        return locAddress[l];
    }

    /** Index of the location's mapping, or -1 when it has none. */
    public int locationMapping(int l) {
        return locMapping[l];
    }

    public boolean locationFolded(int l) {
        return locFolded[l];
    }

    /** Index of the location's first (innermost) line; its lines end at {@code lineEnd(l)}. */
    public int lineStart(int l) {
        return locLineStart[l];
    }

    public int lineEnd(int l) {
        return locLineStart[l + 1];
    }

    public int lineFunction(int line) {
        return lineFunction[line];
    }

    public long lineNumber(int line) {
        return lineNumber[line];
    }

    // ---- samples

    public int sampleCount() {
        return sampleCount;
    }

    public long value(int sample, int type) {
        return values.get(sample * sampleTypes.length + type);
    }

    /** The sample's leaf node in {@link #stacks}, or -1 when its stack is empty. */
    public int stackLeaf(int sample) {
        return stackLeaf.get(sample);
    }

    /** An array that holds any stack of this profile, for {@link #stack}. */
    public int[] stackBuffer() {
        return new int[stacks.maxDepth()];
    }

    /** Puts the sample's locations into into[0..depth), leaf first; returns depth. */
    public int stack(int sample, int[] into) {
        return stacks.stack(stackLeaf.get(sample), into);
    }

    public int labelStart(int sample) {
        return labelStart[sampleLabels.get(sample)];
    }

    public int labelEnd(int sample) {
        return labelStart[sampleLabels.get(sample) + 1];
    }

    public int labelKey(int label) {
        return labelKey[label];
    }

    /** String value index of a label; 0 for numeric labels. */
    public int labelStr(int label) {
        return labelStr[label];
    }

    public long labelNum(int label) {
        return labelNum[label];
    }

    public int labelUnit(int label) {
        return labelUnit[label];
    }

    /** The sum of every sample's values, per sample type. */
    public long[] totals() {
        return values.sums(sampleTypes.length).clone();
    }

    /** The sum of every sample's values of sample type t. */
    public long total(int t) {
        return values.sums(sampleTypes.length)[t];
    }

    /** Whether any sample value is negative (as in a difference profile). */
    public boolean hasNegativeValue() {
        return values.anyNegative();
    }

    /** The sample's string label value for key, or null. */
    public String stringLabel(int sample, String key) {
        for (int i = labelStart(sample); i < labelEnd(sample); i++) {
            if (labelStr[i] != 0 && strings[labelKey[i]].equals(key)) {
                return strings[labelStr[i]];
            }
        }
        return null;
    }

    /**
     * Index of the sample type named name, or -1. As in pprof, a name also matches the type it names
     * without an {@code inuse_} prefix, so {@code inuse_space} selects {@code space}.
     */
    public int sampleTypeIndex(String name) {
        String noInuse = name.startsWith("inuse_") ? name.substring("inuse_".length()) : name;
        for (int i = 0; i < sampleTypes.length; i++) {
            String t = sampleTypes[i].type();
            if (t.equals(name) || t.equals(noInuse)) {
                return i;
            }
        }
        return -1;
    }

    /** The sample type shown by default: {@code default_sample_type} if set, else the last one. */
    public int defaultSampleIndex() {
        if (!defaultSampleType.isEmpty()) {
            for (int i = 0; i < sampleTypes.length; i++) {
                if (sampleTypes[i].type().equals(defaultSampleType)) {
                    return i;
                }
            }
        }
        return sampleTypes.length - 1;
    }
}
