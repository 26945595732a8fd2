package dev.leakscope;

import dev.leakscope.proto.ProfileProto;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Copies of a series of gzipped proto profiles whose times are 1024 times as far apart: the demo series
 * span seconds, too short for a rate per hour, and so slowed down span minutes. Every slope per hour is
 * then 1/1024 of the fast series' (+381.05GB/h reads +381.05MB/h), and the rows rank alike.
 */
public final class SlowSeries {
    /** How many times as far apart the copies' times are. */
    public static final int FACTOR = 1024;

    private SlowSeries() {
    }

    /** The profiles copied into dir under their own file names, in the order given; returns the copies' paths. */
    public static String[] copy(Path dir, Path... profiles) {
        String[] out = new String[profiles.length];
        try {
            long first = 0;
            for (int i = 0; i < profiles.length; i++) {
                ProfileProto.Profile p;
                try (InputStream in = new GZIPInputStream(Files.newInputStream(profiles[i]))) {
                    p = ProfileProto.Profile.parseFrom(in);
                }
                if (i == 0) {
                    first = p.getTimeNanos();
                }
                Path copy = dir.resolve(profiles[i].getFileName());
                try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(copy))) {
                    p.toBuilder().setTimeNanos(first + (p.getTimeNanos() - first) * FACTOR).build().writeTo(o);
                }
                out[i] = copy.toString();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
