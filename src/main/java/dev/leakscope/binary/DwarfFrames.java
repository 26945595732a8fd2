package dev.leakscope.binary;

import dev.leakscope.util.IntList;
import dev.leakscope.util.LongList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a debugger says about an address of a binary: the chain of inlined calls it is in, innermost
 * first, each with its qualified name ({@code app::SessionCache::Insert}: the names of the enclosing
 * namespaces and classes, followed through DW_AT_specification and DW_AT_abstract_origin, without
 * parameters) and its file and line (the line table's row for the innermost frame, the call site's
 * DW_AT_call_file and DW_AT_call_line for its callers), as {@code addr2line -i -f -C} gives them.
 *
 * <p>One pass over .debug_info keeps only what lookups need: the functions and scopes that name
 * things, and the concrete functions and inlined calls with their address ranges, indexed so that a
 * lookup finds the outermost function containing the address and walks down its inlined calls.
 */
public final class DwarfFrames {
    private static final int TAG_CLASS = 0x02;
    private static final int TAG_INLINED = 0x1d;
    private static final int TAG_STRUCT = 0x13;
    private static final int TAG_UNION = 0x17;
    private static final int TAG_NAMESPACE = 0x39;
    private static final int AT_ABSTRACT_ORIGIN = 0x31;
    private static final int AT_SPECIFICATION = 0x47;
    private static final int AT_CALL_FILE = 0x58;
    private static final int AT_CALL_LINE = 0x59;
    private static final int AT_LINKAGE_NAME = 0x6e;
    private static final int AT_MIPS_LINKAGE_NAME = 0x2007;
    /** References followed to find a name, at most (a chain in a crafted file could loop). */
    private static final int MAX_REFERENCES = 16;
    /** Enclosing scopes named, at most. */
    private static final int MAX_SCOPES = 64;

    private final DwarfData d;

    // entries that name things (functions, namespaces, classes), by offset
    private final Map<Integer, Integer> named = new HashMap<>();
    private final List<String> name = new ArrayList<>();
    private final IntList scope = new IntList();
    private final IntList specification = new IntList();
    private final IntList origin = new IntList();
    private final IntList tag = new IntList();

    // code: concrete functions and inlined calls with addresses
    private final IntervalIndex outermost = new IntervalIndex();
    private final List<long[]> ranges = new ArrayList<>();
    private final IntList codeNamedBy = new IntList();
    private final IntList codeUnit = new IntList();
    private final LongList callFile = new LongList();
    private final LongList callLine = new LongList();
    private final List<IntList> children = new ArrayList<>();

    private final Map<Integer, DwarfLineTable> lineTables = new HashMap<>();
    private final Map<Integer, String> names = new HashMap<>();

    private DwarfFrames(DwarfData d) {
        this.d = d;
        for (int u = 0; u < d.units.size(); u++) {
            indexUnit(u);
        }
    }

    /** A debugger's view of this DWARF, or null when there is none or it cannot be read. */
    static DwarfFrames of(DwarfData d) {
        try {
            return d == null ? null : new DwarfFrames(d);
        } catch (BinaryFormatException e) {
            return null;
        }
    }

    /** Entries of a unit, with the stack of the entries whose children are being read. */
    private void indexUnit(int unitIndex) {
        DwarfData.Unit unit = d.units.get(unitIndex);
        DwarfBuf b = unit.buf(d, unit.off());
        DwarfEntry cu = null;
        IntList openScope = new IntList();
        IntList openCode = new IntList();
        while (b.remaining() > 0) {
            int before = b.pos;
            DwarfEntry e = d.entry(b, cu, unit);
            if (b.failed() || e == null || (e.tag == 0 && b.pos == before)) {
                return;
            }
            if (e.tag == 0) {
                if (openScope.size() > 0) {
                    openScope.truncate(openScope.size() - 1);
                    openCode.truncate(openCode.size() - 1);
                }
                continue;
            }
            if (e.tag == DwarfData.TAG_COMPILE_UNIT || e.tag == DwarfData.TAG_PARTIAL_UNIT) {
                cu = e;
            }
            int enclosingScope = openScope.size() > 0 ? openScope.get(openScope.size() - 1) : -1;
            int enclosingCode = openCode.size() > 0 ? openCode.get(openCode.size() - 1) : -1;
            boolean isScope = e.tag == TAG_NAMESPACE || e.tag == TAG_CLASS || e.tag == TAG_STRUCT
                    || e.tag == TAG_UNION;
            if (isScope || e.tag == DwarfData.TAG_SUBPROGRAM) {
                named.put(e.offset, name.size());
                String own = d.string(e, DwarfData.AT_NAME);
                if (own == null) {
                    String linkage = d.string(e, AT_LINKAGE_NAME);
                    own = linkage != null ? linkage : d.string(e, AT_MIPS_LINKAGE_NAME);
                    own = own == null ? null : "\0" + own; // a fallback, used only when no reference names it
                }
                name.add(own);
                scope.add(enclosingScope);
                specification.add(ref(e, AT_SPECIFICATION));
                origin.add(ref(e, AT_ABSTRACT_ORIGIN));
                tag.add(e.tag);
            }
            int code = -1;
            if (e.tag == DwarfData.TAG_SUBPROGRAM || e.tag == TAG_INLINED) {
                code = indexCode(e, unitIndex, e.tag == TAG_INLINED ? enclosingCode : -1);
            }
            if (e.children) {
                openScope.add(isScope ? named.get(e.offset) : enclosingScope);
                openCode.add(code >= 0 ? code : enclosingCode);
            }
        }
    }

    /** Records a function or inlined call that has addresses; its index, or -1. */
    private int indexCode(DwarfEntry e, int unit, int parent) {
        long[] r;
        try {
            r = d.ranges(e);
        } catch (BinaryFormatException ex) {
            if (d.exhausted()) {
                throw ex;
            }
            return -1;
        }
        if (r.length == 0) {
            return -1;
        }
        int code = ranges.size();
        ranges.add(r);
        codeNamedBy.add(e.tag == TAG_INLINED ? ref(e, AT_ABSTRACT_ORIGIN) : e.offset);
        codeUnit.add(unit);
        callFile.add(e.has(AT_CALL_FILE, DwarfEntry.I64) ? e.num(AT_CALL_FILE) : -1);
        callLine.add(e.has(AT_CALL_LINE, DwarfEntry.I64) ? e.num(AT_CALL_LINE) : 0);
        children.add(null);
        if (parent >= 0) {
            IntList siblings = children.get(parent);
            if (siblings == null) {
                siblings = new IntList();
                children.set(parent, siblings);
            }
            siblings.add(code);
        } else {
            for (int k = 0; k + 1 < r.length; k += 2) {
                outermost.add(r[k], r[k + 1], code);
            }
        }
        return code;
    }

    private static int ref(DwarfEntry e, int attribute) {
        int f = e.field(attribute);
        return f >= 0 && e.kind[f] == DwarfEntry.REF && e.num[f] >= 0 && e.num[f] <= Integer.MAX_VALUE
                ? (int) e.num[f] : -1;
    }

    /** The frames of a file-relative address, innermost first; empty when no function contains it. */
    public List<DwarfSymbols.Frame> frames(long pc) {
        if (d.exhausted()) {
            return List.of();
        }
        int outer = outermost.first(pc, 0);
        if (outer < 0) {
            return List.of();
        }
        IntList chain = new IntList();
        chain.add(outer);
        for (int c = outer; c >= 0 && chain.size() <= ranges.size(); ) {
            c = childContaining(c, pc);
            if (c >= 0) {
                chain.add(c);
            }
        }
        DwarfLineTable lines = lineTable(codeUnit.get(outer));
        DwarfLineTable.Row row = lines == null ? null : lines.rowAt(pc);
        List<DwarfSymbols.Frame> frames = new ArrayList<>(chain.size());
        String file = row == null ? "" : row.file();
        long line = row == null ? 0 : row.line();
        for (int i = chain.size() - 1; i >= 0; i--) {
            int c = chain.get(i);
            frames.add(new DwarfSymbols.Frame(nameOf(codeNamedBy.get(c)), file, line));
            file = lines == null ? "" : lines.file(callFile.get(c));
            line = callLine.get(c);
        }
        return frames;
    }

    private int childContaining(int code, long pc) {
        IntList kids = children.get(code);
        if (kids == null) {
            return -1;
        }
        for (int i = 0; i < kids.size(); i++) {
            long[] r = ranges.get(kids.get(i));
            for (int k = 0; k + 1 < r.length; k += 2) {
                if (Long.compareUnsigned(r[k], pc) <= 0 && Long.compareUnsigned(pc, r[k + 1]) < 0) {
                    return kids.get(i);
                }
            }
        }
        return -1;
    }

    /** The qualified name of the entry at this offset, found through specifications and origins. */
    private String nameOf(int offset) {
        return names.computeIfAbsent(offset, this::resolveName);
    }

    private String resolveName(int offset) {
        String fallback = "";
        int at = offset;
        for (int hops = 0; hops < MAX_REFERENCES && at >= 0; hops++) {
            Integer i = named.get(at);
            if (i == null) {
                break;
            }
            String own = name.get(i);
            if (own != null && !own.startsWith("\0")) {
                return qualified(i, own);
            }
            if (own != null && fallback.isEmpty()) {
                fallback = own.substring(1);
            }
            at = specification.get(i) >= 0 ? specification.get(i) : origin.get(i);
        }
        return fallback;
    }

    private String qualified(int entry, String own) {
        StringBuilder s = new StringBuilder(own);
        int sc = scope.get(entry);
        for (int n = 0; sc >= 0 && n < MAX_SCOPES; n++, sc = scope.get(sc)) {
            String part = name.get(sc);
            if (part == null || part.startsWith("\0")) {
                if (tag.get(sc) != TAG_NAMESPACE) {
                    continue;
                }
                part = "(anonymous namespace)";
            }
            s.insert(0, part + "::");
        }
        return s.toString();
    }

    private DwarfLineTable lineTable(int unit) {
        return lineTables.computeIfAbsent(unit, u -> {
            DwarfData.Unit du = d.units.get(u);
            DwarfBuf b = du.buf(d, du.off());
            DwarfEntry cu = d.entry(b, null, du);
            try {
                return b.failed() || cu == null || cu.tag == 0 ? null : DwarfLineTable.of(d, cu);
            } catch (BinaryFormatException e) {
                return null; // over the budget: no more frames from this binary
            }
        });
    }
}
