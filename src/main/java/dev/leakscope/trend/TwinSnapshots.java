package dev.leakscope.trend;

import dev.leakscope.util.SnapshotOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Snapshots of a series that look like one moment saved in two forms: Go's {@code heap_0.pb.gz} beside
 * {@code heap_0.txt} (debug=1), as a directory of both holds them ({@link SnapshotOrder#stem}). The series
 * would count each moment twice (the text forms, which have no timestamps, take their twins' place in
 * time order).
 */
public final class TwinSnapshots {
    private TwinSnapshots() {
    }

    /**
     * A one-line warning naming the first pair of twins and how many more there are, if any.
     *
     * @param reader what counts the snapshots, as the warning names it: "the series", "the diff"
     */
    public static Optional<String> warning(List<String> names, String reader) {
        Map<String, String> byStem = new LinkedHashMap<>();
        List<String[]> twins = new ArrayList<>();
        for (String name : names) {
            String other = byStem.putIfAbsent(SnapshotOrder.stem(name), name);
            if (other != null && !other.equals(name)) {
                twins.add(new String[] {other, name});
            }
        }
        if (twins.isEmpty()) {
            return Optional.empty();
        }
        String[] first = twins.get(0);
        int more = twins.size() - 1;
        String others = more == 0 ? "" : " (and " + more + " more such pair" + (more == 1 ? ")" : "s)");
        return Optional.of("warning: " + first[0] + " and " + first[1] + others + " look like one snapshot saved in"
                + " two forms, which " + reader + " counts as two; give one form only (e.g. *" + forms(first[0]) + ")");
    }

    private static String forms(String name) {
        return name.substring(SnapshotOrder.stem(name).length());
    }
}
