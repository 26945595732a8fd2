package dev.leakscope.util;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order of a series of snapshots: by their timestamps (time_nanos) when every one has its own or
 * is another form of one that has (text snapshots, which have none, by the times of their files: see
 * {@link #times}), else by argument, and the members of one directory or archive by name in natural
 * order ({@code heap_2} before {@code heap_10}).
 */
public final class SnapshotOrder {
    private SnapshotOrder() {
    }

    /** Names compared with runs of digits taken as numbers, so that heap_2 sorts before heap_10. */
    public static final Comparator<String> NATURAL = SnapshotOrder::compareNatural;

    /** File name extensions that say only how a snapshot was saved, not which one it is. */
    private static final Set<String> FORMS = Set.of("gz", "zst", "xz", "bz2", "pb", "proto", "pprof", "prof",
            "txt", "text", "heap", "debug1", "debug2");

    /** Modification times closer than this are a copy's or an unpacked archive's, not capture times. */
    private static final long MIN_MODIFIED_GAP_NANOS = 1_000_000_000L;

    /** Where the times that order a series come from. */
    public enum Source {
        /** Every snapshot's own time_nanos. */
        OWN,
        /**
         * The snapshots' own time_nanos, a snapshot without one taking its twin's: the same snapshot
         * saved in another form that has one ({@code heap_0.txt} beside {@code heap_0.pb.gz}, see
         * {@link #stem}).
         */
        TWINS,
        /** Their files' times (none of the profiles has a time of its own). */
        FILES,
        /** None: the series goes by argument and name. */
        NONE;

        public boolean timed() {
            return this != NONE;
        }
    }

    /**
     * The times that order a series, and where they come from.
     *
     * @param times per snapshot, the time it is ordered by (its own time_nanos or 0 when source is NONE)
     */
    public record Timing(long[] times, Source source) {
    }

    /**
     * Whether times order the snapshots: every one is set (non-zero) and no two are equal, but for
     * the forms of one snapshot (different names with the same {@link #stem}), which may share theirs.
     */
    public static boolean byTime(long[] times, List<String> names) {
        Integer[] order = new Integer[times.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingLong(i -> times[i]));
        for (int i = 0; i < order.length; i++) {
            int a = order[i];
            if (times[a] == 0) {
                return false;
            }
            if (i > 0 && times[a] == times[order[i - 1]] && !twins(names.get(a), names.get(order[i - 1]))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The times that order a series: the profiles' own when they do ({@link #byTime}), with a profile
     * that has none taking its twin's (the same snapshot in another form) when that makes every one
     * timed; for a series whose profiles have no time at all (text formats), the times of their files
     * when those do (files' modification times only when at least a second apart); else none (the
     * series then goes by argument and name). Never a mix of a profile's time and a file's.
     *
     * @param own      per snapshot, its time_nanos or 0
     * @param file     per snapshot, the time its file name states, else its file's modification time, or 0
     * @param modified whether any of the file times is a modification time
     * @param names    per snapshot, its name
     */
    public static Timing times(long[] own, long[] file, boolean modified, List<String> names) {
        if (byTime(own, names)) {
            return new Timing(own, Source.OWN);
        }
        if (Arrays.stream(own).anyMatch(t -> t != 0)) {
            long[] twins = twinTimes(own, names);
            return byTime(twins, names) ? new Timing(twins, Source.TWINS) : new Timing(own, Source.NONE);
        }
        if (!byTime(file, names)) {
            return new Timing(own, Source.NONE);
        }
        long[] sorted = file.clone();
        Arrays.sort(sorted);
        for (int i = 1; modified && i < sorted.length; i++) {
            if (sorted[i] - sorted[i - 1] < MIN_MODIFIED_GAP_NANOS) {
                return new Timing(own, Source.NONE);
            }
        }
        return new Timing(file, Source.FILES);
    }

    /** The own times, each 0 replaced by the time of a snapshot of the same stem that has one (if any). */
    private static long[] twinTimes(long[] own, List<String> names) {
        Map<String, Long> byStem = new HashMap<>();
        for (int i = 0; i < own.length; i++) {
            if (own[i] != 0) {
                byStem.putIfAbsent(stem(names.get(i)), own[i]);
            }
        }
        long[] t = own.clone();
        for (int i = 0; i < t.length; i++) {
            if (t[i] == 0) {
                t[i] = byStem.getOrDefault(stem(names.get(i)), 0L);
            }
        }
        return t;
    }

    /**
     * The snapshots' indexes in series order: by timing's times when it has some (the forms of one
     * snapshot, which share a time, by name), else by argument, then by name in natural order.
     *
     * @param arguments per snapshot, the index of the command-line argument it came from
     * @param names     per snapshot, its name (members of one argument share its prefix)
     */
    public static int[] order(int[] arguments, List<String> names, Timing timing) {
        long[] times = timing.times();
        Integer[] order = new Integer[times.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Comparator<Integer> by = timing.source().timed()
                ? Comparator.<Integer>comparingLong(i -> times[i]).thenComparing(names::get, NATURAL)
                : Comparator.<Integer>comparingInt(i -> arguments[i]).thenComparing(names::get, NATURAL);
        Arrays.sort(order, by);
        return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }

    /**
     * Why own times do not order a series: how many have no time when some have one, that none has one,
     * or that some share one ("1 of 3 profiles has no timestamp").
     *
     * @param own  per snapshot, its time_nanos or 0
     * @param noun what the snapshots are called ("snapshot", "profile")
     */
    public static String untimed(long[] own, String noun) {
        long none = Arrays.stream(own).filter(t -> t == 0).count();
        if (none == 0) {
            return "some " + noun + "s share a timestamp";
        }
        if (none == own.length) {
            return "no " + noun + " has a timestamp of its own";
        }
        return none + " of " + own.length + " " + noun + "s " + (none == 1 ? "has" : "have") + " no timestamp";
    }

    /** Whether two names are two forms of one snapshot: the same stem, not the same name. */
    private static boolean twins(String a, String b) {
        return !a.equals(b) && stem(a).equals(stem(b));
    }

    /** The name without the extensions that say how it was saved: {@code dir/heap_0.debug1.txt} is {@code dir/heap_0}. */
    public static String stem(String name) {
        String s = name;
        int dot = s.lastIndexOf('.');
        while (dot > Math.max(s.lastIndexOf('/'), s.lastIndexOf(':')) + 1 && FORMS.contains(s.substring(dot + 1))) {
            s = s.substring(0, dot);
            dot = s.lastIndexOf('.');
        }
        return s;
    }

    private static int compareNatural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (isDigit(ca) && isDigit(cb)) {
                int ei = digitsEnd(a, i);
                int ej = digitsEnd(b, j);
                int c = compareNumbers(a, i, ei, b, j, ej);
                if (c != 0) {
                    return c;
                }
                i = ei;
                j = ej;
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        int c = Integer.compare(a.length() - i, b.length() - j);
        return c != 0 ? c : a.compareTo(b);
    }

    /** Compares two runs of digits by value, however long (leading zeros aside). */
    private static int compareNumbers(String a, int i, int ei, String b, int j, int ej) {
        while (i < ei - 1 && a.charAt(i) == '0') {
            i++;
        }
        while (j < ej - 1 && b.charAt(j) == '0') {
            j++;
        }
        int c = Integer.compare(ei - i, ej - j);
        if (c != 0) {
            return c;
        }
        for (; i < ei; i++, j++) {
            if (a.charAt(i) != b.charAt(j)) {
                return Character.compare(a.charAt(i), b.charAt(j));
            }
        }
        return 0;
    }

    private static int digitsEnd(String s, int i) {
        while (i < s.length() && isDigit(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
