package dev.leakscope.input;

import dev.leakscope.util.InputException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Fails with a clear message once more than a set number of bytes has been read. */
final class BoundedInputStream extends FilterInputStream {
    private final long max;
    private final String name;
    private long count;

    BoundedInputStream(InputStream in, long max, String name) {
        super(in);
        this.max = max;
        this.name = name;
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
            throw new InputException(name + ": more than " + max
                    + " bytes after decompression (raise the limit with --max-bytes)");
        }
    }
}
