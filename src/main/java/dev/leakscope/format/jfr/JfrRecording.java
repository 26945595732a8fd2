package dev.leakscope.format.jfr;

import dev.leakscope.input.InputSource;
import dev.leakscope.input.LimitException;
import dev.leakscope.input.Limits;
import dev.leakscope.profile.Profile;
import dev.leakscope.util.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * JDK Flight Recorder recordings ({@code jcmd PID JFR.dump}, async-profiler's {@code jfr} output) as
 * heap profiles. The JDK's parser reads only files, so a compressed recording, standard input or an
 * archive member is first written, decompressed, to a temporary file (deleted afterwards).
 */
public final class JfrRecording {
    private static final byte[] MAGIC = {'F', 'L', 'R', 0};

    private JfrRecording() {
    }

    /** Whether decompressed content starting with head is a Flight Recorder file. */
    public static boolean sniff(byte[] head) {
        if (head.length < MAGIC.length) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (head[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /** The recording in source as a profile; a recording the JDK cannot read is an input error naming it. */
    public static Profile load(InputSource source, Limits limits) {
        Path direct = plainFile(source, limits);
        Path temp = null;
        try {
            Path file = direct;
            if (file == null) {
                temp = Files.createTempFile("leakscope-", ".jfr");
                try (InputStream in = source.openProfile(limits); OutputStream out = Files.newOutputStream(temp)) {
                    in.transferTo(out);
                }
                file = temp;
            }
            JfrDecoder decoder = new JfrDecoder(limits.maxStackDepth());
            var builder = decoder.decode(file);
            if (!decoder.hasHeapEvents()) {
                throw new InputException(source.name() + ": the Flight Recorder recording has no heap events"
                        + " (record jdk.OldObjectSample, e.g. -XX:StartFlightRecording:settings=profile,"
                        + " or jdk.ObjectAllocationSample)");
            }
            return builder.build();
        } catch (InputException e) {
            throw e.getMessage().startsWith(source.name() + ":") ? e
                    : LimitException.named(source.name(), e);
        } catch (IOException | RuntimeException e) {
            // The JDK's parser reports a truncated or corrupt file with whatever exception it hits: its own
            // words (an IOException's) are shown, an index out of bounds in its code is not (--debug shows it)
            String why = e instanceof IOException && e.getMessage() != null ? e.getMessage() : null;
            if (why != null && temp != null) {
                why = why.replace(temp.toString(), source.name());
            }
            throw new InputException(source.name() + ": corrupt or truncated Flight Recorder recording"
                    + (why == null ? "" : " (" + why.replaceAll("\\s+", " ").strip() + ")"), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a temporary file left behind is no reason to fail
                }
            }
        }
    }

    /** The file itself when it is a regular, uncompressed recording within the byte limit; else null. */
    private static Path plainFile(InputSource source, Limits limits) {
        Path p = source.path();
        if (p == null || !Files.isRegularFile(p)) {
            return null;
        }
        try (InputStream in = source.openRaw()) {
            if (!sniff(in.readNBytes(MAGIC.length))) {
                return null;
            }
            long size = Files.size(p);
            if (size > limits.maxBytes()) {
                throw new LimitException(source.name() + ": " + size + " bytes, more than the limit of "
                        + limits.maxBytes() + " (raise it with --max-bytes)");
            }
            return p;
        } catch (IOException e) {
            throw new InputException(source.name() + ": cannot read: " + e.getMessage(), e);
        }
    }
}
