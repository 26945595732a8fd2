package dev.leakscope.util;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Byte sizes as users write them: {@code 512}, {@code 64kB}, {@code 50MB}, {@code 1.5GiB}. As in
 * pprof's output, {@code kB}, {@code MB} and {@code GB} are powers of 1024, like KiB, MiB and GiB.
 */
public final class Sizes {
    private static final Pattern SIZE = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*([a-zA-Z]*)");

    private Sizes() {
    }

    public static long parse(String text) {
        Matcher m = SIZE.matcher(text.strip());
        if (!m.matches()) {
            throw new UsageException("invalid size '" + text + "' (expected e.g. 512, 64kB, 50MB, 2GiB)");
        }
        double n = Double.parseDouble(m.group(1));
        long factor = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "", "b" -> 1L;
            case "k", "kb", "kib" -> 1L << 10;
            case "m", "mb", "mib" -> 1L << 20;
            case "g", "gb", "gib" -> 1L << 30;
            case "t", "tb", "tib" -> 1L << 40;
            default -> throw new UsageException("invalid size unit in '" + text + "' (use B, kB, MB, GB, TB)");
        };
        double bytes = n * factor;
        if (bytes > Long.MAX_VALUE) {
            throw new UsageException("size '" + text + "' is too large");
        }
        return (long) bytes;
    }
}
