package dev.leakscope.binary;

/**
 * One debugging information entry: its tag and attribute values. Values keep the Go type that
 * debug/dwarf gives them, because readers (as pprof's) accept a value only when it has the expected
 * type: an address is a {@link #U64}, a section offset or constant an {@link #I64}, a name a {@link #STR}.
 * Strings are not decoded with the entry: a {@link #STR} value is a reference to where the string is
 * ({@link DwarfData#string(long)} reads it), so that reading entries costs no more than their bytes.
 */
final class DwarfEntry {
    static final byte NONE = 0;
    static final byte U64 = 1;
    static final byte I64 = 2;
    /** A string, as a reference {@link DwarfData#stringRef}. */
    static final byte STR = 3;
    static final byte OTHER = 4;
    /** A reference to another entry: its offset in .debug_info (the unit's base added, as in Go). */
    static final byte REF = 5;

    /** Tag 0 marks the end of a list of children. */
    static final DwarfEntry NULL = new DwarfEntry(0, 0, false, 0);

    final int offset;
    final int tag;
    final boolean children;
    final int[] attr;
    final int[] cls;
    final byte[] kind;
    final long[] num;
    /**
     * For an entry of many fields (crafted: a compile unit's is searched for every entry): where each
     * attribute is first.
     */
    private java.util.Map<Integer, Integer> firstField;

    DwarfEntry(int offset, int tag, boolean children, int fields) {
        this.offset = offset;
        this.tag = tag;
        this.children = children;
        this.attr = new int[fields];
        this.cls = new int[fields];
        this.kind = new byte[fields];
        this.num = new long[fields];
    }

    /** Index of the first field with this attribute, or -1. */
    int field(int attribute) {
        if (attr.length > 16) {
            if (firstField == null) {
                firstField = new java.util.HashMap<>();
                for (int i = 0; i < attr.length; i++) {
                    firstField.putIfAbsent(attr[i], i);
                }
            }
            return firstField.getOrDefault(attribute, -1);
        }
        for (int i = 0; i < attr.length; i++) {
            if (attr[i] == attribute) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the attribute is present with a value of the given kind. */
    boolean has(int attribute, byte valueKind) {
        int f = field(attribute);
        return f >= 0 && kind[f] == valueKind;
    }

    long num(int attribute) {
        return num[field(attribute)];
    }

    /** The attribute's string value as a reference ({@link DwarfData#string(long)}); -1 when absent or not a string. */
    long stringRef(int attribute) {
        int f = field(attribute);
        return f >= 0 && kind[f] == STR ? num[f] : -1;
    }
}
