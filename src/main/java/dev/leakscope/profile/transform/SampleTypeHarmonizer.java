package dev.leakscope.profile.transform;

import dev.leakscope.profile.Harmonization;
import dev.leakscope.profile.Profile;
import dev.leakscope.profile.SampleValues;
import dev.leakscope.profile.ProfileBuilder;
import dev.leakscope.profile.SampleTypeNames;
import dev.leakscope.profile.Units;
import dev.leakscope.profile.ValueType;
import dev.leakscope.util.InputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Brings profiles whose sample types differ in form, not in meaning, onto one common set before they
 * are merged or compared (pprof refuses them: google/pprof#147). A legacy heap text taken before
 * anything was freed has only {@code objects, space}, which then stand for the alloc and the inuse
 * types alike ({@link Profile#nothingFreed}); otherwise the types are intersected by name (a leading
 * {@code inuse_} and a trailing {@code s} ignored) and unit family. Sampled values are already
 * un-sampled by their readers, so differing periods only merge to the largest (pprof's Merge). Units
 * are left to {@link Compatibility}.
 */
public final class SampleTypeHarmonizer {
    private SampleTypeHarmonizer() {
    }

    /** The profiles on common sample types, and what was done to them. */
    public record Result(List<Profile> profiles, Harmonization harmonization) {
    }

    private static final List<ValueType> TWO = List.of(new ValueType("objects", "count"),
            new ValueType("space", "bytes"));
    private static final List<ValueType> EXPANDED = List.of(new ValueType("alloc_objects", "count"),
            new ValueType("alloc_space", "bytes"), new ValueType("inuse_objects", "count"),
            new ValueType("inuse_space", "bytes"));

    /** The sample types of one profile, and whether they stand for more ({@link Profile#nothingFreed}). */
    public record Shape(List<ValueType> types, boolean nothingFreed) {
        public Shape {
            types = List.copyOf(types);
        }

        public static Shape of(Profile p) {
            return new Shape(p.sampleTypes(), p.nothingFreed);
        }

        /** Whether its {@code objects, space} stand for the four heap types. */
        boolean expands() {
            return nothingFreed && types.equals(TWO);
        }

        /** The sample types it stands for. */
        public List<ValueType> view() {
            return expands() ? EXPANDED : types;
        }

        /**
         * Its column that holds the measurement named wanted (in a unit of the family of unit, any unit
         * when null), or -1: the same name (a leading {@code inuse_} and a trailing {@code s} ignored);
         * when it expands, its {@code objects} or {@code space} for the alloc types too.
         */
        public int column(String wanted, String unit) {
            int i = find(wanted, unit);
            return i < 0 || !expands() ? i : i % 2;
        }

        /** The sample type it stands for that {@link #column} finds, or null. */
        public ValueType named(String wanted, String unit) {
            int i = find(wanted, unit);
            return i < 0 ? null : view().get(i);
        }

        private int find(String wanted, String unit) {
            List<ValueType> v = view();
            for (int i = 0; i < v.size(); i++) {
                ValueType t = v.get(i);
                if (SampleTypeNames.same(t.type(), wanted) && (unit == null || Units.compatible(t.unit(), unit))) {
                    return i;
                }
            }
            return -1;
        }

        /** The measurement its column i stands for: for a two-type heap text before any free, the inuse one. */
        public ValueType meaning(int i) {
            return expands() ? EXPANDED.get(2 + i) : types.get(i);
        }
    }

    /** Which sample types the shapes have in common, with the column of each in every shape. */
    private record Plan(List<ValueType> common, List<int[]> columns, Harmonization note) {
    }

    /**
     * The profiles unchanged when their sample types already pair up (same count, pairwise the same
     * name and unit family), else projected onto the types all of them have.
     *
     * @param names the inputs' names, for the note and the error
     * @throws InputException naming the inputs when they have no sample type in common
     */
    public static Result harmonize(List<Profile> profiles, List<String> names) {
        if (agree(profiles)) {
            return new Result(profiles, Harmonization.NONE);
        }
        List<Shape> shapes = new ArrayList<>();
        for (Profile p : profiles) {
            shapes.add(Shape.of(p));
        }
        Plan plan = plan(shapes, names);
        boolean samePeriodType = samePeriodTypes(profiles);
        List<Profile> out = new ArrayList<>(profiles.size());
        for (int i = 0; i < profiles.size(); i++) {
            int[] pick = new int[plan.common().size()];
            for (int t = 0; t < pick.length; t++) {
                pick[t] = plan.columns().get(t)[i];
            }
            out.add(project(profiles.get(i), plan.common(), pick, samePeriodType));
        }
        Harmonization note = plan.note();
        return new Result(out, new Harmonization(note.equated(), note.dropped(),
                periods(profiles, names, samePeriodType)));
    }

    /**
     * What harmonising profiles of these shapes does: none when they are all alike, else which were
     * read as both alloc and inuse and which types are not common to all.
     *
     * @throws InputException naming the inputs when they have no sample type in common
     */
    public static Harmonization describe(List<Shape> shapes, List<String> names) {
        for (Shape s : shapes) {
            if (!s.types().equals(shapes.get(0).types())) {
                return plan(shapes, names).note();
            }
        }
        return Harmonization.NONE;
    }

    /** The sample types profiles of these shapes have in common, named as the richest of them names them. */
    public static List<ValueType> common(List<Shape> shapes, List<String> names) {
        return plan(shapes, names).common();
    }

    private static Plan plan(List<Shape> shapes, List<String> names) {
        int reference = 0;
        for (int i = 1; i < shapes.size(); i++) {
            if (shapes.get(i).view().size() > shapes.get(reference).view().size()) {
                reference = i;
            }
        }
        List<ValueType> common = new ArrayList<>();
        List<int[]> columns = new ArrayList<>();
        List<Harmonization.Dropped> dropped = new ArrayList<>();
        for (ValueType t : shapes.get(reference).view()) {
            int[] col = new int[shapes.size()];
            List<String> lacking = new ArrayList<>();
            for (int i = 0; i < shapes.size(); i++) {
                col[i] = shapes.get(i).column(t.type(), t.unit());
                if (col[i] < 0) {
                    lacking.add(names.get(i));
                }
            }
            if (lacking.isEmpty()) {
                common.add(t);
                columns.add(col);
            } else {
                dropped.add(new Harmonization.Dropped(t, lacking));
            }
        }
        if (common.isEmpty()) {
            throw new InputException("no sample type is common to all inputs: " + byTypes(shapes, names));
        }
        List<String> equated = new ArrayList<>();
        for (int i = 0; i < shapes.size(); i++) {
            if (shapes.get(i).expands()) {
                equated.add(names.get(i));
            }
        }
        return new Plan(common, columns, new Harmonization(equated, dropped, ""));
    }

    /** "a has [..], b and c have [..]": the inputs grouped by their sample types, in order of first appearance. */
    private static String byTypes(List<Shape> shapes, List<String> names) {
        Map<List<ValueType>, List<String>> groups = new LinkedHashMap<>();
        for (int i = 0; i < shapes.size(); i++) {
            groups.computeIfAbsent(shapes.get(i).types(), k -> new ArrayList<>()).add(names.get(i));
        }
        List<String> each = new ArrayList<>();
        groups.forEach((types, members) -> each.add(Harmonization.names(members)
                + (members.size() == 1 ? " has " : " have ") + types));
        return String.join(", ", each);
    }

    /** Whether the profiles are fine for {@link Compatibility} as they are. */
    private static boolean agree(List<Profile> profiles) {
        List<ValueType> first = profiles.get(0).sampleTypes();
        for (Profile p : profiles) {
            List<ValueType> mine = p.sampleTypes();
            if (mine.size() != first.size()) {
                return false;
            }
            for (int t = 0; t < mine.size(); t++) {
                if (!Compatibility.compatible(mine.get(t), first.get(t))) {
                    return false;
                }
            }
        }
        return samePeriodTypes(profiles);
    }

    private static boolean samePeriodTypes(List<Profile> profiles) {
        ValueType first = profiles.get(0).periodType();
        for (Profile p : profiles) {
            ValueType v = p.periodType();
            if (first == null ? v != null : v == null || !Compatibility.compatible(first, v)) {
                return false;
            }
        }
        return true;
    }

    /** A note when periods differ: that values are estimates on one scale, or that periods were dropped. */
    private static String periods(List<Profile> profiles, List<String> names, boolean samePeriodType) {
        if (!samePeriodType) {
            List<String> each = new ArrayList<>();
            for (int i = 0; i < profiles.size(); i++) {
                ValueType v = profiles.get(i).periodType();
                each.add(names.get(i) + " " + (v == null || v.type().isEmpty() ? "none" : v.type() + "/" + v.unit()));
            }
            return "period types differ (" + String.join(", ", each) + "): periods dropped";
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (Profile p : profiles) {
            min = Math.min(min, p.period());
            max = Math.max(max, p.period());
        }
        if (min == max) {
            return "";
        }
        return "sampling periods differ (" + min + " to " + max + "): values are un-sampled estimates, the"
                + " combined period is the largest";
    }

    /** p with only the picked columns, under the common types' names (in p's own units). */
    private static Profile project(Profile p, List<ValueType> common, int[] pick, boolean keepPeriod) {
        int from = p.typeCount();
        int to = pick.length;
        long[] values = new long[p.sampleCount() * to];
        for (int s = 0; s < p.sampleCount(); s++) {
            for (int t = 0; t < to; t++) {
                values[s * to + t] = p.values.get(s * from + pick[t]);
            }
        }
        ValueType[] types = new ValueType[to];
        String defaultType = "";
        for (int t = 0; t < to; t++) {
            types[t] = new ValueType(common.get(t).type(), p.sampleType(pick[t]).unit());
            if (!p.defaultSampleType().isEmpty() && p.defaultSampleType().equals(p.sampleType(pick[t]).type())) {
                defaultType = common.get(t).type();
            }
        }
        ProfileBuilder.Parts parts = p.parts();
        parts.sampleTypes = types;
        parts.values = SampleValues.of(values);
        parts.defaultSampleType = defaultType;
        parts.nothingFreed = false;
        if (!keepPeriod) {
            parts.periodType = new ValueType("", "");
            parts.period = 0;
        }
        return new Profile(parts);
    }
}
