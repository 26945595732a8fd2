package dev.leakscope.profile.format;

import dev.leakscope.input.InputSource;
import dev.leakscope.input.Limits;
import dev.leakscope.profile.Profile;
import dev.leakscope.util.InputException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads one input into a {@link Profile}, recognising the format by content: profile.proto (raw or
 * compressed) first, as pprof does, then the legacy text and binary formats.
 */
public final class ProfileLoader {
    private ProfileLoader() {
    }

    public static Profile load(InputSource source, Limits limits) {
        String protoError = null;
        PprofDecoder.Decoded decoded;
        // Errors of reading (limits, corrupt compression) name the input already.
        try (InputStream in = source.open(limits)) {
            decoded = PprofDecoder.decode(in);
        } catch (PprofDecoder.WireException e) {
            decoded = null;
            protoError = e.getMessage();
        } catch (IOException e) {
            throw new InputException(source.name() + ": cannot read: " + e.getMessage(), e);
        }
        if (decoded != null) {
            try {
                return decoded.build(limits);
            } catch (InputException e) {
                throw new InputException(source.name() + ": " + e.getMessage(), e);
            }
        }
        byte[] head = head(source, limits);
        if (head.length == 0) {
            throw new InputException(source.name() + ": empty input, not a profile");
        }
        throw new InputException(source.name() + ": not a profile: " + ContentSniffer.describe(head)
                + " (protobuf decoding failed: " + protoError + ")");
    }

    /** The first bytes of the decompressed content, to tell the user what the input looks like. */
    private static byte[] head(InputSource source, Limits limits) {
        try (InputStream in = source.open(limits)) {
            return in.readNBytes(512);
        } catch (IOException e) {
            throw new InputException(source.name() + ": cannot read: " + e.getMessage(), e);
        }
    }
}
