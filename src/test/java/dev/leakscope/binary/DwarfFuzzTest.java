package dev.leakscope.binary;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Any bytes as DWARF sections, without an ELF file around them, through both readers ({@link DwarfSymbols},
 * pprof's, and {@link DwarfFrames}, a debugger's): decoding the units and abbreviations, indexing units,
 * functions and inlined calls, and line tables as addresses are looked up. Whatever the sections, there
 * are symbols or none, and an address gets frames or none, never an exception.
 *
 * <p>Input: for each section of {@link #SECTIONS} in order, a 16-bit little-endian length (0xffff: no
 * such section) and that many bytes; then addresses, 8 bytes little-endian each (at most 16).
 * src/test/resources/dev/leakscope/binary/src/fuzz-seeds.sh writes seeds from real binaries.
 */
class DwarfFuzzTest {
    static final String[] SECTIONS = {"info", "abbrev", "str", "line", "ranges", "addr", "line_str",
        "str_offsets", "rnglists"};
    private static final long[] FIXED = {0, 1, 0x1000, 0x1139, 0x401000, -1L};

    @FuzzTest(maxDuration = "10m")
    void decode(byte[] data) {
        Map<String, byte[]> sections = new HashMap<>();
        int at = 0;
        for (String name : SECTIONS) {
            if (at + 2 > data.length) {
                break;
            }
            int n = (data[at] & 0xff) | (data[at + 1] & 0xff) << 8;
            at += 2;
            if (n == 0xffff) {
                continue;
            }
            n = Math.min(n, data.length - at);
            sections.put(name, Arrays.copyOfRange(data, at, at + n));
            at += n;
        }
        DwarfSymbols symbols = DwarfSymbols.of(DwarfData.of(sections));
        DwarfFrames frames = DwarfFrames.of(DwarfData.of(sections));
        for (long a : FIXED) {
            lookUp(symbols, frames, a);
        }
        for (int i = 0; i < 16 && at + 8 <= data.length; i++, at += 8) {
            long a = 0;
            for (int k = 7; k >= 0; k--) {
                a = a << 8 | (data[at + k] & 0xff);
            }
            lookUp(symbols, frames, a);
            lookUp(symbols, frames, a + 1);
        }
    }

    private static void lookUp(DwarfSymbols symbols, DwarfFrames frames, long address) {
        if (symbols != null) {
            symbols.frame(address);
        }
        if (frames != null) {
            frames.frames(address);
        }
    }
}
