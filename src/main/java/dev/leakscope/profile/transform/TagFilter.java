package dev.leakscope.profile.transform;

import dev.leakscope.util.IntList;
import dev.leakscope.util.LongList;
import dev.leakscope.util.UsageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.leakscope.profile.Profile;
import dev.leakscope.profile.ProfileBuilder;
import dev.leakscope.profile.Units;

/**
 * A pprof {@code -tagfocus}/{@code -tagignore} value, {@code [key=]value}: a numeric range with
 * units ({@code 1kB}, {@code 1kB:}, {@code :1kB}, {@code 1kB:4kB}) tested against numeric labels,
 * or else a comma-separated list of regexes tested against string labels. Also pprof's
 * tagshow/taghide, which delete label keys.
 */
final class TagFilter {
    private static final Pattern RANGE_PART = Pattern.compile("([+-]?[0-9]+)([A-Za-z]+)?");

    private final String key;
    private final String rangeText;
    private final NumRange range;
    private final List<Pattern> regexes;

    private record NumRange(int kind, double low, double high, String unit) {
        static final int EQ = 0;
        static final int GE = 1;
        static final int LE = 2;
        static final int BETWEEN = 3;

        boolean test(long value, String valueUnit) {
            Units.Scaled s = Units.scale(value, valueUnit, unit);
            if (!s.unit().equals(unit)) {
                return false;
            }
            double v = s.value();
            return switch (kind) {
                case EQ -> v == low;
                case GE -> v >= low;
                case LE -> v <= low;
                default -> v >= low && v <= high;
            };
        }
    }

    private TagFilter(String key, String rangeText, NumRange range, List<Pattern> regexes) {
        this.key = key;
        this.rangeText = rangeText;
        this.range = range;
        this.regexes = regexes;
    }

    /** The filter for a flag value, or null when the value is empty. */
    static TagFilter parse(String flag, String value) {
        if (value.isEmpty()) {
            return null;
        }
        String key = "";
        int eq = value.indexOf('=');
        if (eq >= 0) {
            key = value.substring(0, eq);
            value = value.substring(eq + 1);
        }
        NumRange range = parseRange(flag, value);
        if (range != null) {
            return new TagFilter(key, value, range, List.of());
        }
        List<Pattern> regexes = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            regexes.add(Filters.compile(flag, part.isEmpty() ? "(?:)" : part));
        }
        return new TagFilter(key, value, null, regexes);
    }

    boolean isRange() {
        return range != null;
    }

    String rangeText() {
        return rangeText;
    }

    /** pprof's parseTagFilterRange; null when the text is not a range. */
    private static NumRange parseRange(String flag, String filter) {
        Matcher m = RANGE_PART.matcher(filter);
        List<String[]> parts = new ArrayList<>();
        while (parts.size() < 2 && m.find()) {
            parts.add(new String[] {m.group(), m.group(1), m.group(2) == null ? "" : m.group(2)});
        }
        if (parts.isEmpty()) {
            return null;
        }
        String[] first = parts.get(0);
        Units.Scaled low = Units.scale(number(flag, first[1]), first[2], first[2]);
        String unit = low.unit();
        if (parts.size() == 1) {
            String match = first[0];
            int kind = filter.equals(match) ? NumRange.EQ
                    : filter.equals(match + ":") ? NumRange.GE
                    : filter.equals(":" + match) ? NumRange.LE : -1;
            return kind < 0 ? null : new NumRange(kind, low.value(), 0, unit);
        }
        String[] second = parts.get(1);
        if (!filter.equals(first[0] + ":" + second[0])) {
            return null;
        }
        Units.Scaled high = Units.scale(number(flag, second[1]), second[2], unit);
        if (!high.unit().equals(unit)) {
            return null;
        }
        return new NumRange(NumRange.BETWEEN, low.value(), high.value(), unit);
    }

    private static long number(String flag, String digits) {
        try {
            return Long.parseLong(digits.startsWith("+") ? digits.substring(1) : digits);
        } catch (NumberFormatException e) {
            throw new UsageException("-" + flag + ": number out of range: " + digits);
        }
    }

    /** Whether sample s of p passes this filter; units are the numeric label units of the profile. */
    boolean matches(Profile p, int s, Map<String, String> units) {
        if (range != null) {
            for (int i = p.labelStart(s); i < p.labelEnd(s); i++) {
                if (p.labelStr[i] != 0) {
                    continue;
                }
                String k = p.strings[p.labelKey[i]];
                if ((key.isEmpty() || k.equals(key)) && range.test(p.labelNum[i], units.getOrDefault(k, ""))) {
                    return true;
                }
            }
            return false;
        }
        if (key.isEmpty()) {
            // Every regex must match some "key:value" of the sample's string labels.
            for (Pattern re : regexes) {
                boolean found = false;
                for (int i = p.labelStart(s); i < p.labelEnd(s) && !found; i++) {
                    found = p.labelStr[i] != 0
                            && re.matcher(p.strings[p.labelKey[i]] + ":" + p.strings[p.labelStr[i]]).find();
                }
                if (!found) {
                    return false;
                }
            }
            return true;
        }
        for (int i = p.labelStart(s); i < p.labelEnd(s); i++) {
            if (p.labelStr[i] == 0 || !p.strings[p.labelKey[i]].equals(key)) {
                continue;
            }
            for (Pattern re : regexes) {
                if (re.matcher(p.strings[p.labelStr[i]]).find()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** pprof's FilterSamplesByTag: keeps the samples that pass focus (if set) and not ignore (if set). */
    static Filters.Outcome filterSamples(Profile p, TagFilter focus, TagFilter ignore, Map<String, String> units) {
        boolean focusMatched = false;
        boolean ignoreMatched = false;
        IntList keep = new IntList(p.sampleCount);
        for (int s = 0; s < p.sampleCount; s++) {
            boolean focused = focus == null || focus.matches(p, s, units);
            boolean ignored = ignore != null && ignore.matches(p, s, units);
            focusMatched |= focused;
            ignoreMatched |= ignored;
            if (focused && !ignored) {
                keep.add(s);
            }
        }
        if (keep.size() == p.sampleCount) {
            return new Filters.Outcome(p, focusMatched, ignoreMatched);
        }
        int[] samples = keep.toArray();
        ProfileBuilder.Parts parts = p.parts();
        ProfileEdits.keepSamples(p, parts, samples);
        parts.values = ProfileEdits.pickValues(p, samples);
        return new Filters.Outcome(new Profile(parts), focusMatched, ignoreMatched);
    }

    /** pprof's FilterTagsByName: deletes label keys not matching show (if set) or matching hide. */
    static Filters.Outcome filterKeys(Profile p, Pattern show, Pattern hide) {
        boolean showMatched = false;
        boolean hideMatched = false;
        // Per label set, those the samples use (a filter before may have left some unused).
        boolean[] used = new boolean[p.labelStart.length - 1];
        for (int s = 0; s < p.sampleCount; s++) {
            used[p.sampleLabels.get(s)] = true;
        }
        IntList labelStart = new IntList(used.length + 1);
        IntList keyIdx = new IntList(p.labelKey.length);
        IntList strIdx = new IntList(p.labelKey.length);
        IntList unitIdx = new IntList(p.labelKey.length);
        LongList nums = new LongList(p.labelKey.length);
        for (int set = 0; set < used.length; set++) {
            labelStart.add(keyIdx.size());
            if (!used[set]) {
                continue;
            }
            for (int i = p.labelStart[set]; i < p.labelStart[set + 1]; i++) {
                String name = p.strings[p.labelKey[i]];
                boolean matchShow = show == null || show.matcher(name).find();
                boolean matchHide = hide != null && hide.matcher(name).find();
                showMatched |= matchShow;
                hideMatched |= matchHide;
                if (matchShow && !matchHide) {
                    keyIdx.add(p.labelKey[i]);
                    strIdx.add(p.labelStr[i]);
                    unitIdx.add(p.labelUnit[i]);
                    nums.add(p.labelNum[i]);
                }
            }
        }
        labelStart.add(keyIdx.size());
        ProfileBuilder.Parts parts = p.parts();
        parts.labelStart = labelStart.toArray();
        parts.labelKey = keyIdx.toArray();
        parts.labelStr = strIdx.toArray();
        parts.labelUnit = unitIdx.toArray();
        parts.labelNum = nums.toArray();
        return new Filters.Outcome(new Profile(parts), showMatched, hideMatched);
    }
}
