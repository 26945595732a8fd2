package dev.leakscope.input;

import dev.leakscope.util.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads a stream on a background thread, a chunk ahead of the consumer, so that decompression runs on
 * one core while decoding runs on the other. Errors of the source reach the consumer at the point
 * where it would have read the failing bytes.
 */
final class ReadAheadInputStream extends InputStream {
    private static final int CHUNK = 1 << 18;
    private static final byte[] END = new byte[0];

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(8);
    private final Thread reader;
    private byte[] current = new byte[0];
    private int pos;
    private int limit;
    private boolean done;

    ReadAheadInputStream(InputStream source) {
        reader = new Thread(() -> pump(source), "leakscope-read-ahead");
        reader.setDaemon(true);
        reader.start();
    }

    private void pump(InputStream source) {
        try (source) {
            while (true) {
                byte[] chunk = new byte[CHUNK];
                int n = source.readNBytes(chunk, 0, CHUNK);
                if (n > 0) {
                    queue.put(n == CHUNK ? chunk : java.util.Arrays.copyOf(chunk, n));
                }
                if (n < CHUNK) {
                    queue.put(END);
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            try {
                queue.put(e);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private boolean fill() throws IOException {
        if (done) {
            return false;
        }
        Object next;
        try {
            next = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading");
        }
        if (next instanceof IOException e) {
            done = true;
            throw e;
        }
        if (next instanceof InputException e) {
            done = true;
            throw new InputException(e.getMessage(), e);
        }
        if (next instanceof RuntimeException e) {
            done = true;
            throw e;
        }
        current = (byte[]) next;
        pos = 0;
        limit = current.length;
        if (current == END) {
            done = true;
            return false;
        }
        return true;
    }

    @Override
    public int read() throws IOException {
        if (pos == limit && !fill()) {
            return -1;
        }
        return current[pos++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (pos == limit && !fill()) {
            return -1;
        }
        int n = Math.min(len, limit - pos);
        System.arraycopy(current, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public void close() {
        done = true;
        reader.interrupt();
    }
}
