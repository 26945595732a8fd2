package dev.leakscope.format;

import dev.leakscope.profile.ProfileBuilder;
import dev.leakscope.proto.ProfileProto;

/**
 * Decodes a Sample message that is whole in a byte array, straight into a {@link ProfileBuilder}: the
 * location ids and values go to the builder as they are decoded, with one bounds check per varint
 * (none per byte) and no per-field bookkeeping. It accepts exactly the samples {@link WireReader}'s
 * rules accept; on anything malformed it stops and says so, and the caller reads the sample again with
 * the general reader, which reports the error in its words.
 */
final class SampleScanner {
    private static final int LOCATION_ID = ProfileProto.Sample.LOCATION_ID_FIELD_NUMBER;
    private static final int VALUE = ProfileProto.Sample.VALUE_FIELD_NUMBER;
    private static final int LABEL = ProfileProto.Sample.LABEL_FIELD_NUMBER;
    private static final int MALFORMED = -1;

    private final ProfileBuilder builder;
    private byte[] b;
    /** The next byte to read, or {@link #MALFORMED}. */
    private int p;

    SampleScanner(ProfileBuilder builder) {
        this.builder = builder;
    }

    /**
     * Decodes the sample in bytes[from, stop) (after {@link ProfileBuilder#beginSample}); false when it
     * is malformed, the builder then holding part of it.
     */
    boolean scan(byte[] bytes, int from, int stop) {
        b = bytes;
        p = from;
        while (p < stop) {
            int tag = tag(stop);
            if (tag < 0) {
                return false;
            }
            int wire = tag & 7;
            switch (tag >>> 3) {
                case LOCATION_ID -> {
                    if (!repeated(wire, stop, true)) {
                        return false;
                    }
                }
                case VALUE -> {
                    if (!repeated(wire, stop, false)) {
                        return false;
                    }
                }
                case LABEL -> {
                    if (wire != WireReader.LEN || !label(stop)) {
                        return false;
                    }
                }
                default -> {
                    if (!skip(wire, stop)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** A repeated varint field, packed or not, of location ids or of values. */
    private boolean repeated(int wire, int stop, boolean ids) {
        if (wire == WireReader.VARINT) {
            return add(stop, ids);
        }
        int end = wire == WireReader.LEN ? length(stop) : MALFORMED;
        if (end < 0) {
            return false;
        }
        // The run in a local loop, one- and two-byte varints (most ids and values) unrolled; the ids go
        // to the builder as one run (a call per id was a tenth of the decoding thread's time).
        byte[] b = this.b;
        int i = p;
        if (ids && ids(end)) {
            return true;
        }
        while (i < end) {
            long v = b[i];
            if (v >= 0) {
                i++;
            } else if (i + 1 < end && b[i + 1] >= 0) {
                v = v & 0x7f | (long) b[i + 1] << 7;
                i += 2;
            } else {
                p = i;
                v = varint(end);
                if (p < 0) {
                    return false;
                }
                i = p;
            }
            if (ids) {
                builder.addStackLocationId(v);
            } else {
                builder.addValue(v);
            }
        }
        p = i;
        return true;
    }

    /**
     * A packed run of location ids ending at end, handed to the builder at once; false (nothing
     * handed, p unmoved) when some id is longer than two bytes (then the general loop reads the run).
     */
    private boolean ids(int end) {
        byte[] b = this.b;
        int[] keys = run;
        if (keys.length < end - p) {
            keys = run = new int[Math.max(end - p, keys.length * 2)];
        }
        int n = 0;
        int i = p;
        while (i < end) {
            int v = b[i];
            if (v > 0) {
                i++;
            } else if (v < 0 && i + 1 < end && b[i + 1] > 0) {
                v = v & 0x7f | b[i + 1] << 7;
                i += 2;
            } else {
                return false;
            }
            keys[n++] = v;
        }
        builder.addStackLocationIds(keys, n);
        p = i;
        return true;
    }

    /** The ids of a packed run, for {@link #ids}. */
    private int[] run = new int[64];

    private boolean add(int stop, boolean ids) {
        long v = varint(stop);
        if (p < 0) {
            return false;
        }
        if (ids) {
            builder.addStackLocationId(v);
        } else {
            builder.addValue(v);
        }
        return true;
    }

    private boolean label(int stop) {
        int end = length(stop);
        if (end < 0) {
            return false;
        }
        long key = 0;
        long str = 0;
        long num = 0;
        long unit = 0;
        while (p < end) {
            int tag = tag(end);
            if (tag < 0) {
                return false;
            }
            int wire = tag & 7;
            switch (tag >>> 3) {
                case ProfileProto.Label.KEY_FIELD_NUMBER -> key = labelVarint(wire, end);
                case ProfileProto.Label.STR_FIELD_NUMBER -> str = labelVarint(wire, end);
                case ProfileProto.Label.NUM_FIELD_NUMBER -> num = labelVarint(wire, end);
                case ProfileProto.Label.NUM_UNIT_FIELD_NUMBER -> unit = labelVarint(wire, end);
                default -> skip(wire, end);
            }
            if (p < 0) {
                return false;
            }
        }
        // pprof drops a label whose value, number and unit are all unset.
        if (str != 0 || num != 0 || unit != 0) {
            if (!isIndex(key) || !isIndex(str) || !isIndex(unit)) {
                return false;
            }
            builder.addLabel((int) key, (int) str, num, (int) unit);
        }
        return true;
    }

    /** A label's varint field; a field of another wire type is malformed. */
    private long labelVarint(int wire, int end) {
        if (wire != WireReader.VARINT) {
            p = MALFORMED;
            return 0;
        }
        return varint(end);
    }

    private static boolean isIndex(long v) {
        return v >= 0 && v <= Integer.MAX_VALUE;
    }

    /** A tag with a wire type the reader accepts, or -1. */
    private int tag(int stop) {
        long tag = varint(stop);
        if (p < 0 || tag < 0 || tag > Integer.MAX_VALUE) {
            return -1;
        }
        int wire = (int) tag & 7;
        return wire == 3 || wire == 4 || wire == 6 || wire == 7 ? -1 : (int) tag;
    }

    /** A length prefix; where the bytes it covers end, or -1 when they run past stop. */
    private int length(int stop) {
        long len = varint(stop);
        if (p < 0 || len < 0 || len > stop - p) {
            return -1;
        }
        return p + (int) len;
    }

    private boolean skip(int wire, int stop) {
        switch (wire) {
            case WireReader.VARINT -> varint(stop);
            case WireReader.FIXED64 -> p = stop - p >= 8 ? p + 8 : MALFORMED;
            case WireReader.LEN -> p = length(stop);
            default -> p = stop - p >= 4 ? p + 4 : MALFORMED;
        }
        return p >= 0;
    }

    /**
     * The varint at p, of at most 10 bytes, all before stop; p moves past it, or becomes
     * {@link #MALFORMED}.
     */
    private long varint(int stop) {
        byte[] b = this.b;
        int i = p;
        if (i >= stop) {
            p = MALFORMED;
            return 0;
        }
        byte x = b[i++];
        if (x >= 0) {
            p = i;
            return x;
        }
        long v = x & 0x7f;
        for (int shift = 7; shift < 70; shift += 7) {
            if (i >= stop) {
                break;
            }
            x = b[i++];
            v |= (long) (x & 0x7f) << shift;
            if (x >= 0) {
                p = i;
                return v;
            }
        }
        p = MALFORMED;
        return 0;
    }
}
