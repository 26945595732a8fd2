package dev.leakscope.report;

/** A row's values as one character each, scaled between the row's own minimum and maximum. */
public final class Sparkline {
    private static final String BLOCKS = "▁▂▃▄▅▆▇█";
    private static final String ASCII = "_.-~=+*#";

    private Sparkline() {
    }

    public static String of(long[] values, boolean ascii) {
        String levels = ascii ? ASCII : BLOCKS;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (long v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        StringBuilder b = new StringBuilder(values.length);
        int top = levels.length() - 1;
        for (long v : values) {
            int level = max == min ? 0 : (int) Math.round((double) (v - min) / ((double) max - min) * top);
            b.append(levels.charAt(level));
        }
        return b.toString();
    }
}
