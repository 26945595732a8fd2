package dev.leakscope.format.histogram;

import dev.leakscope.input.FileTimes;
import dev.leakscope.profile.TimeSource;
import dev.leakscope.util.FileTime;
import dev.leakscope.input.InputSource;

/**
 * When a class histogram was taken: its text gives it in a GC log, else the file name says it, else
 * the thread dump the text may hold before it (the JVM's local time, without zone), else the file's
 * modification time ({@link FileTimes}). A series then orders by capture time, not by name.
 *
 * @param nanos the time in nanoseconds since the epoch, 0 when not known
 * @param how   where the time comes from, for the profile's comment
 */
record CaptureTime(long nanos, String how) {
    /**
     * The time the text gives, if it names its zone (a GC log's); else the one in the file name; else
     * the text's local time (a thread dump's, read as UTC), said as textHow; else the modification time.
     */
    static CaptureTime of(InputSource source, long textNanos, boolean zoned, String textHow) {
        if (textNanos != 0 && zoned) {
            return new CaptureTime(textNanos, textHow);
        }
        CaptureTime file = of(source);
        if (textNanos != 0 && !file.how().equals(TimeSource.FILE_NAME)) {
            return new CaptureTime(textNanos, textHow);
        }
        return file;
    }

    static CaptureTime of(InputSource source) {
        FileTime t = FileTimes.of(source);
        if (t.nanos() == 0) {
            return new CaptureTime(0, "not known (no date in the name, no file)");
        }
        return new CaptureTime(t.nanos(), t.source() == FileTime.Source.NAME ? TimeSource.FILE_NAME
                : TimeSource.FILE_MODIFIED);
    }
}
