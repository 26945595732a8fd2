package dev.leakscope.binary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DWARF debugging information, decoded with the rules of Go's debug/dwarf package (the reader
 * {@code go tool pprof} symbolizes with), including where it gives up: what it rejects, leakscope
 * rejects, so both name the same frames. Units and abbreviation tables are parsed up front; entries are
 * decoded as they are read.
 */
final class DwarfData {
    static final int TAG_COMPILE_UNIT = 0x11;
    static final int TAG_SUBPROGRAM = 0x2e;
    static final int TAG_PARTIAL_UNIT = 0x3c;

    static final int AT_SIBLING = 0x01;
    static final int AT_NAME = 0x03;
    static final int AT_STMT_LIST = 0x10;
    static final int AT_LOW_PC = 0x11;
    static final int AT_HIGH_PC = 0x12;
    static final int AT_COMP_DIR = 0x1b;
    static final int AT_ENTRY_PC = 0x52;
    static final int AT_RANGES = 0x55;
    static final int AT_STR_OFFSETS_BASE = 0x72;
    static final int AT_ADDR_BASE = 0x73;
    static final int AT_RNGLISTS_BASE = 0x74;

    static final int CLASS_UNKNOWN = 0;
    static final int CLASS_ADDRESS = 1;
    static final int CLASS_BLOCK = 2;
    static final int CLASS_CONSTANT = 3;
    static final int CLASS_EXPRLOC = 4;
    static final int CLASS_FLAG = 5;
    static final int CLASS_LINE_PTR = 6;
    static final int CLASS_LOCLIST_PTR = 7;
    static final int CLASS_MAC_PTR = 8;
    static final int CLASS_RANGELIST_PTR = 9;
    static final int CLASS_REFERENCE = 10;
    static final int CLASS_REFERENCE_SIG = 11;
    static final int CLASS_STRING = 12;
    static final int CLASS_REFERENCE_ALT = 13;
    static final int CLASS_STRING_ALT = 14;
    static final int CLASS_ADDR_PTR = 15;
    static final int CLASS_LOCLIST = 16;
    static final int CLASS_RNGLIST = 17;
    static final int CLASS_RNGLISTS_PTR = 18;
    static final int CLASS_STR_OFFSETS_PTR = 19;

    private static final byte DELAYED_ADDR = 1;
    private static final byte DELAYED_STR = 2;
    private static final byte DELAYED_RNGLIST = 3;

    /** Sections that strings are read from, in string references (section << 32 | offset). */
    private static final int STRINGS_IN_INFO = 0;
    private static final int STRINGS_IN_STR = 1;
    private static final int STRINGS_IN_LINE_STR = 2;
    /** A unit whose first entry cannot be read. */
    private static final DwarfEntry UNREADABLE = new DwarfEntry(0, 0, false, 0);

    private static final Set<Integer> EXPRLOC_ATTRS = Set.of(0x02, 0x0b, 0x0c, 0x0d, 0x19, 0x22, 0x2a, 0x2e,
            0x2f, 0x37, 0x38, 0x40, 0x46, 0x48, 0x4a, 0x4d, 0x4e, 0x4f, 0x50, 0x51);
    private static final Map<Integer, Integer> PTR_CLASS = Map.ofEntries(
            Map.entry(0x02, CLASS_LOCLIST_PTR), Map.entry(0x10, CLASS_LINE_PTR),
            Map.entry(0x19, CLASS_LOCLIST_PTR), Map.entry(0x2a, CLASS_LOCLIST_PTR),
            Map.entry(0x2c, CLASS_RANGELIST_PTR), Map.entry(0x38, CLASS_LOCLIST_PTR),
            Map.entry(0x40, CLASS_LOCLIST_PTR), Map.entry(0x43, CLASS_MAC_PTR),
            Map.entry(0x46, CLASS_LOCLIST_PTR), Map.entry(0x48, CLASS_LOCLIST_PTR),
            Map.entry(0x4a, CLASS_LOCLIST_PTR), Map.entry(0x4d, CLASS_LOCLIST_PTR),
            Map.entry(0x55, CLASS_RANGELIST_PTR), Map.entry(0x72, CLASS_STR_OFFSETS_PTR),
            Map.entry(0x73, CLASS_ADDR_PTR), Map.entry(0x74, CLASS_RNGLISTS_PTR),
            Map.entry(0x8c, CLASS_LOCLIST_PTR));

    final byte[] info;
    final byte[] abbrev;
    final byte[] str;
    final byte[] line;
    final byte[] ranges;
    final byte[] addr;
    final byte[] lineStr;
    final byte[] strOffsets;
    final byte[] rngLists;
    final boolean bigEndian;
    final List<Unit> units = new ArrayList<>();
    private final Map<Long, Map<Long, Abbrev>> abbrevCache = new HashMap<>();
    /** Per string section: the offset of its last NUL byte (a string can start at or before it), -2 when unknown. */
    private final int[] lastNul = {-2, -2, -2};
    /** Per unit: its first entry once read, or {@link #UNREADABLE}. */
    private DwarfEntry[] compileUnits;
    /** What decoding may still cost: see {@link #charge}. */
    private long budget;

    /** A unit of .debug_info: its header, and its entries at [off, end). */
    record Unit(int base, int off, int end, Map<Long, Abbrev> abbrevs, int addressSize, int version,
                boolean is64) {
        DwarfBuf buf(DwarfData d, int from) {
            return new DwarfBuf(d.info, from, end, d.bigEndian, version, is64, true, addressSize);
        }
    }

    record Field(int attr, int form, int cls, long implicitConst) {
    }

    record Abbrev(int tag, boolean children, Field[] fields) {
    }

    /**
     * The DWARF of an ELF file as Go's elf.File.DWARF reads it (its .debug_ and .zdebug_ sections,
     * decompressed), or null when it has none or Go would fail to read it.
     */
    static DwarfData of(ElfFile elf) {
        try {
            Map<String, byte[]> sections = new java.util.HashMap<>();
            for (String name : elf.sectionNames()) {
                String suffix = name.startsWith(".debug_") ? name.substring(7)
                        : name.startsWith(".zdebug_") ? name.substring(8) : null;
                if (suffix != null && !suffix.equals("types")) {
                    sections.put(suffix, elf.section(name));
                }
            }
            return of(sections);
        } catch (java.io.IOException | BinaryFormatException e) {
            return null;
        }
    }

    /** The DWARF of these sections (by name without prefix: "info", "line"…), or null as for an ELF file. */
    static DwarfData of(Map<String, byte[]> sections) {
        try {
            return new DwarfData(sections);
        } catch (BinaryFormatException e) {
            return null;
        }
    }

    /**
     * Decodes the unit headers and abbreviation tables.
     *
     * @param sections section contents by DWARF name without prefix ("info", "abbrev", "line_str"…)
     * @throws BinaryFormatException where Go's dwarf.New fails
     */
    DwarfData(Map<String, byte[]> sections) {
        info = sections.get("info");
        abbrev = sections.get("abbrev");
        str = sections.get("str");
        line = sections.get("line");
        ranges = sections.get("ranges");
        addr = sections.get("addr");
        lineStr = sections.get("line_str");
        strOffsets = sections.get("str_offsets");
        rngLists = sections.get("rnglists");
        if (info == null || info.length < 6) {
            throw new BinaryFormatException("DWARF info too short");
        }
        long size = 0;
        for (byte[] section : sections.values()) {
            size += section == null ? 0 : section.length;
        }
        budget = 2 * size + (1 << 20);
        int offset = 4;
        if ((info[0] & info[1] & info[2] & info[3]) == (byte) 0xff) {
            if (info.length < 14) {
                throw new BinaryFormatException("DWARF info too short");
            }
            offset = 12;
        }
        int x = info[offset];
        int y = info[offset + 1];
        if (x == 0 && y == 0) {
            throw new BinaryFormatException("unsupported DWARF version 0");
        } else if (x == 0) {
            bigEndian = true;
        } else if (y == 0) {
            bigEndian = false;
        } else {
            throw new BinaryFormatException("cannot determine DWARF byte order");
        }
        parseUnits();
        compileUnits = new DwarfEntry[units.size()];
    }

    /**
     * Counts work that DWARF as compilers write it does about once per byte, but that crafted DWARF can
     * repeat without end: abbreviation tables that overlap, range lists and line tables shared by many
     * entries, paths joined with long directory names. Past twice the size of the sections (plus 1 MiB),
     * this is not DWARF any compiler wrote, and decoding stops for good (Go reads on, for hours or until
     * memory runs out).
     *
     * @param n bytes read again, or characters of strings made
     * @throws BinaryFormatException when over the budget
     */
    void charge(long n) {
        budget -= n;
        if (budget < 0) {
            throw new BinaryFormatException("DWARF too costly to decode (overlapping or shared tables)");
        }
    }

    /** Whether decoding stopped for good: {@link #charge} went over the budget. */
    boolean exhausted() {
        return budget < 0;
    }

    private DwarfBuf unknownFormat(byte[] section) {
        byte[] d = section == null ? new byte[0] : section;
        return new DwarfBuf(d, 0, d.length, bigEndian, 0, false, false, 0);
    }

    private void parseUnits() {
        DwarfBuf b = unknownFormat(info);
        boolean[] is64 = new boolean[1];
        int count = 0;
        while (b.remaining() > 0) {
            long length = b.unitLength(is64);
            if (length != (length & 0xffffffffL)) {
                b.fail("unit length overflow");
                break;
            }
            b.skip(length);
            if (length > 0) {
                count++;
            }
        }
        if (b.failed()) {
            throw new BinaryFormatException("DWARF info: " + b.error);
        }
        b = unknownFormat(info);
        for (int i = 0; i < count; i++) {
            int base = b.pos;
            long n = 0;
            while (n == 0 && !b.failed()) {
                n = b.unitLength(is64);
            }
            int dataOff = b.pos;
            int vers = b.uint16();
            if (vers < 2 || vers > 5) {
                throw new BinaryFormatException("unsupported DWARF version " + vers);
            }
            int unitType = 0;
            int asize = 0;
            if (vers >= 5) {
                unitType = b.uint8();
                asize = b.uint8();
            }
            long abbrevOff = is64[0] ? b.uint64() : b.uint32();
            Map<Long, Abbrev> table = parseAbbrev(abbrevOff, vers);
            if (vers < 5) {
                asize = b.uint8();
            }
            switch (unitType) {
                case 0x04, 0x05 -> b.uint64();
                case 0x02, 0x06 -> {
                    b.uint64();
                    if (is64[0]) {
                        b.uint64();
                    } else {
                        b.uint32();
                    }
                }
                default -> { }
            }
            int off = b.pos;
            int start = b.bytes(n - (b.pos - dataOff));
            if (b.failed()) {
                throw new BinaryFormatException("DWARF info: " + b.error);
            }
            units.add(new Unit(base, off, start + (int) (n - (off - dataOff)), table, asize, vers, is64[0]));
        }
    }

    private Map<Long, Abbrev> parseAbbrev(long off, int vers) {
        Map<Long, Abbrev> cached = abbrevCache.get(off);
        if (cached != null) {
            return cached;
        }
        DwarfBuf b = unknownFormat(abbrev);
        if (off < 0 || off > b.end) {
            b.pos = b.end;
        } else {
            b.pos = (int) off;
        }
        int start = b.pos;
        Map<Long, Abbrev> m = new HashMap<>();
        while (true) {
            long id = b.uint() & 0xffffffffL;
            if (id == 0) {
                break;
            }
            // first count the fields on a copy, as Go does, so that a bad table fails before use
            DwarfBuf b1 = new DwarfBuf(b.data, b.pos, b.end, bigEndian, 0, false, false, 0);
            b1.uint();
            b1.uint8();
            int n = 0;
            while (true) {
                long tag = b1.uint();
                long form = b1.uint();
                if (tag == 0 && form == 0) {
                    break;
                }
                if (form == 0x21) {
                    b1.sint();
                }
                n++;
            }
            if (b1.failed()) {
                throw new BinaryFormatException("DWARF abbrev: " + b1.error);
            }
            int tag = (int) b.uint();
            boolean children = b.uint8() != 0;
            Field[] fields = new Field[n];
            for (int i = 0; i < n; i++) {
                int attr = (int) b.uint();
                int form = (int) b.uint();
                int cls = formToClass(form, attr, vers, b);
                long implicit = form == 0x21 ? b.sint() : 0;
                fields[i] = new Field(attr, form, cls, implicit);
            }
            b.uint();
            b.uint();
            m.put(id, new Abbrev(tag, children, fields));
        }
        if (b.failed()) {
            throw new BinaryFormatException("DWARF abbrev: " + b.error);
        }
        charge(b.pos - start);
        abbrevCache.put(off, m);
        return m;
    }

    static int formToClass(int form, int attr, int vers, DwarfBuf b) {
        switch (form) {
            case 0x16:
                return CLASS_UNKNOWN;
            case 0x01, 0x1b, 0x29, 0x2a, 0x2b, 0x2c:
                return CLASS_ADDRESS;
            case 0x0a, 0x03, 0x04, 0x09:
                return EXPRLOC_ATTRS.contains(attr) ? CLASS_EXPRLOC : CLASS_BLOCK;
            case 0x0b, 0x05, 0x06, 0x07, 0x0d, 0x0f, 0x1e, 0x21: {
                Integer ptr = PTR_CLASS.get(attr);
                return vers < 4 && ptr != null ? ptr : CLASS_CONSTANT;
            }
            case 0x0c, 0x19:
                return CLASS_FLAG;
            case 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x1c, 0x24:
                return CLASS_REFERENCE;
            case 0x20:
                return CLASS_REFERENCE_SIG;
            case 0x08, 0x0e, 0x1a, 0x1d, 0x1f, 0x25, 0x26, 0x27, 0x28:
                return CLASS_STRING;
            case 0x17: {
                Integer ptr = PTR_CLASS.get(attr);
                return ptr != null ? ptr : CLASS_UNKNOWN;
            }
            case 0x18:
                return CLASS_EXPRLOC;
            case 0x1f20:
                return CLASS_REFERENCE_ALT;
            case 0x1f21:
                return CLASS_STRING_ALT;
            case 0x22:
                return CLASS_LOCLIST;
            case 0x23:
                return CLASS_RNGLIST;
            default:
                b.fail("cannot determine class of unknown attribute form");
                return 0;
        }
    }

    /** Index of the unit whose entries contain offset off, or -1. */
    int offsetToUnit(int off) {
        int lo = 0;
        int hi = units.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (units.get(mid).off > off) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        if (lo == 0) {
            return -1;
        }
        Unit u = units.get(lo - 1);
        return u.off <= off && off < u.end ? lo - 1 : -1;
    }

    /**
     * Decodes the entry at b's position (Go's buf.entry): {@link DwarfEntry#NULL} for an end-of-children
     * marker, null (with b failed) when it cannot be decoded.
     *
     * @param cu the unit's compile-unit entry once read, for the string, address and range list bases
     */
    DwarfEntry entry(DwarfBuf b, DwarfEntry cu, Unit u) {
        int off = b.pos;
        long id = b.uint() & 0xffffffffL;
        if (id == 0) {
            return DwarfEntry.NULL;
        }
        Abbrev a = u.abbrevs.get(id);
        if (a == null) {
            b.fail("unknown abbreviation table index");
            return null;
        }
        DwarfEntry e = new DwarfEntry(off, a.tag, a.children, a.fields.length);
        // In the compile-unit entry itself, indexes into .debug_addr, .debug_str_offsets and
        // .debug_rnglists wait for the entry's own base attributes: kind per field (0 = none).
        byte[] delayed = null;
        long[] delayedIndex = null;
        for (int i = 0; i < a.fields.length; i++) {
            Field f = a.fields[i];
            e.attr[i] = f.attr;
            e.cls[i] = f.cls;
            int form = f.form;
            if (form == 0x16) {
                form = (int) b.uint();
                e.cls[i] = formToClass(form, f.attr, u.version, b);
            }
            boolean delay = false;
            switch (form) {
                case 0x01 -> set(e, i, DwarfEntry.U64, b.addr());
                case 0x1b, 0x29, 0x2a, 0x2b, 0x2c -> {
                    long index = switch (form) {
                        case 0x1b -> b.uint();
                        case 0x29 -> b.uint8();
                        case 0x2a -> b.uint16();
                        case 0x2b -> b.uint24();
                        default -> b.uint32();
                    };
                    if (addr == null) {
                        b.fail("DW_FORM_addrx with no .debug_addr section");
                    }
                    if (b.failed()) {
                        return null;
                    }
                    long addrBase = 0;
                    if (cu != null) {
                        addrBase = cu.has(AT_ADDR_BASE, DwarfEntry.I64) ? cu.num(AT_ADDR_BASE) : 0;
                    } else if (a.tag == TAG_COMPILE_UNIT) {
                        delay = true;
                        if (delayed == null) {
                            delayed = new byte[a.fields.length];
                            delayedIndex = new long[a.fields.length];
                        }
                        delayed[i] = DELAYED_ADDR;
                        delayedIndex[i] = index;
                        break;
                    }
                    Long value = debugAddr(u, addrBase, index);
                    if (value == null) {
                        b.fail("DW_FORM_addrx out of range");
                        return null;
                    }
                    set(e, i, DwarfEntry.U64, value);
                }
                case 0x0a -> otherBytes(e, i, b, b.uint8());
                case 0x03 -> otherBytes(e, i, b, b.uint16());
                case 0x04 -> otherBytes(e, i, b, b.uint32());
                case 0x09 -> otherBytes(e, i, b, b.uint());
                case 0x0b -> set(e, i, DwarfEntry.I64, b.uint8());
                case 0x05 -> set(e, i, DwarfEntry.I64, b.uint16());
                case 0x06 -> set(e, i, DwarfEntry.I64, b.uint32());
                case 0x07 -> set(e, i, DwarfEntry.I64, b.uint64());
                case 0x1e -> otherBytes(e, i, b, 16);
                case 0x0d -> set(e, i, DwarfEntry.I64, b.sint());
                case 0x0f -> set(e, i, DwarfEntry.I64, b.uint());
                case 0x21 -> set(e, i, DwarfEntry.I64, f.implicitConst);
                case 0x0c -> set(e, i, DwarfEntry.OTHER, b.uint8());
                case 0x19 -> set(e, i, DwarfEntry.OTHER, 1);
                case 0x10 -> set(e, i, DwarfEntry.REF, b.version == 2 ? b.addr() : b.dwarf64 ? b.uint64() : b.uint32());
                case 0x11 -> set(e, i, DwarfEntry.REF, b.uint8() + u.base);
                case 0x12 -> set(e, i, DwarfEntry.REF, b.uint16() + u.base);
                case 0x13 -> set(e, i, DwarfEntry.REF, b.uint32() + u.base);
                case 0x14 -> set(e, i, DwarfEntry.REF, b.uint64() + u.base);
                case 0x15 -> set(e, i, DwarfEntry.REF, b.uint() + u.base);
                case 0x08 -> {
                    int at = b.skipString();
                    e.kind[i] = DwarfEntry.STR;
                    e.num[i] = (long) STRINGS_IN_INFO << 32 | Math.max(at, 0);
                }
                case 0x0e, 0x1f -> {
                    long strOff = b.dwarf64 ? b.uint64() : b.uint32();
                    if (b.failed()) {
                        return null;
                    }
                    if (form == 0x1f && (lineStr == null || lineStr.length == 0)) {
                        b.fail("DW_FORM_line_strp with no .debug_line_str section");
                        return null;
                    }
                    long ref = stringRef(form == 0x0e ? STRINGS_IN_STR : STRINGS_IN_LINE_STR, strOff);
                    if (ref < 0) {
                        b.fail("underflow");
                        return null;
                    }
                    e.kind[i] = DwarfEntry.STR;
                    e.num[i] = ref;
                }
                case 0x1a, 0x25, 0x26, 0x27, 0x28 -> {
                    long index = switch (form) {
                        case 0x1a -> b.uint();
                        case 0x25 -> b.uint8();
                        case 0x26 -> b.uint16();
                        case 0x27 -> b.uint24();
                        default -> b.uint32();
                    };
                    if (strOffsets == null || strOffsets.length == 0) {
                        b.fail("DW_FORM_strx with no .debug_str_offsets section");
                    }
                    if (b.failed()) {
                        return null;
                    }
                    index *= b.dwarf64 ? 8 : 4;
                    long strBase = 0;
                    if (cu != null) {
                        strBase = cu.has(AT_STR_OFFSETS_BASE, DwarfEntry.I64) ? cu.num(AT_STR_OFFSETS_BASE) : 0;
                    } else if (a.tag == TAG_COMPILE_UNIT) {
                        delay = true;
                        if (delayed == null) {
                            delayed = new byte[a.fields.length];
                            delayedIndex = new long[a.fields.length];
                        }
                        delayed[i] = DELAYED_STR;
                        delayedIndex[i] = index;
                        break;
                    }
                    long ref = resolveStrx(b, strBase, index);
                    if (b.failed()) {
                        return null;
                    }
                    e.kind[i] = DwarfEntry.STR;
                    e.num[i] = ref;
                }
                case 0x1d -> set(e, i, b.dwarf64 ? DwarfEntry.U64 : DwarfEntry.OTHER, b.dwarf64 ? b.uint64() : b.uint32());
                case 0x17, 0x1f20, 0x1f21 -> set(e, i, DwarfEntry.I64, b.dwarf64 ? b.uint64() : b.uint32());
                case 0x18 -> otherBytes(e, i, b, b.uint());
                case 0x20 -> set(e, i, DwarfEntry.U64, b.uint64());
                case 0x1c -> set(e, i, DwarfEntry.OTHER, b.uint32());
                case 0x24 -> set(e, i, DwarfEntry.U64, b.uint64());
                case 0x22 -> set(e, i, DwarfEntry.U64, b.uint());
                case 0x23 -> {
                    long index = b.uint();
                    long rnglistsBase = 0;
                    if (cu != null) {
                        rnglistsBase = cu.has(AT_RNGLISTS_BASE, DwarfEntry.I64) ? cu.num(AT_RNGLISTS_BASE) : 0;
                    } else if (a.tag == TAG_COMPILE_UNIT) {
                        delay = true;
                        if (delayed == null) {
                            delayed = new byte[a.fields.length];
                            delayedIndex = new long[a.fields.length];
                        }
                        delayed[i] = DELAYED_RNGLIST;
                        delayedIndex[i] = index;
                        break;
                    }
                    long v = resolveRnglistx(b, rnglistsBase, index);
                    if (b.failed()) {
                        return null;
                    }
                    set(e, i, DwarfEntry.U64, v);
                }
                default -> b.fail("unknown entry attr format 0x" + Integer.toHexString(form));
            }
            if (delay) {
                e.kind[i] = DwarfEntry.NONE;
            }
        }
        if (b.failed()) {
            return null;
        }
        if (delayed != null) {
            for (int i = 0; i < delayed.length; i++) {
                if (delayed[i] == 0) {
                    continue;
                }
                long index = delayedIndex[i];
                switch (delayed[i]) {
                    case DELAYED_ADDR -> {
                        long addrBase = e.has(AT_ADDR_BASE, DwarfEntry.I64) ? e.num(AT_ADDR_BASE) : 0;
                        Long value = debugAddr(u, addrBase, index);
                        if (value == null) {
                            b.fail("DW_FORM_addrx out of range");
                            return null;
                        }
                        set(e, i, DwarfEntry.U64, value);
                    }
                    case DELAYED_STR -> {
                        long strBase = e.has(AT_STR_OFFSETS_BASE, DwarfEntry.I64) ? e.num(AT_STR_OFFSETS_BASE) : 0;
                        long ref = resolveStrx(b, strBase, index);
                        if (b.failed()) {
                            return null;
                        }
                        e.kind[i] = DwarfEntry.STR;
                        e.num[i] = ref;
                    }
                    default -> {
                        long base = e.has(AT_RNGLISTS_BASE, DwarfEntry.I64) ? e.num(AT_RNGLISTS_BASE) : 0;
                        long v = resolveRnglistx(b, base, index);
                        if (b.failed()) {
                            return null;
                        }
                        set(e, i, DwarfEntry.U64, v);
                    }
                }
            }
        }
        return e;
    }

    private static void set(DwarfEntry e, int i, byte kind, long value) {
        e.kind[i] = kind;
        e.num[i] = value;
    }

    private static void otherBytes(DwarfEntry e, int i, DwarfBuf b, long n) {
        b.bytes(n);
        e.kind[i] = DwarfEntry.OTHER;
    }

    /** The reference of the string at index of .debug_str_offsets from strBase, or -1 (with b failed). */
    private long resolveStrx(DwarfBuf b, long strBase, long index) {
        long off = index + strBase;
        DwarfBuf b1 = unknownFormat(strOffsets);
        b1.skip(off);
        long strOff = b.dwarf64 ? b1.uint64() : b1.uint32();
        if (b1.failed()) {
            b.fail(b1.error);
            return -1;
        }
        long ref = stringRef(STRINGS_IN_STR, strOff);
        if (ref < 0) {
            b.fail("underflow");
        }
        return ref;
    }

    private byte[] stringSection(int section) {
        return switch (section) {
            case STRINGS_IN_INFO -> info;
            case STRINGS_IN_STR -> str;
            default -> lineStr;
        };
    }

    /**
     * A reference to the NUL-terminated string at off of a string section, or -1 where Go fails to read
     * one (off past the section, or no NUL after it).
     */
    private long stringRef(int section, long off) {
        if (lastNul[section] == -2) {
            byte[] d = stringSection(section);
            int i = d == null ? -1 : d.length - 1;
            while (i >= 0 && d[i] != 0) {
                i--;
            }
            lastNul[section] = i;
        }
        return off < 0 || off > lastNul[section] ? -1 : (long) section << 32 | off;
    }

    /** The string value of an entry's attribute, or null when absent or not a string. */
    String string(DwarfEntry e, int attribute) {
        long ref = e.stringRef(attribute);
        return ref < 0 ? null : string(ref);
    }

    /** The string a reference ({@link DwarfEntry#STR}) refers to, decoded as UTF-8. */
    String string(long ref) {
        byte[] d = stringSection((int) (ref >>> 32));
        int start = (int) ref;
        int end = start;
        while (d[end] != 0) {
            end++;
        }
        return new String(d, start, end - start, java.nio.charset.StandardCharsets.UTF_8);
    }

    private long resolveRnglistx(DwarfBuf b, long base, long index) {
        long off = index * (b.dwarf64 ? 8 : 4) + base;
        DwarfBuf b1 = unknownFormat(rngLists);
        b1.skip(off);
        long v = b.dwarf64 ? b1.uint64() : b1.uint32();
        if (b1.failed()) {
            b.fail(b1.error);
            return 0;
        }
        return base + v;
    }

    /** The address at index idx of .debug_addr from addrBase, or null when out of range. */
    private Long debugAddr(Unit u, long addrBase, long idx) {
        long off = idx * u.addressSize + addrBase;
        DwarfBuf b = new DwarfBuf(addr == null ? new byte[0] : addr, 0, addr == null ? 0 : addr.length,
                bigEndian, u.version, u.is64, true, u.addressSize);
        b.skip(off);
        long v = b.addr();
        return b.failed() ? null : v;
    }

    /**
     * The [low, high) address ranges of an entry (Go's Data.Ranges), as pairs in a flat array.
     *
     * @throws BinaryFormatException where Go returns an error
     */
    long[] ranges(DwarfEntry e) {
        List<long[]> out = new ArrayList<>();
        boolean lowOk = e.has(AT_LOW_PC, DwarfEntry.U64);
        long low = lowOk ? e.num(AT_LOW_PC) : 0;
        int hf = e.field(AT_HIGH_PC);
        boolean highOk = false;
        long high = 0;
        if (hf >= 0) {
            if (e.cls[hf] == CLASS_ADDRESS && e.kind[hf] == DwarfEntry.U64) {
                high = e.num[hf];
                highOk = true;
            } else if (e.cls[hf] == CLASS_CONSTANT && e.kind[hf] == DwarfEntry.I64) {
                high = low + e.num[hf];
                highOk = true;
            }
        }
        if (lowOk && highOk) {
            out.add(new long[] {low, high});
        }
        int ui = offsetToUnit(e.offset);
        Unit u = ui >= 0 ? units.get(ui) : null;
        if (u != null && u.version >= 5 && rngLists != null) {
            int rf = e.field(AT_RANGES);
            if (rf < 0) {
                return flat(out);
            }
            boolean ok = (e.cls[rf] == CLASS_RANGELIST_PTR && e.kind[rf] == DwarfEntry.I64)
                    || (e.cls[rf] == CLASS_RNGLIST && e.kind[rf] == DwarfEntry.U64);
            if (!ok) {
                return flat(out);
            }
            DwarfEntry cu = compileUnitOf(e);
            dwarf5Ranges(u, cu, baseAddress(cu), e.num[rf], out);
            return flat(out);
        }
        if (e.has(AT_RANGES, DwarfEntry.I64) && ranges != null) {
            DwarfEntry cu = compileUnitOf(e);
            dwarf2Ranges(u, baseAddress(cu), e.num(AT_RANGES), out);
        }
        return flat(out);
    }

    private static long[] flat(List<long[]> pairs) {
        long[] out = new long[pairs.size() * 2];
        for (int i = 0; i < pairs.size(); i++) {
            out[2 * i] = pairs.get(i)[0];
            out[2 * i + 1] = pairs.get(i)[1];
        }
        return out;
    }

    /** The first entry of e's unit (read once per unit), or e itself when it is a compile unit. */
    private DwarfEntry compileUnitOf(DwarfEntry e) {
        if (e.tag == TAG_COMPILE_UNIT) {
            return e;
        }
        int i = offsetToUnit(e.offset);
        if (i < 0) {
            throw new BinaryFormatException("no unit for entry");
        }
        if (compileUnits[i] == null) {
            Unit u = units.get(i);
            DwarfBuf b = u.buf(this, u.off);
            DwarfEntry cu = entry(b, null, u);
            compileUnits[i] = b.failed() ? UNREADABLE : cu;
        }
        if (compileUnits[i] == UNREADABLE) {
            throw new BinaryFormatException("unreadable compile unit entry");
        }
        return compileUnits[i];
    }

    private static long baseAddress(DwarfEntry cu) {
        if (cu.has(AT_ENTRY_PC, DwarfEntry.U64)) {
            return cu.num(AT_ENTRY_PC);
        }
        return cu.has(AT_LOW_PC, DwarfEntry.U64) ? cu.num(AT_LOW_PC) : 0;
    }

    private void dwarf2Ranges(Unit u, long base, long offset, List<long[]> out) {
        if (offset < 0 || offset > ranges.length) {
            throw new BinaryFormatException("range list offset out of range");
        }
        DwarfBuf b = new DwarfBuf(ranges, (int) offset, ranges.length, bigEndian, u == null ? 0 : u.version,
                u != null && u.is64, u != null, u == null ? 0 : u.addressSize);
        long max = u == null || u.addressSize >= 8 ? -1L : (1L << (8 * u.addressSize)) - 1;
        try {
            dwarf2Ranges(b, base, max, out);
        } finally {
            charge(b.pos - offset);
        }
    }

    private static void dwarf2Ranges(DwarfBuf b, long base, long max, List<long[]> out) {
        while (b.remaining() > 0) {
            long lo = b.addr();
            long hi = b.addr();
            if (lo == 0 && hi == 0) {
                break;
            }
            if (lo == max) {
                base = hi;
            } else {
                out.add(new long[] {base + lo, base + hi});
            }
        }
    }

    private void dwarf5Ranges(Unit u, DwarfEntry cu, long base, long offset, List<long[]> out) {
        long addrBase = cu != null && cu.has(AT_ADDR_BASE, DwarfEntry.I64) ? cu.num(AT_ADDR_BASE) : 0;
        DwarfBuf b = new DwarfBuf(rngLists, 0, rngLists.length, bigEndian, u.version, u.is64, true, u.addressSize);
        b.skip(offset);
        int start = b.pos;
        try {
            dwarf5Ranges(u, addrBase, base, b, out);
        } finally {
            charge(b.pos - start);
        }
    }

    private void dwarf5Ranges(Unit u, long addrBase, long base, DwarfBuf b, List<long[]> out) {
        while (true) {
            int opcode = b.uint8();
            switch (opcode) {
                case 0 -> {
                    if (b.failed()) {
                        throw new BinaryFormatException(b.error);
                    }
                    return;
                }
                case 1 -> base = address(u, addrBase, b.uint());
                case 2 -> {
                    long start = b.uint();
                    long end = b.uint();
                    out.add(new long[] {address(u, addrBase, start), address(u, addrBase, end)});
                }
                case 3 -> {
                    long start = address(u, addrBase, b.uint());
                    out.add(new long[] {start, start + b.uint()});
                }
                case 4 -> {
                    long off1 = b.uint();
                    long off2 = b.uint();
                    out.add(new long[] {base + off1, base + off2});
                }
                case 5 -> base = b.addr();
                case 6 -> {
                    long start = b.addr();
                    long end = b.addr();
                    out.add(new long[] {start, end});
                }
                case 7 -> {
                    long start = b.addr();
                    out.add(new long[] {start, start + b.uint()});
                }
                default -> { }
            }
        }
    }

    private long address(Unit u, long addrBase, long index) {
        Long v = debugAddr(u, addrBase, index);
        if (v == null) {
            throw new BinaryFormatException("DW_FORM_addrx out of range");
        }
        return v;
    }
}
