package dev.leakscope.util;

/** A count with its noun in the number the count takes: {@code 1 node}, {@code 2 nodes}, {@code 0 nodes}. */
public final class Plural {
    private Plural() {
    }

    /** The count and noun, with an "s" added unless count is 1. */
    public static String of(long count, String noun) {
        return of(count, noun, noun + "s");
    }

    /** The count and singular when count is 1, else the count and plural ({@code entry}, {@code entries}). */
    public static String of(long count, String singular, String plural) {
        return count + " " + (count == 1 ? singular : plural);
    }

    /** The noun alone, in the number count takes ("of 1 node", "of 3 nodes" after a count printed elsewhere). */
    public static String noun(long count, String noun) {
        return count == 1 ? noun : noun + "s";
    }
}
