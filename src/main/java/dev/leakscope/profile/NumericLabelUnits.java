package dev.leakscope.profile;

import java.util.HashMap;
import java.util.Map;

/** The unit of each numeric label key, chosen as pprof does. */
public final class NumericLabelUnits {
    private NumericLabelUnits() {
    }

    /**
     * For each numeric label key: the first non-empty unit seen in the profile; for a key that never
     * has one, {@code bytes} for {@code alignment} and {@code request}, else the key itself.
     */
    public static Map<String, String> of(Profile p) {
        Map<String, String> units = new HashMap<>();
        // the samples' label sets in the order the samples first use them
        boolean[] seen = new boolean[p.labelStart.length - 1];
        for (int s = 0; s < p.sampleCount; s++) {
            int set = p.sampleLabels.get(s);
            if (seen[set]) {
                continue;
            }
            seen[set] = true;
            for (int i = p.labelStart[set]; i < p.labelStart[set + 1]; i++) {
                if (p.labelStr[i] != 0) {
                    continue;
                }
                String key = p.strings[p.labelKey[i]];
                String unit = p.strings[p.labelUnit[i]];
                if (!unit.isEmpty()) {
                    units.putIfAbsent(key, unit);
                } else {
                    units.putIfAbsent(key, "");
                }
            }
        }
        units.replaceAll((key, unit) -> !unit.isEmpty() ? unit
                : key.equals("alignment") || key.equals("request") ? "bytes" : key);
        return units;
    }
}
