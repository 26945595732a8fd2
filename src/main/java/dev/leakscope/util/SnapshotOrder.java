package dev.leakscope.util;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The order of a series of snapshots: by their timestamps (time_nanos) when every one has its own
 * (text snapshots, which have none, by the times of their files: see {@link #times}), else by argument, and the members of one directory or archive by name in natural order
 * ({@code heap_2} before {@code heap_10}).
 */
public final class SnapshotOrder {
    private SnapshotOrder() {
    }

    /** Names compared with runs of digits taken as numbers, so that heap_2 sorts before heap_10. */
    public static final Comparator<String> NATURAL = SnapshotOrder::compareNatural;

    /** Whether times order the snapshots: every one is set (non-zero) and no two are equal. */
    public static boolean byTime(long[] times) {
        long[] t = times.clone();
        Arrays.sort(t);
        for (int i = 0; i < t.length; i++) {
            if (t[i] == 0 || (i > 0 && t[i] == t[i - 1])) {
                return false;
            }
        }
        return true;
    }

    /** Modification times closer than this are a copy's or an unpacked archive's, not capture times. */
    private static final long MIN_MODIFIED_GAP_NANOS = 1_000_000_000L;

    /**
     * The times that order a series: the profiles' own when they do ({@link #byTime}); for a series
     * whose profiles have no time at all (text formats), the times of their files when those do (files'
     * modification times only when at least a second apart); else the profiles' own (the series then
     * goes by argument and name).
     *
     * @param own      per snapshot, its time_nanos or 0
     * @param file     per snapshot, the time its file name states, else its file's modification time, or 0
     * @param modified whether any of the file times is a modification time
     */
    public static long[] times(long[] own, long[] file, boolean modified) {
        if (byTime(own) || Arrays.stream(own).anyMatch(t -> t != 0) || !byTime(file)) {
            return own;
        }
        long[] sorted = file.clone();
        Arrays.sort(sorted);
        for (int i = 1; modified && i < sorted.length; i++) {
            if (sorted[i] - sorted[i - 1] < MIN_MODIFIED_GAP_NANOS) {
                return own;
            }
        }
        return file;
    }

    /**
     * The snapshots' indexes in series order.
     *
     * @param arguments per snapshot, the index of the command-line argument it came from
     * @param names     per snapshot, its name (members of one argument share its prefix)
     * @param times     per snapshot, its time_nanos or 0
     */
    public static int[] order(int[] arguments, List<String> names, long[] times) {
        Integer[] order = new Integer[times.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Comparator<Integer> by = byTime(times)
                ? Comparator.comparingLong(i -> times[i])
                : Comparator.<Integer>comparingInt(i -> arguments[i]).thenComparing(names::get, NATURAL);
        Arrays.sort(order, by);
        return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
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
