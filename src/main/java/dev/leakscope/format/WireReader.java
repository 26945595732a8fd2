package dev.leakscope.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A protobuf wire-format reader over a stream, with pprof's rules: varints of at most 10 bytes,
 * lengths that must fit the enclosing message, wire types 3, 4, 6 and 7 refused, any field number
 * (0 included) skippable. It reads straight from its own buffer, without the bookkeeping of a
 * general-purpose parser: this is the innermost loop of loading a profile.
 */
final class WireReader {
    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LEN = 2;
    static final int FIXED32 = 5;

    /** The usual buffer: a profile's messages (a sample, a location) are far smaller. */
    static final int BUFFER = 1 << 16;

    private final InputStream in;
    private final byte[] buf;
    private int pos;
    private int end;
    /** Stream offset of buf[0]. */
    private long base;
    /** Stream offset where the current message ends (Long.MAX_VALUE at the top level). */
    private long limit = Long.MAX_VALUE;
    private boolean eof;

    WireReader(InputStream in) {
        this(in, BUFFER);
    }

    /** A reader with a buffer of capacity bytes (at least 16); messages longer than that are streamed. */
    WireReader(InputStream in, int capacity) {
        this.in = in;
        this.buf = new byte[capacity];
    }

    /** Current stream offset. */
    long offset() {
        return base + pos;
    }

    /** Whether the current message (or the stream, at the top level) has no more bytes. */
    boolean atEnd() throws IOException {
        if (offset() >= limit) {
            return true;
        }
        return pos == end && !fill();
    }

    /** The next tag; call only when {@link #atEnd()} is false. */
    int readTag() throws IOException, PprofDecoder.WireException {
        long tag = readVarint();
        if (tag < 0 || tag > Integer.MAX_VALUE) {
            throw new PprofDecoder.WireException("invalid tag");
        }
        int wire = (int) tag & 7;
        if (wire == 3 || wire == 4 || wire == 6 || wire == 7) {
            throw new PprofDecoder.WireException("unsupported wire type " + wire);
        }
        return (int) tag;
    }

    long readVarint() throws IOException, PprofDecoder.WireException {
        if (end - pos >= 10) {
            // Fast path: the whole varint is in the buffer; the message limit is checked after (first,
            // as the byte-by-byte path below meets it first).
            long result = 0;
            for (int shift = 0; shift < 70; shift += 7) {
                byte b = buf[pos++];
                result |= (long) (b & 0x7f) << shift;
                if (b >= 0) {
                    break;
                }
            }
            if (base + pos > limit) {
                throw new PprofDecoder.WireException("varint runs past the end of its message");
            }
            if (buf[pos - 1] < 0) {
                throw new PprofDecoder.WireException("malformed varint");
            }
            return result;
        }
        long result = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            int b = readByte();
            result |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw new PprofDecoder.WireException("malformed varint");
    }

    /**
     * Decodes a packed run of varints of length bytes (already checked against the enclosing message)
     * into out, returning how many there were; out must hold length values. The run is decoded in the
     * buffer when it is all there (the usual case), without a limit check per byte.
     */
    int readPacked(int length, long[] out) throws IOException, PprofDecoder.WireException {
        if (end - pos < length) {
            long old = enter(length);
            int n = 0;
            while (!atEnd()) {
                out[n++] = readVarint();
            }
            exit(old);
            return n;
        }
        byte[] b = buf;
        int p = pos;
        int stop = p + length;
        int n = 0;
        while (p < stop) {
            long result = 0;
            int shift = 0;
            while (true) {
                if (p == stop) {
                    throw new PprofDecoder.WireException("varint runs past the end of its message");
                }
                byte c = b[p++];
                result |= (long) (c & 0x7f) << shift;
                if (c >= 0) {
                    break;
                }
                shift += 7;
                if (shift == 70) {
                    throw new PprofDecoder.WireException("malformed varint");
                }
            }
            out[n++] = result;
        }
        pos = p;
        return n;
    }

    /** A length prefix, checked against the enclosing message. */
    int readLength() throws IOException, PprofDecoder.WireException {
        long len = readVarint();
        if (len < 0) {
            throw new PprofDecoder.WireException("negative length");
        }
        if (len > Integer.MAX_VALUE || offset() + len > limit) {
            throw new PprofDecoder.WireException("length " + len + " runs past the end of its message");
        }
        return (int) len;
    }

    /** Enters a length-delimited message; returns the enclosing limit, for {@link #exit}. */
    long enter(int length) {
        long old = limit;
        limit = offset() + length;
        return old;
    }

    /** Leaves a message: its unread rest is an error only if the stream ended inside it. */
    void exit(long oldLimit) throws IOException, PprofDecoder.WireException {
        skipBytes(limit - offset());
        limit = oldLimit;
    }

    String readString(int length) throws IOException, PprofDecoder.WireException {
        if (end - pos >= length) {
            String s = new String(buf, pos, length, StandardCharsets.UTF_8);
            pos += length;
            return s;
        }
        // Grown as bytes arrive: a length read from the input is not trusted with an allocation.
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(Math.min(length, 1 << 16));
        int done = 0;
        while (done < length) {
            if (pos == end && !fill()) {
                throw new PprofDecoder.WireException("truncated message");
            }
            int n = Math.min(length - done, end - pos);
            bytes.write(buf, pos, n);
            pos += n;
            done += n;
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Skips a field's value of the given wire type. */
    void skip(int wire) throws IOException, PprofDecoder.WireException {
        switch (wire) {
            case VARINT -> readVarint();
            case FIXED64 -> skipBytes(8);
            case LEN -> skipBytes(readLength());
            case FIXED32 -> skipBytes(4);
            default -> throw new PprofDecoder.WireException("unsupported wire type " + wire);
        }
    }

    private void skipBytes(long n) throws IOException, PprofDecoder.WireException {
        if (offset() + n > limit) {
            throw new PprofDecoder.WireException("field runs past the end of its message");
        }
        while (n > 0) {
            if (pos == end && !fill()) {
                throw new PprofDecoder.WireException("truncated message");
            }
            int step = (int) Math.min(n, end - pos);
            pos += step;
            n -= step;
        }
    }

    private int readByte() throws IOException, PprofDecoder.WireException {
        if (offset() >= limit) {
            throw new PprofDecoder.WireException("varint runs past the end of its message");
        }
        if (pos == end && !fill()) {
            throw new PprofDecoder.WireException("truncated message");
        }
        return buf[pos++] & 0xff;
    }

    /**
     * Whether the next n bytes (within the current message) are in the buffer, reading more to put them
     * there when they fit it; then {@link #buffer()} holds them from {@link #position()} on.
     */
    boolean buffered(int n) throws IOException {
        while (end - pos < n) {
            if (n > buf.length || eof) {
                return false;
            }
            fill();
        }
        return true;
    }

    /** The buffer, for a caller that decodes a message {@link #buffered} in it. */
    byte[] buffer() {
        return buf;
    }

    /** Where the unread bytes start in {@link #buffer()}. */
    int position() {
        return pos;
    }

    /** Moves past n bytes known to be in the buffer. */
    void advance(int n) {
        pos += n;
    }

    /** Moves the unread bytes to the front and reads more; false at the end of the stream. */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int rest = end - pos;
        System.arraycopy(buf, pos, buf, 0, rest);
        base += pos;
        pos = 0;
        end = rest;
        int n = in.read(buf, end, buf.length - end);
        if (n < 0) {
            eof = true;
            return end > 0;
        }
        end += n;
        return true;
    }
}
