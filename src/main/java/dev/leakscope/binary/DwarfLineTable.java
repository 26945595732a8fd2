package dev.leakscope.binary;

import dev.leakscope.util.IntList;
import dev.leakscope.util.LongList;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The rows of one compilation unit's line number program, decoded once as Go's LineReader emits them,
 * and its SeekPC lookup: the row before the first later row whose address is past pc (rows are not
 * sorted across sequences, and Go does not sort them either). Decoding a table is charged to the DWARF's
 * budget ({@link DwarfData#charge}): its bytes, and the paths it makes.
 */
final class DwarfLineTable {
    private static final int[] KNOWN_OPCODE_LENGTHS = {-1, 0, 1, 1, 1, -1, 0, 0, 0, -1, 0, 0, 1};

    private final LongList address = new LongList();
    private final IntList file = new IntList();
    private final LongList line = new LongList();
    private final BitSet endSequence = new BitSet();
    private final List<String> files = new ArrayList<>();
    private final DwarfData d;
    private long[] prefixMax;
    private IntervalIndex rows;
    /** The state machine's operation pointer while the program runs. */
    private long addr;
    private long opIndex;

    private DwarfLineTable(DwarfData d) {
        this.d = d;
    }

    /** A row found by {@link #seekPC}: the source file and line of an address. */
    record Row(String file, long line) {
    }

    /**
     * The line table of a compile unit entry, or null when Go's LineReader fails or finds none (pprof
     * then gives the address no frame).
     *
     * @throws BinaryFormatException when the DWARF's budget runs out
     */
    static DwarfLineTable of(DwarfData d, DwarfEntry cu) {
        if (d.line == null || !cu.has(DwarfData.AT_STMT_LIST, DwarfEntry.I64)) {
            return null;
        }
        long off = cu.num(DwarfData.AT_STMT_LIST);
        if (off < 0 || off > d.line.length) {
            return null;
        }
        long compDirRef = cu.stringRef(DwarfData.AT_COMP_DIR);
        String compDir = compDirRef < 0 ? "" : made(d, d.string(compDirRef));
        int ui = d.offsetToUnit(cu.offset);
        if (ui < 0) {
            return null;
        }
        DwarfData.Unit u = d.units.get(ui);
        DwarfBuf buf = new DwarfBuf(d.line, (int) off, d.line.length, d.bigEndian, u.version(), u.is64(), true,
                u.addressSize());
        DwarfLineTable t = new DwarfLineTable(d);
        try {
            return t.decode(buf, compDir) ? t : null;
        } finally {
            d.charge(buf.pos - off);
        }
    }

    /** A string made while decoding, charged to the budget. */
    private static String made(DwarfData d, String s) {
        d.charge(s.length());
        return s;
    }

    private boolean decode(DwarfBuf buf, String compDir) {
        boolean[] dwarf64 = new boolean[1];
        long unitLength = buf.unitLength(dwarf64);
        long endOffset = buf.pos + unitLength;
        if (endOffset > buf.end) {
            return false;
        }
        int version = buf.uint16();
        if (!buf.failed() && (version < 2 || version > 5)) {
            return false;
        }
        int addrsize;
        if (version >= 5) {
            addrsize = buf.uint8();
            buf.uint8();
        } else {
            addrsize = buf.addressSize;
        }
        long headerLength = dwarf64[0] ? buf.uint64() : buf.uint32();
        long programOffset = buf.pos + headerLength;
        if (headerLength < 0 || programOffset > endOffset) {
            return false;
        }
        int minInstructionLength = buf.uint8();
        int maxOps = version >= 4 ? buf.uint8() : 1;
        boolean defaultIsStmt = buf.uint8() != 0;
        int lineBase = (byte) buf.uint8();
        int lineRange = buf.uint8();
        if (buf.failed() || maxOps == 0 || lineRange == 0) {
            return false;
        }
        int opcodeBase = buf.uint8();
        int[] opcodeLengths = new int[opcodeBase];
        for (int i = 1; i < opcodeBase; i++) {
            opcodeLengths[i] = buf.uint8();
        }
        if (buf.failed()) {
            return false;
        }
        for (int i = 0; i < opcodeBase && i < KNOWN_OPCODE_LENGTHS.length; i++) {
            if (KNOWN_OPCODE_LENGTHS[i] >= 0 && KNOWN_OPCODE_LENGTHS[i] != opcodeLengths[i]) {
                return false;
            }
        }
        List<String> directories = new ArrayList<>();
        if (version < 5) {
            directories.add(compDir);
            while (true) {
                String dir = buf.string();
                if (buf.failed()) {
                    return false;
                }
                if (dir.isEmpty()) {
                    break;
                }
                directories.add(DwarfPaths.isAbs(dir) ? dir : made(d, DwarfPaths.join(compDir, dir)));
            }
            files.add(null);
            while (true) {
                int r = readFileEntry(buf, directories);
                if (r < 0) {
                    return false;
                }
                if (r == 0) {
                    break;
                }
            }
        } else {
            long[][] dirFormat = lnctFormat(buf);
            long count = buf.uint();
            if (!plausibleCount(count, dirFormat, buf)) {
                return false;
            }
            d.charge(count);
            for (int i = 0; i < count; i++) {
                directories.add("");
            }
            for (int i = 0; i < count; i++) {
                String dir = readLnct(d, buf, dirFormat, dwarf64[0], directories);
                if (dir == null) {
                    return false;
                }
                directories.set(i, dir);
            }
            long[][] fileFormat = lnctFormat(buf);
            count = buf.uint();
            if (!plausibleCount(count, fileFormat, buf)) {
                return false;
            }
            d.charge(count);
            for (int i = 0; i < count; i++) {
                String name = readLnct(d, buf, fileFormat, dwarf64[0], directories);
                if (name == null) {
                    return false;
                }
                files.add(name);
            }
        }
        if (buf.failed()) {
            return false;
        }
        buf.pos = (int) programOffset;
        buf.end = (int) endOffset;
        run(buf, directories, new Program(addrsize, minInstructionLength, maxOps, defaultIsStmt, lineBase,
                lineRange, opcodeBase, opcodeLengths));
        return true;
    }

    /** A count of table entries that the remaining bytes can hold (Go would allocate it and crash). */
    private static boolean plausibleCount(long count, long[][] format, DwarfBuf buf) {
        return count >= 0 && count <= (format.length == 0 ? 1 << 16 : buf.remaining());
    }

    private record Program(int addrsize, int minInstructionLength, int maxOps, boolean defaultIsStmt,
                           int lineBase, int lineRange, int opcodeBase, int[] opcodeLengths) {
    }

    /** Runs the line number program, recording every emitted row until the end or the first error. */
    private void run(DwarfBuf buf, List<String> directories, Program p) {
        long ln = 1;
        long fileIndex = 1;
        while (buf.remaining() > 0) {
            int opcode = buf.uint8();
            boolean emit = false;
            boolean end = false;
            if (opcode >= p.opcodeBase) {
                int adjusted = opcode - p.opcodeBase;
                advance(adjusted / p.lineRange, p);
                ln += p.lineBase + adjusted % p.lineRange;
                emit = true;
            } else {
                switch (opcode) {
                    case 0 -> {
                        long length = buf.uint() & 0xffffffffL;
                        int startOff = buf.pos;
                        int ext = buf.uint8();
                        switch (ext) {
                            case 1 -> end = true;
                            case 2 -> addr = switch (p.addrsize) {
                                case 1 -> buf.uint8();
                                case 2 -> buf.uint16();
                                case 4 -> buf.uint32();
                                case 8 -> buf.uint64();
                                default -> {
                                    buf.fail("unknown address size");
                                    yield addr;
                                }
                            };
                            case 3 -> {
                                int r = readFileEntry(buf, directories);
                                if (r <= 0) {
                                    return;
                                }
                            }
                            case 4 -> buf.uint();
                            default -> { }
                        }
                        long skip = (startOff + length - buf.pos) & 0xffffffffL;
                        buf.skip(skip);
                    }
                    case 1 -> emit = true;
                    case 2 -> {
                        advance(buf.uint(), p);
                    }
                    case 3 -> ln += buf.sint();
                    case 4 -> fileIndex = buf.uint();
                    case 5 -> buf.uint();
                    case 6, 7, 10, 11 -> { }
                    case 8 -> {
                        advance((255 - p.opcodeBase) / p.lineRange, p);
                    }
                    case 9 -> addr += buf.uint16();
                    case 12 -> buf.uint();
                    default -> {
                        for (int i = 0; i < p.opcodeLengths[opcode]; i++) {
                            buf.uint();
                        }
                    }
                }
            }
            if (buf.failed()) {
                return;
            }
            if (emit || end) {
                address.add(addr);
                file.add(fileIndex >= 0 && fileIndex < files.size() ? (int) fileIndex : -1);
                line.add(ln);
                if (end) {
                    endSequence.set(address.size() - 1);
                }
            }
            if (end) {
                addr = 0;
                opIndex = 0;
                ln = 1;
                fileIndex = 1;
            }
        }
    }

    /** Advances the operation pointer (address and op index) by opAdvance operations. */
    private void advance(long opAdvance, Program p) {
        long op = opIndex + opAdvance;
        addr += (long) p.minInstructionLength * (op / p.maxOps);
        opIndex = op % p.maxOps;
    }

    /** Reads a v2–4 file entry: 1 when read, 0 at the end of the list, -1 on error. */
    private int readFileEntry(DwarfBuf buf, List<String> directories) {
        String name = buf.string();
        if (buf.failed()) {
            return -1;
        }
        if (name.isEmpty()) {
            return 0;
        }
        long dirIndex = buf.uint();
        if (!DwarfPaths.isAbs(name)) {
            if (dirIndex < 0 || dirIndex >= directories.size()) {
                return -1;
            }
            name = made(d, DwarfPaths.join(directories.get((int) dirIndex), name));
        }
        buf.uint();
        buf.uint();
        files.add(name);
        return 1;
    }

    private static long[][] lnctFormat(DwarfBuf buf) {
        int count = buf.uint8();
        long[][] format = new long[count][];
        for (int i = 0; i < count; i++) {
            format[i] = new long[] {buf.uint(), buf.uint()};
        }
        return format;
    }

    /** Reads one directory or file entry of a v5 header: its path, or null on error. */
    private static String readLnct(DwarfData d, DwarfBuf buf, long[][] format, boolean dwarf64,
                                   List<String> directories) {
        String path = "";
        String dir = "";
        for (long[] lf : format) {
            String s = "";
            long val = 0;
            switch ((int) lf[1]) {
                case 0x08 -> s = buf.string();
                case 0x0e, 0x1f -> {
                    long off = dwarf64 ? buf.uint64() : buf.uint32();
                    DwarfBuf b1 = DwarfBuf.over(lf[1] == 0x0e ? d.str : d.lineStr, buf);
                    b1.skip(off);
                    s = made(d, b1.string());
                    if (b1.failed()) {
                        return null;
                    }
                }
                case 0x1d -> {
                    if (dwarf64) {
                        buf.uint64();
                    } else {
                        buf.uint32();
                    }
                }
                case 0x1a -> buf.uint();
                case 0x25 -> buf.uint8();
                case 0x26 -> buf.uint16();
                case 0x27 -> buf.uint24();
                case 0x28 -> buf.uint32();
                case 0x0b -> val = buf.uint8();
                case 0x05 -> val = buf.uint16();
                case 0x06 -> val = buf.uint32();
                case 0x07 -> val = buf.uint64();
                case 0x1e -> buf.bytes(16);
                case 0x09 -> buf.bytes(buf.uint());
                case 0x0f -> val = buf.uint();
                default -> { }
            }
            if (lf[0] == 1) {
                path = s;
            } else if (lf[0] == 2) {
                if (Long.compareUnsigned(val, directories.size()) >= 0) {
                    return null;
                }
                dir = directories.get((int) val);
            }
        }
        if (!dir.isEmpty() && !path.isEmpty()) {
            path = made(d, DwarfPaths.join(dir, path));
        }
        return path;
    }

    /** Go's SeekPC from a fresh reader: the row covering pc, or null when there is none. */
    Row seekPC(long pc) {
        int n = address.size();
        if (n == 0 || Long.compareUnsigned(address.get(0), pc) > 0) {
            return null;
        }
        long[] pm = prefixMax();
        // first i >= 1 whose address is past pc: prefix maxima are sorted, so search them
        int lo = 1;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(pm[mid], pc) > 0) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        if (lo >= n || endSequence.get(lo - 1)) {
            return null;
        }
        int f = file.get(lo - 1);
        return f < 0 || files.get(f) == null ? null : new Row(files.get(f), line.get(lo - 1));
    }

    /**
     * The row covering pc as a debugger finds it: the row whose address range (up to the next row of the
     * same sequence) contains pc; null when none does.
     */
    Row rowAt(long pc) {
        if (rows == null) {
            rows = new IntervalIndex();
            for (int i = 0; i + 1 < address.size(); i++) {
                if (!endSequence.get(i)) {
                    rows.add(address.get(i), address.get(i + 1), i);
                }
            }
        }
        int i = rows.first(pc, 0);
        return i < 0 ? null : new Row(file(file.get(i)), line.get(i));
    }

    /** The name of the file with this index in the table (as DW_AT_call_file and DW_AT_decl_file count), or "". */
    String file(long index) {
        if (index < 0 || index >= files.size() || files.get((int) index) == null) {
            return "";
        }
        return files.get((int) index);
    }

    private long[] prefixMax() {
        if (prefixMax == null) {
            long[] pm = new long[address.size()];
            long max = 0;
            for (int i = 1; i < pm.length; i++) {
                long a = address.get(i);
                max = i == 1 || Long.compareUnsigned(a, max) > 0 ? a : max;
                pm[i] = max;
            }
            prefixMax = pm;
        }
        return prefixMax;
    }
}
