package dev.leakscope.input;

import dev.leakscope.util.InputException;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;

/**
 * Recognises compressed input by its magic bytes (never by file name) and decompresses it: gzip
 * (what pprof reads), zstd, xz and bzip2. Whatever the codec, the decompressed bytes are bounded
 * (by {@link Limits}), the decompression-bomb guard.
 */
public final class Decompression {
    private static final int BUFFER = 1 << 16;

    private Decompression() {
    }

    /** A compression format and its magic bytes. */
    enum Codec {
        GZIP("gzip", 0x1f, 0x8b),
        ZSTD("zstd", 0x28, 0xb5, 0x2f, 0xfd),
        XZ("xz", 0xfd, '7', 'z', 'X', 'Z', 0x00),
        BZIP2("bzip2", 'B', 'Z', 'h');

        final String label;
        private final int[] magic;

        Codec(String label, int... magic) {
            this.label = label;
            this.magic = magic;
        }

        boolean matches(byte[] head, int n) {
            if (n < magic.length) {
                return false;
            }
            for (int i = 0; i < magic.length; i++) {
                if ((head[i] & 0xff) != magic[i]) {
                    return false;
                }
            }
            return true;
        }

        InputStream open(InputStream in) throws IOException {
            return switch (this) {
                case GZIP -> new GZIPInputStream(in, BUFFER);
                case ZSTD -> new ZstdCompressorInputStream(in);
                case XZ -> new XZCompressorInputStream(in, true);
                case BZIP2 -> new BZip2CompressorInputStream(in, true);
            };
        }
    }

    /** The codec raw starts with, or null for plain content; raw must support mark/reset. */
    static Codec detect(BufferedInputStream raw) throws IOException {
        byte[] head = new byte[6];
        raw.mark(head.length);
        int n = raw.readNBytes(head, 0, head.length);
        raw.reset();
        for (Codec c : Codec.values()) {
            if (c.matches(head, n)) {
                return c;
            }
        }
        return null;
    }

    /**
     * The decompressed content of raw, at most maxBytes of it and at most maxRatio times the compressed
     * bytes past {@link Limits#RATIO_FLOOR}; plain content is passed through.
     */
    static InputStream open(String name, InputStream raw, long maxBytes, int maxRatio) {
        CountingInputStream counted = new CountingInputStream(raw);
        BufferedInputStream in = new BufferedInputStream(counted, BUFFER);
        Codec codec;
        try {
            codec = detect(in);
        } catch (IOException e) {
            throw new InputException(name + ": cannot read: " + e.getMessage(), e);
        }
        if (codec == null) {
            return new BoundedInputStream(in, maxBytes, name);
        }
        try {
            InputStream plain = new IoErrorsAsInputErrors(codec.open(in), name, codec.label);
            // Decompression runs on its own thread, a little ahead of the decoder, when a core is spare.
            return new BoundedInputStream(new ReadAheadInputStream(plain), maxBytes, name)
                    .withRatio(counted::count, maxRatio);
        } catch (IOException e) {
            throw failure(name, codec.label, e);
        }
    }

    /** Counts the bytes read, for a reader on another thread (the read-ahead decompresses on its own). */
    private static final class CountingInputStream extends FilterInputStream {
        private volatile long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }

    private static InputException failure(String name, String format, IOException e) {
        String what = e instanceof java.io.EOFException ? "truncated" : "corrupt";
        // xz's EOFException has no message: no "(null)"
        String detail = e.getMessage() == null || e.getMessage().isBlank() ? "" : " (" + e.getMessage() + ")";
        return new InputException(name + ": " + what + " " + format + " data" + detail, e);
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
