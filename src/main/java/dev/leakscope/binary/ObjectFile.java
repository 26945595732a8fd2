package dev.leakscope.binary;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A binary opened for symbolization as {@code go tool pprof} opens one: an ELF file, its load address
 * (the virtual address of its first executable segment) and, read on first use, its DWARF.
 */
public final class ObjectFile {
    private final ElfFile elf;
    private final boolean goBinary;
    private DwarfData dwarf;
    private boolean triedDwarf;
    private DwarfSymbols symbols;
    private boolean triedSymbols;
    private DwarfFrames frames;
    private boolean triedFrames;

    private ObjectFile(ElfFile elf) {
        this.elf = elf;
        this.goBinary = elf.hasSection(".gopclntab") || elf.hasSection(".data.rel.ro.gopclntab");
    }

    /**
     * Opens an ELF file.
     *
     * @param maxSectionBytes the most bytes one of its sections may take once decompressed
     * @throws BinaryFormatException when it is not an ELF file that can be read
     * @throws IOException when it cannot be read at all
     */
    public static ObjectFile open(Path path, long maxSectionBytes) throws IOException {
        return new ObjectFile(ElfFile.open(path, maxSectionBytes));
    }

    /** The virtual address of the first executable segment, or null. */
    public Long loadAddress() {
        return elf.executableLoadAddress();
    }

    /**
     * A Go binary: pprof reads its symbols from the Go line table (.gopclntab), which leakscope does not
     * decode, so it is not symbolized.
     */
    public boolean isGoBinary() {
        return goBinary;
    }

    /**
     * The frames a debugger gives a file-relative address, innermost first (see {@link DwarfFrames});
     * empty when unknown.
     */
    public List<DwarfSymbols.Frame> frames(long address) {
        if (!triedFrames) {
            triedFrames = true;
            frames = DwarfFrames.of(dwarf());
        }
        return frames == null ? List.of() : frames.frames(address);
    }

    /** The frame pprof gives a file-relative address, from the DWARF; null when there is none. */
    public DwarfSymbols.Frame sourceLine(long address) {
        if (!triedSymbols) {
            triedSymbols = true;
            symbols = DwarfSymbols.of(dwarf());
        }
        return symbols == null ? null : symbols.frame(address);
    }

    /** The DWARF, read once for both views. */
    private DwarfData dwarf() {
        if (!triedDwarf) {
            triedDwarf = true;
            dwarf = DwarfData.of(elf);
        }
        return dwarf;
    }
}
