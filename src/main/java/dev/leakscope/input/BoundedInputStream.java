package dev.leakscope.input;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongSupplier;

/**
 * Fails with a clear message once more than a set number of bytes has been read, or, with a ratio
 * guard, once past {@link Limits#RATIO_FLOOR} bytes that are more than maxRatio times the compressed
 * bytes they came from.
 */
final class BoundedInputStream extends FilterInputStream {
    private final long max;
    private final String name;
    private long count;
    private LongSupplier compressed;
    private int maxRatio;

    BoundedInputStream(InputStream in, long max, String name) {
        this(in, max, name, 0);
    }

    /** A stream that continues a count: the bytes already read from the same input, elsewhere. */
    BoundedInputStream(InputStream in, long max, String name, long alreadyRead) {
        super(in);
        this.max = max;
        this.name = name;
        this.count = alreadyRead;
    }

    /** Adds the ratio guard: compressed says how many compressed bytes were consumed so far. */
    BoundedInputStream withRatio(LongSupplier compressed, int maxRatio) {
        this.compressed = compressed;
        this.maxRatio = maxRatio;
        return this;
    }

    /** The bytes read so far, including those counted before. */
    long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Never skip far past the limit: a decompressor skips by inflating, which a bomb makes slow.
        long skipped = super.skip(Math.min(n, max - count + 1));
        count(skipped);
        return skipped;
    }

    private void count(long n) {
        count += n;
        if (count > max) {
            throw new LimitException(name + ": more than " + max + " bytes after decompression ("
                    + (max == Limits.MAX_PROFILE_BYTES ? "one profile cannot be larger: protobuf's 2 GiB limit)"
                    : "raise the limit with --max-bytes)"));
        }
        if (compressed != null && count > Limits.RATIO_FLOOR) {
            long from = compressed.getAsLong();
            if (count / maxRatio > from) {
                throw new LimitException(name + ": inflates more than " + maxRatio + " times (" + count
                        + " bytes from " + from + " compressed bytes so far), a decompression bomb?"
                        + " (raise the limit with --max-ratio)");
            }
        }
    }
}
