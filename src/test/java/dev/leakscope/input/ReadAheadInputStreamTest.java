package dev.leakscope.input;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import dev.leakscope.util.BusyCores;
import dev.leakscope.util.Cores;
import org.junit.jupiter.api.Test;

class ReadAheadInputStreamTest {
    /** A source that notes the threads reading it, and fails past failAt bytes. */
    private static final class Source extends ByteArrayInputStream {
        final Set<Thread> readers = new HashSet<>();
        private final int failAt;

        Source(byte[] bytes, int failAt) {
            super(bytes);
            this.failAt = failAt;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            readers.add(Thread.currentThread());
            if (pos >= failAt) {
                throw new IllegalStateException("broken at " + pos);
            }
            return super.read(b, off, Math.min(len, failAt - pos));
        }
    }

    private static byte[] random(int n) {
        byte[] bytes = new byte[n];
        new Random(7).nextBytes(bytes);
        return bytes;
    }

    @Test
    void aLookAtTheHeadStartsNoThread() throws IOException {
        Source source = new Source(random(1 << 20), Integer.MAX_VALUE);
        try (InputStream in = new ReadAheadInputStream(source)) {
            assertEquals(4096, in.readNBytes(4096).length);
        }
        assertEquals(Set.of(Thread.currentThread()), source.readers);
    }

    @Test
    void everyByteArrivesInOrderWhateverTheReads() throws IOException {
        // Several times the chunks in flight: the chunks go round.
        byte[] bytes = random(5 << 20 | 12345);
        Source source = new Source(bytes, Integer.MAX_VALUE);
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        Random sizes = new Random(1);
        try (InputStream in = new ReadAheadInputStream(source)) {
            byte[] buf = new byte[100_000];
            for (int n; (n = in.read(buf, 0, 1 + sizes.nextInt(buf.length))) >= 0; ) {
                got.write(buf, 0, n);
                if (sizes.nextInt(10) == 0) {
                    got.write(in.read());
                }
            }
        }
        assertArrayEquals(bytes, got.toByteArray());
        assertEquals(Cores.AVAILABLE >= 2 ? 2 : 1, source.readers.size(), "read ahead on a thread of its own past the head");
    }

    @Test
    void whileNoCoreIsSpareTheConsumerReadsOnItsOwnUntilOneFreesUp() throws Exception {
        byte[] bytes = random(3 << 20);
        Source source = new Source(bytes, Integer.MAX_VALUE);
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        try (InputStream in = new ReadAheadInputStream(source)) {
            try (BusyCores busy = new BusyCores()) {
                got.write(in.readNBytes(1 << 20));
                assertEquals(Set.of(Thread.currentThread()), source.readers);
            }
            got.write(in.readAllBytes());
        }
        assertArrayEquals(bytes, got.toByteArray());
        assertEquals(Cores.AVAILABLE >= 2 ? 2 : 1, source.readers.size());
    }

    @Test
    void anErrorOfTheSourceComesWhereItsBytesWouldHave() throws IOException {
        errorComesWhereItsBytesWouldHave();
    }

    @Test
    void anErrorOfTheSourceReadWithNoCoreSpareComesWhereItsBytesWouldHave() throws Exception {
        try (BusyCores busy = new BusyCores()) {
            errorComesWhereItsBytesWouldHave();
        }
    }

    private static void errorComesWhereItsBytesWouldHave() throws IOException {
        int failAt = ReadAheadInputStream.HEAD + 3 * ReadAheadInputStream.CHUNK;
        try (InputStream in = new ReadAheadInputStream(new Source(random(1 << 21), failAt))) {
            assertEquals(failAt, in.readNBytes(failAt).length);
            IllegalStateException e = assertThrows(IllegalStateException.class, in::read);
            assertTrue(e.getMessage().startsWith("broken at"), e.getMessage());
        }
    }
}
