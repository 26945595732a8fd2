package dev.leakscope.format.histogram;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text that Windows PowerShell 5 writes ({@code jcmd PID GC.class_histogram > histo.txt}): UTF-16
 * behind a byte-order mark, read as the UTF-8 the rest of the reader expects, in chunks while it streams.
 */
final class Utf16Text extends InputStream {
    private static final int CHUNK = 8192;

    private final Reader reader;
    private final CharsetEncoder utf8 = StandardCharsets.UTF_8.newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final CharBuffer chars = CharBuffer.allocate(CHUNK);
    private final ByteBuffer bytes = ByteBuffer.allocate(3 * CHUNK + 8);
    private boolean end;

    private Utf16Text(InputStream in) {
        reader = new InputStreamReader(in, StandardCharsets.UTF_16);
        bytes.flip();
    }

    /** Whether head starts with UTF-16's byte-order mark, either byte order. */
    static boolean marked(byte[] head) {
        return head.length >= 2 && ((head[0] == (byte) 0xff && head[1] == (byte) 0xfe)
                || (head[0] == (byte) 0xfe && head[1] == (byte) 0xff));
    }

    /** head as UTF-8 when it is marked UTF-16 (a character cut at its end dropped), else head itself. */
    static byte[] utf8(byte[] head) {
        return marked(head) ? new String(head, 0, head.length & ~1, StandardCharsets.UTF_16)
                .getBytes(StandardCharsets.UTF_8) : head;
    }

    /** in as UTF-8 when it starts with UTF-16's byte-order mark, else in as it is. */
    static InputStream utf8(InputStream in) throws IOException {
        PushbackInputStream p = new PushbackInputStream(in, 2);
        byte[] head = p.readNBytes(2);
        p.unread(head);
        return marked(head) ? new Utf16Text(p) : p;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!bytes.hasRemaining()) {
            if (end) {
                return -1;
            }
            end = reader.read(chars) < 0;
            chars.flip();
            bytes.clear();
            utf8.encode(chars, bytes, end);
            if (end) {
                utf8.flush(bytes);
            }
            chars.compact();
            bytes.flip();
        }
        int n = Math.min(len, bytes.remaining());
        bytes.get(b, off, n);
        return n;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
