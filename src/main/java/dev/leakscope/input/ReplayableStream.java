package dev.leakscope.input;

import java.io.IOException;
import java.io.InputStream;

/**
 * A stream that can be read only once (standard input, a FIFO, a device) made readable again: the
 * bytes the readers have consumed so far are kept and replayed to later readers, which then go on
 * reading the live stream. Only what was actually read is kept, so an endless source such as
 * {@code /dev/zero} costs no more memory than the reader that gave up on it.
 */
final class ReplayableStream {
    private final InputStream live;
    private byte[] kept = new byte[8192];
    private int size;
    private boolean ended;

    ReplayableStream(InputStream live) {
        this.live = live;
    }

    /** A new reader from the first byte. */
    InputStream open() {
        return new Reader();
    }

    /** Makes bytes up to position end available in kept, if the stream has them; false at its end. */
    private boolean fill(int end) throws IOException {
        while (size < end && !ended) {
            if (size == kept.length) {
                long grown = Math.min(Integer.MAX_VALUE - 8, kept.length * 2L);
                if (grown == kept.length) {
                    throw new IOException("input larger than 2 GiB");
                }
                kept = java.util.Arrays.copyOf(kept, (int) grown);
            }
            int n = live.read(kept, size, kept.length - size);
            if (n < 0) {
                ended = true;
            } else {
                size += n;
            }
        }
        return size >= end;
    }

    private final class Reader extends InputStream {
        private int pos;

        @Override
        public int read() throws IOException {
            if (pos >= size && !fill(pos + 1)) {
                return -1;
            }
            return kept[pos++] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (pos >= size) {
                fill(pos + Math.min(len, 1 << 16));
                if (pos >= size) {
                    return -1;
                }
            }
            int n = Math.min(len, size - pos);
            System.arraycopy(kept, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}
