package dev.leakscope.profile;

import java.util.ArrayList;
import java.util.List;

/**
 * What was done to bring profiles with different sample types onto one set before they were
 * combined, so that a report can say it in one header line (nothing is silent).
 *
 * @param equated inputs whose legacy heap header says nothing was freed yet, so that their
 *                {@code objects, space} were read as both the alloc and the inuse types
 * @param dropped sample types some inputs had and others lacked, with the inputs lacking each
 * @param periods a note on differing sampling periods ("" when they agreed)
 */
public record Harmonization(List<String> equated, List<Dropped> dropped, String periods) {
    /** Nothing was harmonised: the inputs agreed. */
    public static final Harmonization NONE = new Harmonization(List.of(), List.of(), "");

    /** A sample type left out because the inputs named in {@code lacking} do not have it. */
    public record Dropped(ValueType type, List<String> lacking) {
        public Dropped {
            lacking = List.copyOf(lacking);
        }
    }

    public Harmonization {
        equated = List.copyOf(equated);
        dropped = List.copyOf(dropped);
    }

    public boolean isNone() {
        return equated.isEmpty() && dropped.isEmpty() && periods.isEmpty();
    }

    /** Both notes: this one (of an earlier step) and then later's. */
    public Harmonization plus(Harmonization later) {
        if (later.isNone()) {
            return this;
        }
        if (isNone()) {
            return later;
        }
        List<String> e = new ArrayList<>(equated);
        for (String name : later.equated) {
            if (!e.contains(name)) {
                e.add(name);
            }
        }
        List<Dropped> d = new ArrayList<>(dropped);
        d.addAll(later.dropped);
        String p = periods.isEmpty() ? later.periods : later.periods.isEmpty() ? periods : periods + "; " + later.periods;
        return new Harmonization(e, d, p);
    }

    /** The inputs that lack the sample type named typeName (by the name it was dropped under). */
    public List<String> lacking(String typeName) {
        for (Dropped d : dropped) {
            if (SampleTypeNames.same(d.type().type(), typeName)) {
                return d.lacking();
            }
        }
        return List.of();
    }

    /** The note as one line of text (without a label), names shortened to a few per list. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (!equated.isEmpty()) {
            parts.add(names(equated) + ": objects, space taken as alloc_* and inuse_* alike (the header says"
                    + " nothing was freed yet)");
        }
        for (int i = 0; i < dropped.size(); ) {
            // Types lacking in the same inputs share one clause.
            List<String> types = new ArrayList<>();
            int j = i;
            for (; j < dropped.size() && dropped.get(j).lacking().equals(dropped.get(i).lacking()); j++) {
                types.add(dropped.get(j).type().type());
            }
            parts.add("dropped " + String.join(", ", types) + " (not in " + names(dropped.get(i).lacking()) + ")");
            i = j;
        }
        if (!periods.isEmpty()) {
            parts.add(periods);
        }
        return String.join("; ", parts);
    }

    /** Up to three names, then how many more. */
    public static String names(List<String> all) {
        if (all.size() <= 3) {
            return String.join(", ", all);
        }
        return String.join(", ", all.subList(0, 3)) + " and " + (all.size() - 3) + " more";
    }
}
