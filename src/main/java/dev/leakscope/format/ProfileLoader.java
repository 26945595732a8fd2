package dev.leakscope.format;

import dev.leakscope.input.InputSource;
import dev.leakscope.input.LimitException;
import dev.leakscope.input.Limits;
import dev.leakscope.profile.Profile;
import dev.leakscope.profile.ProfileBuilder;
import dev.leakscope.format.histogram.ClassHistogram;
import dev.leakscope.format.jfr.JfrRecording;
import dev.leakscope.format.legacy.LegacyParsers;
import dev.leakscope.util.InputException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads one input into a {@link Profile}, recognising the format by content: profile.proto (raw or
 * compressed) first, as pprof does; when protobuf decoding fails, the legacy text and binary formats
 * in pprof's order ({@link LegacyParsers}).
 */
public final class ProfileLoader {
    private ProfileLoader() {
    }

    /** How an input is read. */
    public enum Reading {
        /** Exactly what {@code go tool pprof} reads, as it reads it (for {@code leakscope pprof}). */
        PPROF,
        /** Also jemalloc heap profiles, and the symbol comments of Go debug=1 text profiles. */
        LEAKSCOPE
    }

    /** The profile in source, read the leakscope way. */
    public static Profile load(InputSource source, Limits limits) {
        return load(source, limits, Reading.LEAKSCOPE);
    }

    public static Profile load(InputSource source, Limits limits, Reading reading) {
        if (reading == Reading.LEAKSCOPE) {
            byte[] head = head(source, limits);
            if (JfrRecording.sniff(head)) {
                return JfrRecording.load(source, limits);
            }
            if (ClassHistogram.sniff(head)) {
                return ClassHistogram.load(source, limits);
            }
        }
        String protoError = null;
        PprofDecoder.Decoded decoded;
        // Errors of reading (limits, corrupt compression) name the input already.
        try (InputStream in = source.openProfile(limits)) {
            decoded = PprofDecoder.decode(in);
            if (decoded.builder().stringCount() == 0 && decoded.builder().sampleCount() == 0) {
                // No string table and no sample: whatever decoded, it is no profile.
                decoded = null;
                protoError = "no profile message";
            }
        } catch (PprofDecoder.WireException e) {
            if (e.afterProfileData()) {
                // a profile cut short or corrupt: an error even among the files of a directory
                throw new InputException(source.name() + ": a profile.proto message that cannot be read to its end: "
                        + e.getMessage(), e);
            }
            decoded = null;
            protoError = e.getMessage();
        } catch (IOException e) {
            throw new InputException(source.name() + ": cannot read: " + e.getMessage(), e);
        }
        if (decoded != null) {
            Profile p;
            try {
                p = decoded.build(limits);
            } catch (InputException e) {
                throw LimitException.named(source.name(), e);
            }
            if (p.typeCount() == 0) {
                // A string table and nothing else: no report can be made of it; say which file it is.
                throw new InputException(source.name() + ": profile has no samples (and no sample types)");
            }
            return p;
        }
        if (protoError.equals(PprofDecoder.CONCATENATED)) {
            // pprof does not try the legacy formats on this one.
            throw new InputException(source.name() + ": " + protoError);
        }
        byte[] head = head(source, limits);
        if (head.length == 0) {
            // Not a profile, as a note beside the snapshots is not one: in a directory or archive it is skipped
            // (a failed `curl -o` leaves such a file), given alone it is an error.
            throw new NotAProfileException(source.name() + ": empty input, not a profile"
                    + (source.name().endsWith(".jfr") ? " (the JVM writes a recording's file when the recording is"
                    + " dumped or stops: jcmd PID JFR.dump name=NAME filename=FILE writes one now)" : ""), null);
        }
        if (reading == Reading.LEAKSCOPE && ContentSniffer.mayBeLog(head)) {
            // A class histogram within other text (the JVM's standard output, a GC log): one streaming pass.
            Profile histogram = ClassHistogram.find(source, limits);
            if (histogram != null) {
                return histogram;
            }
        }
        String known = reading == Reading.LEAKSCOPE ? LegacyParsers.KNOWN_FORMATS + ", jemalloc heap_v2, Go goroutine"
                + " dumps (debug=2); JDK Flight Recorder recordings and JVM class histograms" : LegacyParsers.KNOWN_FORMATS;
        if (!ContentSniffer.mightBeLegacy(head)) {
            throw new NotAProfileException(source.name() + ": not a profile: " + ContentSniffer.describe(head)
                    + "; as profile.proto: " + protoError,
                    "leakscope reads pprof profile.proto, raw or compressed, and " + known);
        }
        byte[] data = readAll(source, limits);
        ProfileBuilder legacy;
        try {
            legacy = LegacyParsers.parse(data, reading == Reading.LEAKSCOPE);
            if (legacy != null) {
                return legacy.build();
            }
        } catch (InputException e) {
            throw LimitException.named(source.name(), e);
        }
        throw new NotAProfileException(source.name() + ": not a profile: " + ContentSniffer.describe(data),
                "leakscope reads pprof profile.proto, raw or compressed, and " + known);
    }

    /** An input in no format leakscope knows. */
    public static final class NotAProfileException extends InputException {
        private static final long serialVersionUID = 1L;
        private final String brief;

        /** @param expected what leakscope reads, said after brief (null: nothing) */
        NotAProfileException(String brief, String expected) {
            super(expected == null ? brief : brief + " (" + expected + ")");
            this.brief = brief;
        }

        /** The message without what was expected: for one of many files of a directory or archive. */
        public String brief() {
            return brief;
        }
    }

    /** The first bytes of the decompressed content, to tell what it is. */
    private static byte[] head(InputSource source, Limits limits) {
        try (InputStream in = source.openProfile(limits)) {
            return in.readNBytes(4096);
        } catch (IOException e) {
            throw new InputException(source.name() + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** The decompressed content, whole: the legacy formats are read from memory as pprof does. */
    private static byte[] readAll(InputSource source, Limits limits) {
        try (InputStream in = source.openProfile(limits)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new InputException(source.name() + ": cannot read: " + e.getMessage(), e);
        }
    }
}
