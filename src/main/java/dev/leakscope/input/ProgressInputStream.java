package dev.leakscope.input;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts the bytes read from a file and tells a {@link ReadProgress}, once per read call. */
final class ProgressInputStream extends FilterInputStream {
    private final String name;
    private final long total;
    private final ReadProgress progress;
    private long read;
    private boolean done;

    ProgressInputStream(InputStream in, String name, long total, ReadProgress progress) {
        super(in);
        this.name = name;
        this.total = total;
        this.progress = progress;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        count(b < 0 ? -1 : 1);
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        count(n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    @Override
    public void close() throws IOException {
        finish();
        super.close();
    }

    private void count(long n) {
        if (n < 0) {
            finish();
        } else if (n > 0 && !done) {
            read += n;
            progress.read(name, read, total);
        }
    }

    private void finish() {
        if (!done) {
            done = true;
            progress.done(name);
        }
    }
}
