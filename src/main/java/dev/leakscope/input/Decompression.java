package dev.leakscope.input;

import dev.leakscope.util.InputException;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** Recognises compressed input by its magic bytes (never by file name) and decompresses it. */
public final class Decompression {
    private static final int BUFFER = 1 << 16;

    private Decompression() {
    }

    /** The decompressed content of raw, bounded by limits; plain content is passed through. */
    static InputStream open(String name, InputStream raw, Limits limits) {
        BufferedInputStream in = new BufferedInputStream(raw, BUFFER);
        int b0;
        int b1;
        try {
            in.mark(4);
            b0 = in.read();
            b1 = in.read();
            in.reset();
        } catch (IOException e) {
            throw new InputException(name + ": cannot read: " + e.getMessage(), e);
        }
        if (b0 == 0x1f && b1 == 0x8b) {
            try {
                InputStream gz = new IoErrorsAsInputErrors(new GZIPInputStream(in, BUFFER), name, "gzip");
                return new BoundedInputStream(new BufferedInputStream(gz, BUFFER), limits.maxBytes(), name);
            } catch (IOException e) {
                throw failure(name, "gzip", e);
            }
        }
        return new BoundedInputStream(in, limits.maxBytes(), name);
    }

    private static InputException failure(String name, String format, IOException e) {
        String what = e instanceof java.io.EOFException ? "truncated" : "corrupt";
        return new InputException(name + ": " + what + " " + format + " data (" + e.getMessage() + ")", e);
    }

    /**
     * Turns the I/O errors of a decompressor (truncated or corrupt data) into {@link InputException}s,
     * so that they pass unchanged through decoders that catch {@link IOException}.
     */
    private static final class IoErrorsAsInputErrors extends FilterInputStream {
        private final String name;
        private final String format;

        IoErrorsAsInputErrors(InputStream in, String name, String format) {
            super(in);
            this.name = name;
            this.format = format;
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                throw fail(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                throw fail(e);
            }
        }

        private InputException fail(IOException e) {
            return failure(name, format, e);
        }
    }
}
