package dev.leakscope.input;

import dev.leakscope.util.Cores;
import dev.leakscope.util.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads a stream on a background thread, a few chunks ahead of the consumer, so that decompression
 * runs on one core while decoding runs on the other. The chunks go back and forth between the two
 * threads (no garbage per chunk), and the thread starts only once the consumer has read past the
 * first {@link #HEAD} bytes itself: a look at the head of an input (what format is it?) starts none.
 * Until a core is spare ({@link Cores#spare()}, asked at each refill) the consumer goes on reading
 * on its own thread. Errors of the source reach the consumer at the point where it would have read
 * the failing bytes.
 */
final class ReadAheadInputStream extends InputStream {
    static final int CHUNK = 1 << 18;
    private static final int CHUNKS = 4;
    /** Read on the consumer's thread before the read-ahead starts. */
    static final int HEAD = 1 << 16;
    /** Bytes read at a time on the consumer's thread: few during the head, more after it. */
    private static final int HEAD_READ = 1 << 13;
    private static final int OWN_READ = 1 << 16;

    /** A filled chunk: its bytes up to length; a chunk shorter than {@link #CHUNK} is the last. */
    private record Chunk(byte[] bytes, int length) {
    }

    private final InputStream source;
    private final BlockingQueue<Object> full = new ArrayBlockingQueue<>(CHUNKS + 1);
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(CHUNKS);
    private Thread reader;
    /** Bytes read on the consumer's thread. */
    private long readHere;
    private byte[] current = new byte[0];
    private int pos;
    private int limit;
    private boolean done;

    ReadAheadInputStream(InputStream source) {
        this.source = source;
    }

    private void pump() {
        int made = 0;
        try (source) {
            while (true) {
                byte[] chunk = free.poll();
                if (chunk == null && made < CHUNKS) {
                    chunk = new byte[CHUNK];
                    made++;
                } else if (chunk == null) {
                    chunk = free.take();
                }
                int n = source.readNBytes(chunk, 0, CHUNK);
                full.put(new Chunk(chunk, n));
                if (n < CHUNK) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            try {
                full.put(e);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private boolean fill() throws IOException {
        if (done) {
            return false;
        }
        if (reader == null) {
            if (readHere < HEAD || !Cores.spare()) {
                return fillHere();
            }
            reader = new Thread(this::pump, "leakscope-read-ahead");
            reader.setDaemon(true);
            reader.start();
        } else if (current.length == CHUNK) {
            free.offer(current);
        }
        Object next;
        try {
            next = full.take();
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
        Chunk chunk = (Chunk) next;
        current = chunk.bytes();
        pos = 0;
        limit = chunk.length();
        done = limit < CHUNK;
        return limit > 0;
    }

    /** Reads on this thread: part of the head, or more while no core is spare. */
    private boolean fillHere() throws IOException {
        boolean inHead = readHere < HEAD;
        int size = inHead ? HEAD_READ : OWN_READ;
        if (current.length != size) {
            current = new byte[size];
        }
        int n = source.read(current, 0, inHead ? (int) Math.min(size, HEAD - readHere) : size);
        if (n < 0) {
            done = true;
            return false;
        }
        readHere += n;
        pos = 0;
        limit = n;
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
    public void close() throws IOException {
        done = true;
        if (reader != null) {
            reader.interrupt();
        } else {
            source.close();
        }
    }
}
