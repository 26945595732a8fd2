package dev.leakscope.report.pprof;

import dev.leakscope.profile.Profile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sample's labels grouped by key, keys in the order they first appear, as pprof's reports print
 * them: the string labels' values, and the numeric labels (their label indexes, for the value and its unit).
 *
 * @param strings each string key's values
 * @param numbers each numeric key's labels, as indexes for {@link Profile#labelNum} and {@link Profile#labelUnit}
 */
public record SampleLabels(Map<String, List<String>> strings, Map<String, List<Integer>> numbers) {
    public static SampleLabels of(Profile p, int sample) {
        Map<String, List<String>> strings = new LinkedHashMap<>();
        Map<String, List<Integer>> numbers = new LinkedHashMap<>();
        for (int i = p.labelStart(sample); i < p.labelEnd(sample); i++) {
            String key = p.string(p.labelKey(i));
            if (p.labelStr(i) != 0) {
                strings.computeIfAbsent(key, k -> new ArrayList<>()).add(p.string(p.labelStr(i)));
            } else {
                numbers.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
            }
        }
        return new SampleLabels(strings, numbers);
    }
}
