package dev.leakscope.format.histogram;

import dev.leakscope.input.FileTimes;
import dev.leakscope.util.FileTime;
import dev.leakscope.input.InputSource;

/**
 * When a class histogram was taken: its text has no time, so the file name says it, else the file's
 * modification time ({@link FileTimes}). A series then orders by capture time, not by name.
 *
 * @param nanos the time in nanoseconds since the epoch, 0 when not known
 * @param how   where the time comes from, for the profile's comment
 */
record CaptureTime(long nanos, String how) {
    static CaptureTime of(InputSource source) {
        FileTime t = FileTimes.of(source);
        if (t.nanos() == 0) {
            return new CaptureTime(0, "not known (no date in the name, no file)");
        }
        return new CaptureTime(t.nanos(), t.source() == FileTime.Source.NAME ? "from the file name"
                : "from the file's modification time");
    }
}
