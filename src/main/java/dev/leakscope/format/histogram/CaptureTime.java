package dev.leakscope.format.histogram;

import dev.leakscope.input.InputSource;
import java.io.IOException;
import java.nio.file.Files;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a class histogram was taken: its text has no time, so the file name says it (a date and time,
 * as {@code date +%Y%m%dT%H%M%S} writes it, or seconds since the epoch, as {@code date +%s}), else the
 * file's modification time. A series then orders by capture time, not by name.
 *
 * @param nanos the time in nanoseconds since the epoch, 0 when not known
 * @param how   where the time comes from, for the profile's comment
 */
record CaptureTime(long nanos, String how) {
    private static final Pattern DATE_TIME = Pattern.compile("(?<!\\d)(\\d{4})-?(\\d{2})-?(\\d{2})[T_ .-]?"
            + "(\\d{2})[:.-]?(\\d{2})[:.-]?(\\d{2})(?:[.,](\\d{1,9}))?(Z|[+-]\\d{2}:?\\d{2})?(?!\\d)");
    /** Seconds (10 digits) or milliseconds (13 digits) since the epoch: 2001 to 2286. */
    private static final Pattern EPOCH = Pattern.compile("(?<!\\d)([1-9]\\d{9})(\\d{3})?(?!\\d)");

    static CaptureTime of(InputSource source) {
        String name = source.name();
        String file = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        long t = fromName(file);
        if (t != 0) {
            return new CaptureTime(t, "from the file name");
        }
        if (source.path() != null && Files.isRegularFile(source.path())) {
            try {
                java.time.Instant m = Files.getLastModifiedTime(source.path()).toInstant();
                return new CaptureTime(m.getEpochSecond() * 1_000_000_000L + m.getNano(),
                        "from the file's modification time");
            } catch (IOException e) {
                // no time then: the series orders by name
            }
        }
        return new CaptureTime(0, "not known (no date in the name, no file)");
    }

    /** The time a file name states, in nanoseconds (a date without zone read as UTC), or 0. */
    static long fromName(String file) {
        Matcher m = DATE_TIME.matcher(file);
        while (m.find()) {
            try {
                String fraction = m.group(7) == null ? "" : m.group(7);
                int nano = fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "00000000").substring(0, 9));
                LocalDateTime local = LocalDateTime.of(num(m, 1), num(m, 2), num(m, 3), num(m, 4), num(m, 5),
                        num(m, 6), nano);
                ZoneOffset zone = m.group(8) == null || m.group(8).equals("Z") ? ZoneOffset.UTC
                        : ZoneOffset.of(m.group(8).length() == 5 ? m.group(8).substring(0, 3) + ":"
                                + m.group(8).substring(3) : m.group(8));
                java.time.Instant i = local.toInstant(zone);
                return i.getEpochSecond() * 1_000_000_000L + i.getNano();
            } catch (DateTimeException e) {
                // digits that are no date (a build number, a PID): look on
            }
        }
        m = EPOCH.matcher(file);
        if (m.find()) {
            long nanos = Long.parseLong(m.group(1)) * 1_000_000_000L;
            return m.group(2) == null ? nanos : nanos + Long.parseLong(m.group(2)) * 1_000_000L;
        }
        return 0;
    }

    private static int num(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }
}
