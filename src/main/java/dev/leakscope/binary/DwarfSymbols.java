package dev.leakscope.binary;

import dev.leakscope.util.IntList;
import dev.leakscope.util.LongList;
import java.util.HashMap;
import java.util.Map;

/**
 * What {@code go tool pprof} finds in a binary's DWARF for an address, reproduced exactly (its
 * objTool, in Go's cmd/pprof): the compile unit covering the address, the line table row covering it,
 * and for a name the first subprogram after that unit's entry, in entry order, whose ranges cover the
 * address and which has its own DW_AT_name. So out-of-line C++ methods and inlined frames get no name
 * (their DIEs name themselves through DW_AT_specification or DW_AT_abstract_origin), only a file and
 * line; there is one frame per address, never an inlined chain.
 *
 * <p>pprof scans the entries linearly for every address; here units and subprograms are indexed once,
 * in one pass, so that a lookup costs a few binary searches. Where Go's reader stops (an entry it cannot
 * decode) or fails (a range list it cannot read), the index records it so lookups stop or fail at the
 * same place. DWARF crafted to cost far more than its size to decode (tables shared or overlapping:
 * see {@link DwarfData#charge}) gives no frames, where Go would take hours or run out of memory.
 */
public final class DwarfSymbols {
    private final DwarfData d;
    /** Per unit: the entry SeekPC reads first (null when SeekPC gives up there), and its unit. */
    private final DwarfEntry[] firstEntry;
    private final int[] firstEntryUnit;
    private int firstAbort = Integer.MAX_VALUE;
    private final IntervalIndex units = new IntervalIndex();
    private final Map<Integer, DwarfLineTable> lineTables = new HashMap<>();
    private final Map<Integer, Boolean> noLineTable = new HashMap<>();

    // named subprograms, stops and failures, numbered in entry order over all units (index in names)
    private final IntervalIndex subprograms = new IntervalIndex();
    /** The names of subprograms as string references (decoded when a frame names them); -1 for the others. */
    private final LongList names = new LongList();
    /** The names frames gave, by reference: each read once, however many addresses it names. */
    private final Map<Long, String> nameStrings = new HashMap<>();
    /** Numbers of the scan's stops (undecodable entry: no name) and failures (bad ranges: no frame). */
    private final IntList stops = new IntList();
    private final IntList failures = new IntList();
    private final int[] unitStart;

    /** A source location: function name (possibly empty), file and line. */
    public record Frame(String function, String file, long line) {
    }

    private DwarfSymbols(DwarfData d) {
        this.d = d;
        int n = d.units.size();
        firstEntry = new DwarfEntry[n];
        firstEntryUnit = new int[n];
        unitStart = new int[n];
        indexUnits();
        indexSubprograms();
    }

    /** pprof's view of this DWARF, or null when there is none or Go would fail to read it. */
    static DwarfSymbols of(DwarfData d) {
        try {
            return d == null ? null : new DwarfSymbols(d);
        } catch (BinaryFormatException e) {
            return null;
        }
    }

    private void indexUnits() {
        int n = d.units.size();
        int i = 0;
        while (i < n) {
            // Go's reader reads on from a unit without entries into the next: units i..u all find unit u's
            // first entry, so only i, the first of them, can be the first whose ranges hold an address
            int u = i;
            while (u < n && d.units.get(u).off() == d.units.get(u).end()) {
                u++;
            }
            int next = u + 1;
            DwarfEntry e = null;
            if (u < n) {
                DwarfData.Unit unit = d.units.get(u);
                DwarfBuf b = unit.buf(d, unit.off());
                e = d.entry(b, null, unit);
                if (b.failed() || e == null || e.tag == 0) {
                    e = null;
                }
            }
            long[] r = null;
            if (e != null) {
                try {
                    r = d.ranges(e);
                } catch (BinaryFormatException ex) {
                    if (d.exhausted()) {
                        throw ex;
                    }
                    e = null;
                }
            }
            if (e == null) {
                firstAbort = Math.min(firstAbort, i);
            } else {
                firstEntry[i] = e;
                firstEntryUnit[i] = u;
                for (int k = 0; k + 1 < r.length; k += 2) {
                    units.add(r[k], r[k + 1], i);
                }
            }
            i = next;
        }
    }

    /**
     * One pass over every unit's entries in the order Go's Reader.Next gives them. A lookup scans from
     * just after the first entry of the unit SeekPC chose, so unitStart numbers the entries that follow
     * each unit's first one.
     */
    private void indexSubprograms() {
        for (int ui = 0; ui < d.units.size(); ui++) {
            DwarfData.Unit unit = d.units.get(ui);
            DwarfBuf b = unit.buf(d, unit.off());
            DwarfEntry cu = null;
            boolean first = true;
            unitStart[ui] = names.size();
            while (b.remaining() > 0) {
                int before = b.pos;
                DwarfEntry e = d.entry(b, cu, unit);
                if (b.failed() || e == null || (e.tag == 0 && b.pos == before)) {
                    // Go stops here (an entry it cannot decode; a varint that never ends loops forever)
                    stops.add(names.size());
                    names.add(-1);
                    break;
                }
                if (e.tag == DwarfData.TAG_COMPILE_UNIT || e.tag == DwarfData.TAG_PARTIAL_UNIT) {
                    cu = e;
                }
                if (e.tag == DwarfData.TAG_SUBPROGRAM) {
                    indexSubprogram(e);
                }
                if (first) {
                    first = false;
                    unitStart[ui] = names.size();
                }
            }
        }
    }

    /** Numbers a subprogram as a failure (ranges Go cannot read) or, when named, a candidate. */
    private void indexSubprogram(DwarfEntry e) {
        long[] r;
        try {
            r = d.ranges(e);
        } catch (BinaryFormatException ex) {
            if (d.exhausted()) {
                throw ex;
            }
            failures.add(names.size());
            names.add(-1);
            return;
        }
        long name = e.stringRef(DwarfData.AT_NAME);
        if (name < 0 || r.length == 0) {
            return;
        }
        for (int k = 0; k + 1 < r.length; k += 2) {
            subprograms.add(r[k], r[k + 1], names.size());
        }
        names.add(name);
    }

    /** The frame pprof gives an address of this file (already relative to the file), or null. */
    public Frame frame(long pc) {
        if (d.exhausted()) {
            return null;
        }
        int unit = units.first(pc, 0);
        if (unit < 0 || firstAbort < unit) {
            return null;
        }
        int u = firstEntryUnit[unit];
        DwarfLineTable lines = lineTable(u, firstEntry[unit]);
        if (lines == null) {
            return null;
        }
        DwarfLineTable.Row row = lines.seekPC(pc);
        if (row == null) {
            return null;
        }
        int from = unitStart[u];
        int candidate = subprograms.first(pc, from);
        int stop = firstAtOrAfter(stops, from);
        int failure = firstAtOrAfter(failures, from);
        int end = Math.min(stop, failure);
        if (candidate >= 0 && candidate < end) {
            return new Frame(nameStrings.computeIfAbsent(names.get(candidate), d::string), row.file(), row.line());
        }
        if (failure < stop) {
            return null;
        }
        return new Frame("", row.file(), row.line());
    }

    private DwarfLineTable lineTable(int unit, DwarfEntry cu) {
        DwarfLineTable t = lineTables.get(unit);
        if (t == null && !noLineTable.containsKey(unit)) {
            try {
                t = DwarfLineTable.of(d, cu);
            } catch (BinaryFormatException e) {
                return null; // over the budget: no more frames from this binary
            }
            if (t == null) {
                noLineTable.put(unit, true);
            } else {
                lineTables.put(unit, t);
            }
        }
        return t;
    }

    private static int firstAtOrAfter(IntList sorted, int from) {
        int lo = 0;
        int hi = sorted.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted.get(mid) < from) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo < sorted.size() ? sorted.get(lo) : Integer.MAX_VALUE;
    }
}
