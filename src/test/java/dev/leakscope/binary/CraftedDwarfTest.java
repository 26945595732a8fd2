package dev.leakscope.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.leakscope.HangGuard;
import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Small crafted DWARF (DWARF 4, 64-bit addresses) that makes Go's reader, and a plain port of it, work
 * or allocate in proportion to the square of its size: tables shared or overlapping, long strings named
 * by many entries, units without entries. Each decodes in well under a second: with frames where the
 * DWARF is merely odd, without any where it can only be crafted (over the budget of DwarfData#charge).
 */
class CraftedDwarfTest {
    private static final int FORM_ADDR = 0x01;
    private static final int FORM_DATA4 = 0x06;
    private static final int FORM_STRING = 0x08;
    private static final int FORM_FLAG_PRESENT = 0x19;
    private static final int FORM_STRP = 0x0e;
    private static final int FORM_SEC_OFFSET = 0x17;
    private static final int TAG_CU = 0x11;
    private static final int TAG_SUBPROGRAM = 0x2e;

    /** Units whose abbreviation tables start one declaration apart in one long table: each parses to its end. */
    @Test
    void overlappingAbbreviationTables() {
        int n = 100_000;
        Bytes abbrev = new Bytes();
        for (int i = 0; i < n; i++) {
            abbrev.uleb(1).uleb(TAG_CU).u8(0).uleb(0).uleb(0);
        }
        Bytes info = new Bytes();
        for (int i = 0; i < n; i++) {
            info.u32(8).u16(4).u32(5L * i).u8(8).u8(0);
        }
        assertTimeoutPreemptively(HangGuard.LIMIT, () -> assertNull(DwarfSymbols.of(DwarfData.of(sections(info, abbrev)))));
    }

    /** Named functions that all share one long range list: every one of them would index all of it. */
    @Test
    void rangeListSharedByManyFunctions() {
        int functions = 20_000;
        int pairs = 20_000;
        Bytes abbrev = new Bytes();
        abbrev.uleb(1).uleb(TAG_CU).u8(1).uleb(0).uleb(0);
        abbrev.uleb(2).uleb(TAG_SUBPROGRAM).u8(0).uleb(0x03).uleb(FORM_STRING).uleb(0x55).uleb(FORM_SEC_OFFSET)
                .uleb(0).uleb(0).uleb(0);
        Bytes entries = new Bytes().uleb(1);
        for (int i = 0; i < functions; i++) {
            entries.uleb(2).bytes("f\0").u32(0);
        }
        entries.u8(0);
        Bytes ranges = new Bytes();
        for (int i = 0; i < pairs; i++) {
            ranges.u64(16L * i + 16).u64(16L * i + 24);
        }
        ranges.u64(0).u64(0);
        Map<String, byte[]> s = sections(unit(entries), abbrev);
        s.put("ranges", ranges.toArray());
        assertTimeoutPreemptively(HangGuard.LIMIT, () -> assertNull(DwarfSymbols.of(DwarfData.of(s))));
    }

    /** Units that all name one long line table: each address looked up in another unit decodes it again. */
    @Test
    void lineTableSharedByManyUnits() {
        int units = 2_000;
        int rows = 200_000;
        Bytes abbrev = new Bytes();
        abbrev.uleb(1).uleb(TAG_CU).u8(0).uleb(0x11).uleb(FORM_ADDR).uleb(0x12).uleb(FORM_DATA4)
                .uleb(0x10).uleb(FORM_SEC_OFFSET).uleb(0).uleb(0).uleb(0);
        Bytes info = new Bytes();
        for (int i = 0; i < units; i++) {
            info.bytes(unit(new Bytes().uleb(1).u64(0x1000L * i).u32(0x1000).u32(0)).toArray());
        }
        Bytes program = new Bytes().u8(0).uleb(9).u8(2).u64(0).u8(1);
        for (int i = 0; i < rows; i++) {
            program.u8(0x20);
        }
        program.u8(0).uleb(1).u8(1);
        Map<String, byte[]> s = sections(info, abbrev);
        s.put("line", lineTable(program).toArray());
        assertTimeoutPreemptively(HangGuard.LIMIT, () -> {
            DwarfSymbols symbols = DwarfSymbols.of(DwarfData.of(s));
            assertNotNull(symbols);
            assertEquals(new DwarfSymbols.Frame("", "a.c", 1), symbols.frame(0));
            for (int i = 0; i < units; i++) {
                symbols.frame(0x1000L * i);
            }
            assertNull(symbols.frame(0), "no frames once over the budget");
        });
    }

    /** Many functions named by one long string: it is read for the frames that name it, not per function. */
    @Test
    void longNameSharedByManyFunctions() {
        int functions = 50_000;
        Bytes abbrev = new Bytes();
        abbrev.uleb(1).uleb(TAG_CU).u8(1).uleb(0x11).uleb(FORM_ADDR).uleb(0x12).uleb(FORM_DATA4)
                .uleb(0x10).uleb(FORM_SEC_OFFSET).uleb(0).uleb(0);
        abbrev.uleb(2).uleb(TAG_SUBPROGRAM).u8(0).uleb(0x03).uleb(FORM_STRP).uleb(0x11).uleb(FORM_ADDR)
                .uleb(0x12).uleb(FORM_DATA4).uleb(0).uleb(0).uleb(0);
        Bytes entries = new Bytes().uleb(1).u64(0).u32(16 * functions).u32(0);
        for (int i = 0; i < functions; i++) {
            entries.uleb(2).u32(0).u64(16L * i).u32(16);
        }
        entries.u8(0);
        String name = "n".repeat(1 << 20);
        Map<String, byte[]> s = sections(unit(entries), abbrev);
        s.put("str", (name + "\0").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        s.put("line", lineTable(new Bytes().u8(0).uleb(9).u8(2).u64(0).u8(1).u8(2).uleb(16L * functions)
                .u8(0).uleb(1).u8(1)).toArray());
        assertTimeoutPreemptively(HangGuard.LIMIT, () -> {
            DwarfSymbols symbols = DwarfSymbols.of(DwarfData.of(s));
            assertNotNull(symbols);
            assertEquals(new DwarfSymbols.Frame(name, "a.c", 1), symbols.frame(16));
        });
    }

    /** Many units without entries: Go's reader reads on from each into the next, to the one unit that has some. */
    @Test
    void manyUnitsWithoutEntries() {
        int empty = 200_000;
        Bytes abbrev = new Bytes();
        abbrev.uleb(1).uleb(TAG_CU).u8(0).uleb(0x11).uleb(FORM_ADDR).uleb(0x12).uleb(FORM_DATA4)
                .uleb(0x10).uleb(FORM_SEC_OFFSET).uleb(0).uleb(0).uleb(0);
        Bytes info = new Bytes();
        for (int i = 0; i < empty; i++) {
            info.u32(7).u16(4).u32(0).u8(8);
        }
        info.bytes(unit(new Bytes().uleb(1).u64(0x1000).u32(0x1000).u32(0)).toArray());
        Map<String, byte[]> s = sections(info, abbrev);
        s.put("line", lineTable(new Bytes().u8(0).uleb(9).u8(2).u64(0x1000).u8(1).u8(2).uleb(16).u8(0).uleb(1).u8(1))
                .toArray());
        assertTimeoutPreemptively(HangGuard.LIMIT, () -> {
            DwarfSymbols symbols = DwarfSymbols.of(DwarfData.of(s));
            assertNotNull(symbols);
            assertEquals(new DwarfSymbols.Frame("", "a.c", 1), symbols.frame(0x1000));
        });
    }

    /** A compile unit entry of many attributes, read (and searched) again for every function's ranges. */
    @Test
    void wideCompileUnitEntry() {
        int attributes = 50_000;
        int functions = 50_000;
        Bytes abbrev = new Bytes();
        abbrev.uleb(1).uleb(TAG_CU).u8(1);
        for (int i = 0; i < attributes; i++) {
            abbrev.uleb(0x3fff).uleb(FORM_FLAG_PRESENT);
        }
        abbrev.uleb(0).uleb(0);
        abbrev.uleb(2).uleb(TAG_SUBPROGRAM).u8(0).uleb(0x03).uleb(FORM_STRING).uleb(0x55).uleb(FORM_SEC_OFFSET)
                .uleb(0).uleb(0).uleb(0);
        Bytes entries = new Bytes().uleb(1);
        for (int i = 0; i < functions; i++) {
            entries.uleb(2).bytes("f\0").u32(0);
        }
        entries.u8(0);
        Map<String, byte[]> s = sections(unit(entries), abbrev);
        s.put("ranges", new Bytes().u64(16).u64(32).u64(0).u64(0).toArray());
        assertTimeoutPreemptively(HangGuard.LIMIT, () -> assertNotNull(DwarfSymbols.of(DwarfData.of(s))));
    }

    private static Map<String, byte[]> sections(Bytes info, Bytes abbrev) {
        Map<String, byte[]> s = new HashMap<>();
        s.put("info", info.toArray());
        s.put("abbrev", abbrev.toArray());
        return s;
    }

    /** A DWARF 4 unit (abbreviations at 0, 8-byte addresses) holding these entries. */
    private static Bytes unit(Bytes entries) {
        byte[] e = entries.toArray();
        return new Bytes().u32(7 + e.length).u16(4).u32(0).u8(8).bytes(e);
    }

    /** A DWARF 4 line table with one file, a.c, and this program. */
    private static Bytes lineTable(Bytes program) {
        Bytes header = new Bytes().u8(1).u8(1).u8(1).u8(-5).u8(14).u8(13);
        for (int length : new int[] {0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 1}) {
            header.u8(length);
        }
        header.u8(0).bytes("a.c\0").uleb(0).uleb(0).uleb(0).u8(0);
        byte[] h = header.toArray();
        byte[] p = program.toArray();
        return new Bytes().u32(2 + 4 + h.length + p.length).u16(4).u32(h.length).bytes(h).bytes(p);
    }

    /** Little-endian bytes. */
    private static final class Bytes {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Bytes u8(int v) {
            out.write(v);
            return this;
        }

        Bytes u16(int v) {
            return u8(v).u8(v >> 8);
        }

        Bytes u32(long v) {
            return u16((int) v).u16((int) (v >> 16));
        }

        Bytes u64(long v) {
            return u32(v).u32(v >>> 32);
        }

        Bytes uleb(long v) {
            do {
                int b = (int) (v & 0x7f);
                v >>>= 7;
                out.write(v != 0 ? b | 0x80 : b);
            } while (v != 0);
            return this;
        }

        Bytes bytes(String s) {
            return bytes(s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        }

        Bytes bytes(byte[] b) {
            out.writeBytes(b);
            return this;
        }

        byte[] toArray() {
            return out.toByteArray();
        }
    }
}
