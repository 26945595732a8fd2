package dev.leakscope.binary;

import java.nio.charset.StandardCharsets;

/**
 * A cursor over a DWARF section with Go's debug/dwarf reading rules: the first failed read records an
 * error and every later read yields zero, so callers check {@link #failed()} once after a group of
 * reads. A varint that never ends reads as zero without consuming anything, as in Go.
 */
final class DwarfBuf {
    final byte[] data;
    int pos;
    int end;
    final boolean bigEndian;
    /** DWARF version of the unit read, 0 when unknown. */
    final int version;
    /** Whether offsets are 64-bit; meaningful only when {@link #formatKnown}. */
    final boolean dwarf64;
    final boolean formatKnown;
    final int addressSize;
    String error;

    DwarfBuf(byte[] data, int pos, int end, boolean bigEndian, int version, boolean dwarf64,
             boolean formatKnown, int addressSize) {
        this.data = data;
        this.pos = pos;
        this.end = end;
        this.bigEndian = bigEndian;
        this.version = version;
        this.dwarf64 = dwarf64;
        this.formatKnown = formatKnown;
        this.addressSize = addressSize;
    }

    /** A cursor over a whole section, with the format of the unit (or none) it is read for. */
    static DwarfBuf over(byte[] section, DwarfBuf format) {
        byte[] d = section == null ? new byte[0] : section;
        return new DwarfBuf(d, 0, d.length, format.bigEndian, format.version, format.dwarf64,
                format.formatKnown, format.addressSize);
    }

    boolean failed() {
        return error != null;
    }

    int remaining() {
        return end - pos;
    }

    void fail(String message) {
        if (error == null) {
            error = message;
            pos = end;
        }
    }

    int uint8() {
        if (pos >= end) {
            fail("underflow");
            return 0;
        }
        return data[pos++] & 0xff;
    }

    /** Skips n bytes; returns the start of the skipped range, or -1 (and fails) when there are fewer. */
    int bytes(long n) {
        if (n < 0 || n > end - pos) {
            fail("underflow");
            return -1;
        }
        int start = pos;
        pos += (int) n;
        return start;
    }

    void skip(long n) {
        bytes(n);
    }

    String string() {
        int i = pos;
        while (i < end && data[i] != 0) {
            i++;
        }
        if (i >= end) {
            fail("underflow");
            return "";
        }
        String s = new String(data, pos, i - pos, StandardCharsets.UTF_8);
        pos = i + 1;
        return s;
    }

    /** Skips a NUL-terminated string without decoding it: its start, or -1 (and fails) when it does not end. */
    int skipString() {
        int i = pos;
        while (i < end && data[i] != 0) {
            i++;
        }
        if (i >= end) {
            fail("underflow");
            return -1;
        }
        int start = pos;
        pos = i + 1;
        return start;
    }

    int uint16() {
        return (int) fixed(2);
    }

    long uint24() {
        return fixed(3);
    }

    long uint32() {
        return fixed(4);
    }

    long uint64() {
        return fixed(8);
    }

    private long fixed(int n) {
        int at = bytes(n);
        if (at < 0) {
            return 0;
        }
        long v = 0;
        for (int i = 0; i < n; i++) {
            int b = data[at + (bigEndian ? i : n - 1 - i)] & 0xff;
            v = (v << 8) | b;
        }
        return v;
    }

    /** Go's varint: the value and the number of bits read (0 bits when the varint never ends). */
    private long varintValue;
    private int varintBits;

    private void varint() {
        long c = 0;
        int bits = 0;
        for (int i = pos; i < end; i++) {
            int b = data[i];
            if (bits < 64) {
                c |= (long) (b & 0x7f) << bits;
            }
            bits += 7;
            if ((b & 0x80) == 0) {
                pos = i + 1;
                varintValue = c;
                varintBits = bits;
                return;
            }
        }
        varintValue = 0;
        varintBits = 0;
    }

    long uint() {
        varint();
        return varintValue;
    }

    long sint() {
        varint();
        long x = varintValue;
        int bits = varintBits;
        // Go: if x&(1<<(bits-1)) != 0 { x |= -1 << bits }, with shifts past 63 giving 0
        long signBit = bits >= 1 && bits - 1 < 64 ? 1L << (bits - 1) : 0;
        if ((x & signBit) != 0) {
            x |= bits < 64 ? -1L << bits : 0;
        }
        return x;
    }

    long addr() {
        switch (addressSize) {
            case 1:
                return uint8();
            case 2:
                return uint16();
            case 4:
                return uint32();
            case 8:
                return uint64();
            default:
                fail("unknown address size");
                return 0;
        }
    }

    /** A unit length; sets dwarf64 in the returned pair's second slot. */
    long unitLength(boolean[] is64) {
        long length = uint32();
        is64[0] = false;
        if (length == 0xffffffffL) {
            is64[0] = true;
            length = uint64();
        } else if (length >= 0xfffffff0L) {
            fail("unit length has reserved value");
        }
        return length;
    }
}
