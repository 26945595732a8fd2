package dev.leakscope.binary;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every address of a binary's executable segment gets the inline chain GNU addr2line ({@code -i -f -C})
 * gives it (recorded by scripts/dwarf-frames-goldens.py), function names compared after taking from
 * addr2line's demangled names what DWARF names do not have: the parameter list and what follows it
 * ({@code const}), a template function's return type, ABI tags ({@code [abi:cxx11]}). Files, lines
 * and the number of frames must be equal. The only differences allowed are those of where the names
 * come from, each counted:
 * <ul>
 *   <li>addr2line names an address outside every DWARF function (alignment padding after a function,
 *       start-up code) from the ELF symbol table or the line table; leakscope gives it no frame;
 *   <li>GCC's DWARF names a template constructor {@code basic_string<>}, addr2line prints the template
 *       arguments of the mangled name: names are compared without template arguments then;
 *   <li>a lambda's closure type has no name in DWARF ({@code operator()}), addr2line prints
 *       {@code f()::{lambda(int)#1}::operator()} from the mangled name;
 *   <li>static initialisation: addr2line names {@code _GLOBAL__sub_I_file} where DWARF names the inlined
 *       {@code __static_initialization_and_destruction_0};
 *   <li>at some addresses of an inlined call addr2line gives the innermost frame its caller's name
 *       (main, at a line of stdlib.h's atoi); leakscope names the inlined function the line is in;
 *   <li>in DWARF 5 line tables addr2line 2.40 sometimes gives a line of a header
 *       ({@code stl_tree.h:2107}) the unit's own source file ({@code store.cc:2107}, a 38-line file);
 *       leakscope gives the header.
 * </ul>
 */
class DwarfFramesTest {
    static java.util.stream.Stream<Path> binaries() throws URISyntaxException {
        return DwarfSymbolsTest.binaries();
    }

    @ParameterizedTest
    @MethodSource("binaries")
    void givesTheInlineChainsAddr2lineGives(Path binary) throws IOException, URISyntaxException {
        Path golden = Path.of(getClass().getResource(binary.getFileName() + ".inline").toURI());
        DwarfFrames frames = DwarfFrames.of(DwarfData.of(ElfFile.open(binary, 1L << 30)));
        assertNotNull(frames, "DWARF of " + binary);
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        int matched = 0;
        int explained = 0;
        for (String line : Files.readAllLines(golden)) {
            if (line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(" ", 3);
            String expected = expected(f[2]);
            for (long a = Long.parseUnsignedLong(f[0], 16); a < Long.parseUnsignedLong(f[1], 16); a++) {
                String got = render(frames.frames(a));
                checked++;
                if (got.equals(expected)) {
                    matched++;
                } else if (explained(expected, got)) {
                    explained++;
                } else if (mismatches.size() < 30) {
                    mismatches.add(binary.getFileName() + " " + Long.toHexString(a) + ":\n  addr2line " + expected + "\n  leakscope " + got);
                }
            }
        }
        System.out.printf("%s: %d addresses, %d as addr2line, %d differing only in where names come from%n",
                binary.getFileName(), checked, matched, explained);
        assertTrue(checked > 1000, "addresses checked: " + checked);
        assertTrue(mismatches.isEmpty(), String.join("\n", mismatches));
    }

    /** Whether a difference is one of the known ones (see the class comment). */
    private static boolean explained(String expected, String got) {
        if (got.equals("-")) {
            return !expected.contains(" | ");
        }
        String[] e = expected.split(" \\| ");
        String[] g = got.split(" \\| ");
        if (e.length != g.length) {
            return false;
        }
        for (int i = 0; i < e.length; i++) {
            String[] ef = e[i].split("\t", -1);
            String[] gf = g[i].split("\t", -1);
            boolean callerNamed = i == 0 && e.length > 1 && ef[0].equals(e[1].split("\t", -1)[0]);
            boolean sameFile = ef[1].equals(gf[1]) || (ef[1].endsWith(".cc") && !gf[1].endsWith(".cc"));
            if (!sameFile || !ef[2].equals(gf[2]) || !(callerNamed || sameFunction(ef[0], gf[0]))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameFunction(String addr2line, String leakscope) {
        return withoutTemplateArguments(addr2line).equals(withoutTemplateArguments(leakscope))
                || (addr2line.contains("{lambda") && leakscope.endsWith("operator()"))
                || (addr2line.startsWith("_GLOBAL__sub_I_")
                    && leakscope.equals("__static_initialization_and_destruction_0"));
    }

    private static String withoutTemplateArguments(String name) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        for (char c : name.toCharArray()) {
            if (c == '<') {
                depth++;
            } else if (c == '>' && depth > 0) {
                depth--;
            } else if (depth == 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String render(List<DwarfSymbols.Frame> frames) {
        List<String> out = new ArrayList<>();
        for (DwarfSymbols.Frame f : frames) {
            out.add(f.function() + "\t" + f.file() + "\t" + f.line());
        }
        return out.isEmpty() ? "-" : String.join(" | ", out);
    }

    /**
     * addr2line's answer as leakscope gives it. An address outside every function of the DWARF gets no
     * frame from leakscope, where addr2line names the ELF symbol around it (with line 0).
     */
    private static String expected(String frames) {
        if (frames.equals("-") || frames.matches("[^\t]*\t[^\t]*\t0")) {
            return "-";
        }
        List<String> out = new ArrayList<>();
        for (String frame : frames.split(" \\| ")) {
            String[] f = frame.split("\t", -1);
            out.add(dwarfName(f[0]) + "\t" + f[1] + "\t" + f[2]);
        }
        return String.join(" | ", out);
    }

    /** addr2line's demangled name as DWARF names the function. */
    static String dwarfName(String demangled) {
        String s = demangled.replace("[abi:cxx11]", "").replace("(anonymous namespace)", "\u0001");
        // the parameter list: the last top-level (...) group, and the qualifiers after it
        int depth = 0;
        int open = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '<') {
                depth++;
            } else if (c == '>' && depth > 0) {
                depth--;
            } else if (c == '(' && depth == 0 && !s.startsWith("operator", Math.max(0, i - 8))) {
                open = i;
                break;
            }
        }
        if (open >= 0) {
            s = s.substring(0, open);
        }
        // a template function's return type: the text before the last top-level space
        depth = 0;
        int cut = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '<' || c == '(') {
                depth++;
            } else if ((c == '>' || c == ')') && depth > 0) {
                depth--;
            } else if (c == ' ' && depth == 0 && !s.startsWith("operator", Math.max(0, i - 8))) {
                cut = i;
            }
        }
        if (cut >= 0 && s.contains("<")) {
            s = s.substring(cut + 1);
        }
        return s.replace("\u0001", "(anonymous namespace)");
    }
}
