package dev.leakscope.input;

import dev.leakscope.util.FileTime;
import java.io.IOException;
import java.nio.file.Files;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a file was captured, for a profile that does not say: the date and time its name states (as
 * {@code date +%Y%m%dT%H%M%S} writes it, or seconds since the epoch, as {@code date +%s}), else the
 * file's modification time.
 */
public final class FileTimes {
    private static final Pattern DATE_TIME = Pattern.compile("(?<!\\d)(\\d{4})-?(\\d{2})-?(\\d{2})[T_ .-]?"
            + "(\\d{2})[:.-]?(\\d{2})[:.-]?(\\d{2})(?:[.,](\\d{1,9}))?(Z|[+-]\\d{2}:?\\d{2})?(?!\\d)");
    /** Seconds (10 digits) or milliseconds (13 digits) since the epoch: 2001 to 2286. */
    private static final Pattern EPOCH = Pattern.compile("(?<!\\d)([1-9]\\d{9})(\\d{3})?(?!\\d)");

    /** The source's time: from its file name, else its file's modification time, else none. */
    private FileTimes() {
    }

    public static FileTime of(InputSource source) {
        String name = source.name();
        long t = fromName(name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1));
        if (t != 0) {
            return new FileTime(t, FileTime.Source.NAME);
        }
        if (source.path() != null && Files.isRegularFile(source.path())) {
            try {
                Instant m = Files.getLastModifiedTime(source.path()).toInstant();
                return new FileTime(m.getEpochSecond() * 1_000_000_000L + m.getNano(), FileTime.Source.MODIFIED);
            } catch (IOException e) {
                // no time then
            }
        }
        return FileTime.NONE;
    }

    /** The time a file name states, in nanoseconds (a date without zone read as UTC), or 0. */
    public static long fromName(String file) {
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
                Instant i = local.toInstant(zone);
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
