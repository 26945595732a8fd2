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
                case GZIP -> new StrictGzip(in);
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

    /** Bytes after the last gzip member that do not start another one (go tool pprof: "gzip: invalid header"). */
    private static final class TrailingDataException extends IOException {
        private static final long serialVersionUID = 1L;

        TrailingDataException() {
            super("data after the end of the gzip stream");
        }
    }

    /**
     * gzip, member after member, with anything after the last member that is not another one an error,
     * as Go's gzip reader has it ("gzip: invalid header"). {@link GZIPInputStream} ignores such a tail,
     * and does not even look for a next member when fewer than 27 bytes are left in its buffer and the
     * input says none are available (a pipe), so a profile with garbage appended would read as whole and
     * a member could be dropped. Here each member is a GZIPInputStream; at its end, the bytes it did not
     * use start the next member or are the error. The checks run once per member, never per byte.
     */
    private static final class StrictGzip extends InputStream {
        private final InputStream raw;
        /** The byte {@link #read()} reads (a readNBytes of one byte each would allocate per byte). */
        private final byte[] one = new byte[1];
        private Prefixed source;
        private Member member;

        StrictGzip(InputStream raw) throws IOException {
            this.raw = raw;
            this.source = new Prefixed(new byte[0], raw);
            this.member = new Member(source);
        }

        @Override
        public int read() throws IOException {
            int n;
            do {
                n = read(one, 0, 1);
            } while (n == 0);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (true) {
                int n = member.read(b, off, len);
                if (n >= 0) {
                    return n;
                }
                byte[] rest = member.rest();
                if (rest.length == 0 && source.peek() < 0) {
                    return -1;
                }
                byte[] left = source.remaining();
                byte[] next = java.util.Arrays.copyOf(rest, rest.length + left.length);
                System.arraycopy(left, 0, next, rest.length, left.length);
                member.close(); // frees its inflater; the input stays open
                source = new Prefixed(next, raw);
                try {
                    member = new Member(source);
                } catch (IOException e) {
                    throw new TrailingDataException();
                }
            }
        }

        @Override
        public void close() throws IOException {
            try {
                member.close();
            } finally {
                raw.close();
            }
        }
    }

    /** One gzip member (or several, where GZIPInputStream goes on by itself), and what it left unused. */
    private static final class Member extends GZIPInputStream {
        /** Bytes read from the source in all, and when the inflater's buffer was last filled. */
        private final long[] read;
        private long atLastFill;

        Member(InputStream source) throws IOException {
            this(new long[1], source);
        }

        private Member(long[] read, InputStream source) throws IOException {
            super(counting(source, read), BUFFER);
            this.read = read;
        }

        private static InputStream counting(InputStream in, long[] read) {
            return new FilterInputStream(in) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) {
                        read[0]++;
                    }
                    return b;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = super.read(b, off, len);
                    if (n > 0) {
                        read[0] += n;
                    }
                    return n;
                }

                @Override
                public long skip(long n) throws IOException {
                    long skipped = super.skip(n);
                    read[0] += skipped;
                    return skipped;
                }
            };
        }

        @Override
        protected void fill() throws IOException {
            super.fill();
            atLastFill = read[0];
        }

        /**
         * At the end: the bytes read from the source but not used (after the last trailer, whose 8 bytes
         * the inflater's buffer may hold in part). Bytes read straight from the source past the trailer's
         * mean that GZIPInputStream tried them as a next member's header, and they were none.
         */
        byte[] rest() throws TrailingDataException {
            int unused = inf.getRemaining();
            if (read[0] - atLastFill > Math.max(0, 8 - unused)) {
                throw new TrailingDataException();
            }
            return unused > 8 ? java.util.Arrays.copyOfRange(buf, len - unused + 8, len) : new byte[0];
        }
    }

    /** Some bytes, then a stream (left open: its owner closes it). */
    private static final class Prefixed extends InputStream {
        private byte[] prefix;
        private int pos;
        private final InputStream raw;

        Prefixed(byte[] prefix, InputStream raw) {
            this.prefix = prefix;
            this.raw = raw;
        }

        @Override
        public int read() throws IOException {
            return pos < prefix.length ? prefix[pos++] & 0xff : raw.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (pos < prefix.length) {
                int n = Math.min(len, prefix.length - pos);
                System.arraycopy(prefix, pos, b, off, n);
                pos += n;
                return n;
            }
            return raw.read(b, off, len);
        }

        @Override
        public int available() throws IOException {
            return prefix.length - pos + raw.available();
        }

        /** The next byte, not consumed; -1 at the end. */
        int peek() throws IOException {
            if (pos < prefix.length) {
                return prefix[pos] & 0xff;
            }
            int c = raw.read();
            if (c >= 0) {
                prefix = new byte[] {(byte) c};
                pos = 0;
            }
            return c;
        }

        /** The prefix's bytes not read yet. */
        byte[] remaining() {
            return java.util.Arrays.copyOfRange(prefix, pos, prefix.length);
        }

        @Override
        public void close() {
            // the stream is its owner's to close
        }
    }

    private static InputException failure(String name, String format, IOException e) {
        if (e instanceof TrailingDataException) {
            return new InputException(name + ": " + e.getMessage()
                    + " (a gzip file with something appended, or cut and joined?)");
        }
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
