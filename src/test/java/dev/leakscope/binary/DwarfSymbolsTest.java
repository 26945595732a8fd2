package dev.leakscope.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakscope.TestData;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every address of a binary's executable segment names the frame that {@code go tool pprof} names
 * for it (recorded by scripts/dwarf-goldens.py): the corpus's native binaries, and test binaries
 * built with DWARF 2, 4 and 5, zlib-compressed sections, PIE and not (src/test/resources/.../src).
 */
class DwarfSymbolsTest {
    static Stream<Path> binaries() throws URISyntaxException {
        Path here = Path.of(DwarfSymbolsTest.class.getResource("store-dwarf4.frames").toURI()).getParent();
        Path corpusBin = TestData.corpus("native", "bin");
        return Stream.of(corpusBin.resolve("leaky_gperf_heapprof"), corpusBin.resolve("leaky_jemalloc"),
                corpusBin.resolve("leaky_tcmalloc_sample"), here.resolve("store-dwarf4"),
                here.resolve("store-dwarf5-zlib"), here.resolve("store-dwarf2-O0"), here.resolve("store-nopie"));
    }

    @ParameterizedTest
    @MethodSource("binaries")
    void namesEveryAddressAsPprofDoes(Path binary) throws IOException, URISyntaxException {
        Path golden = Path.of(getClass().getResource(binary.getFileName() + ".frames").toURI());
        DwarfSymbols symbols = DwarfSymbols.of(DwarfData.of(ElfFile.open(binary, 1L << 30)));
        assertNotNull(symbols, "DWARF of " + binary);
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (String line : Files.readAllLines(golden)) {
            if (line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(" ", 3);
            long start = Long.parseUnsignedLong(f[0], 16);
            long end = Long.parseUnsignedLong(f[1], 16);
            for (long a = start; a < end; a++) {
                DwarfSymbols.Frame frame = symbols.frame(a);
                String got = frame == null ? "-" : frame.function() + "\t" + frame.file() + "\t" + frame.line();
                checked++;
                if (!got.equals(f[2]) && mismatches.size() < 10) {
                    mismatches.add(Long.toHexString(a) + ": expected " + f[2] + " got " + got);
                }
            }
        }
        assertTrue(checked > 1000, "addresses checked: " + checked);
        assertEquals(List.of(), mismatches);
    }
}
