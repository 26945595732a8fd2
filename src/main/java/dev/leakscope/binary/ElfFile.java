package dev.leakscope.binary;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The parts of an ELF object file that symbolization needs: its program headers (for the load address)
 * and its named sections, read on demand and decompressed when stored compressed. Opened files are read,
 * never written; section contents are capped so that a crafted file cannot ask for unbounded memory.
 */
public final class ElfFile {
    private static final int PT_LOAD = 1;
    private static final int PF_X = 1;
    private static final long SHF_COMPRESSED = 0x800;
    private static final int SHT_NOBITS = 8;
    private static final int ELFCOMPRESS_ZLIB = 1;
    /** Deflate expands its input at most 1032 times (a 258-byte match in two bits). */
    private static final long MAX_INFLATE_RATIO = 1032;

    private final Path path;
    private final boolean is64;
    private final ByteOrder order;
    private final long fileSize;
    private final long maxSectionBytes;
    private final Long loadAddress;
    private final Map<String, Section> sections;

    private record Section(int type, long flags, long offset, long size) {
    }

    private ElfFile(Path path, boolean is64, ByteOrder order, long fileSize, long maxSectionBytes,
                    Long loadAddress, Map<String, Section> sections) {
        this.path = path;
        this.is64 = is64;
        this.order = order;
        this.fileSize = fileSize;
        this.maxSectionBytes = maxSectionBytes;
        this.loadAddress = loadAddress;
        this.sections = sections;
    }

    /** Whether the file starts with the ELF magic number. */
    public static boolean hasElfMagic(byte[] head) {
        return head.length >= 4 && head[0] == 0x7f && head[1] == 'E' && head[2] == 'L' && head[3] == 'F';
    }

    /**
     * Reads the headers of an ELF file.
     *
     * @param maxSectionBytes the most bytes one section may hold once decompressed
     * @throws BinaryFormatException when the file is not a well-formed ELF file
     * @throws IOException when it cannot be read
     */
    public static ElfFile open(Path path, long maxSectionBytes) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = ch.size();
            ByteBuffer ident = read(ch, 0, 16, size);
            if (!hasElfMagic(new byte[] {ident.get(0), ident.get(1), ident.get(2), ident.get(3)})) {
                throw new BinaryFormatException("bad magic number");
            }
            int elfClass = ident.get(4);
            int data = ident.get(5);
            if (elfClass != 1 && elfClass != 2) {
                throw new BinaryFormatException("unknown ELF class " + elfClass);
            }
            if (data != 1 && data != 2) {
                throw new BinaryFormatException("unknown ELF data encoding " + data);
            }
            boolean is64 = elfClass == 2;
            ByteOrder order = data == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
            ByteBuffer h = read(ch, 0, is64 ? 64 : 52, size).order(order);
            long phoff = is64 ? h.getLong(32) : u32(h, 28);
            long shoff = is64 ? h.getLong(40) : u32(h, 32);
            int phentsize = u16(h, is64 ? 54 : 42);
            int phnum = u16(h, is64 ? 56 : 44);
            int shentsize = u16(h, is64 ? 58 : 46);
            int shnum = u16(h, is64 ? 60 : 48);
            int shstrndx = u16(h, is64 ? 62 : 50);
            Long load = loadAddress(ch, size, order, is64, phoff, phentsize, phnum);
            Map<String, Section> sections = sections(ch, size, order, is64, shoff, shentsize, shnum, shstrndx);
            return new ElfFile(path, is64, order, size, maxSectionBytes, load, sections);
        }
    }

    /** The virtual address of the first executable loadable segment, or null when there is none. */
    public Long executableLoadAddress() {
        return loadAddress;
    }

    public boolean hasSection(String name) {
        return sections.containsKey(name);
    }

    /** The names of the sections, in file order. */
    public Iterable<String> sectionNames() {
        return sections.keySet();
    }

    /**
     * A section's contents, decompressed (SHF_COMPRESSED with zlib, or a {@code .zdebug} section's
     * "ZLIB" header); null when there is no such section.
     */
    public byte[] section(String name) throws IOException {
        Section s = sections.get(name);
        if (s == null) {
            return null;
        }
        if (s.type == SHT_NOBITS) {
            return new byte[0];
        }
        if (s.offset < 0 || s.size < 0 || s.offset > fileSize || s.size > fileSize - s.offset) {
            throw new BinaryFormatException("section " + name + " extends past the end of the file");
        }
        byte[] raw = readBytes(s.offset, s.size);
        if ((s.flags & SHF_COMPRESSED) != 0) {
            ByteBuffer b = ByteBuffer.wrap(raw).order(order);
            int headerSize = is64 ? 24 : 12;
            if (raw.length < headerSize) {
                throw new BinaryFormatException("section " + name + ": short compression header");
            }
            int type = b.getInt(0);
            long length = is64 ? b.getLong(8) : u32(b, 4);
            if (type != ELFCOMPRESS_ZLIB) {
                throw new BinaryFormatException("section " + name + ": unknown compression type " + type);
            }
            return inflate(name, raw, headerSize, length);
        }
        if (raw.length >= 12 && raw[0] == 'Z' && raw[1] == 'L' && raw[2] == 'I' && raw[3] == 'B') {
            long length = ByteBuffer.wrap(raw, 4, 8).order(ByteOrder.BIG_ENDIAN).getLong();
            if (length > 0) {
                return inflate(name, raw, 12, length);
            }
        }
        return raw;
    }

    private byte[] readBytes(long offset, long size) throws IOException {
        checkSize(size);
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            return read(ch, offset, (int) size, fileSize).array();
        }
    }

    /**
     * Inflates a section that claims to hold length bytes. Memory follows the data actually inflated, not
     * the claim: a claim more than the compressed bytes can hold fails at once, and the buffer grows as
     * the data comes (Go allocates the claimed size and runs out of memory).
     */
    private byte[] inflate(String name, byte[] raw, int from, long length) {
        checkSize(length);
        if (length > (raw.length - from) * MAX_INFLATE_RATIO + 64) {
            throw new BinaryFormatException("section " + name + ": " + (raw.length - from)
                    + " compressed bytes cannot hold the " + length + " bytes claimed");
        }
        byte[] out = new byte[(int) Math.min(length, Math.max(1 << 16, 4L * raw.length))];
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(raw, from, raw.length - from);
            int n = 0;
            while (n < length) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, (int) Math.min(length, 2L * out.length));
                }
                int got = inflater.inflate(out, n, out.length - n);
                if (got == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                n += got;
            }
            if (n < length) {
                throw new BinaryFormatException("section " + name + ": compressed data ends early");
            }
            return out;
        } catch (DataFormatException e) {
            throw new BinaryFormatException("section " + name + ": corrupt compressed data");
        } finally {
            inflater.end();
        }
    }

    private void checkSize(long size) {
        if (size < 0 || size > maxSectionBytes || size > Integer.MAX_VALUE - 8) {
            throw new BinaryFormatException("a section of " + size + " bytes is over the limit of "
                    + maxSectionBytes + " bytes");
        }
    }

    private static Long loadAddress(FileChannel ch, long size, ByteOrder order, boolean is64, long phoff,
                                    int phentsize, int phnum) throws IOException {
        if (phnum == 0) {
            return null;
        }
        int need = is64 ? 56 : 32;
        if (phentsize < need || phoff < 0 || phoff > size || (long) phentsize * phnum > size - phoff) {
            throw new BinaryFormatException("invalid program header table");
        }
        ByteBuffer table = read(ch, phoff, phentsize * phnum, size).order(order);
        for (int i = 0; i < phnum; i++) {
            int at = i * phentsize;
            long type = u32(table, at);
            long flags = u32(table, at + (is64 ? 4 : 24));
            if (type == PT_LOAD && (flags & PF_X) != 0) {
                return is64 ? table.getLong(at + 16) : u32(table, at + 8);
            }
        }
        return null;
    }

    private static Map<String, Section> sections(FileChannel ch, long size, ByteOrder order, boolean is64,
                                                 long shoff, int shentsize, int shnum, int shstrndx)
            throws IOException {
        Map<String, Section> out = new LinkedHashMap<>();
        if (shnum == 0) {
            return out;
        }
        int need = is64 ? 64 : 40;
        if (shentsize < need || shoff <= 0 || shoff > size || (long) shentsize * shnum > size - shoff) {
            throw new BinaryFormatException("invalid section header table");
        }
        if (shstrndx >= shnum) {
            throw new BinaryFormatException("invalid section name table index " + shstrndx);
        }
        ByteBuffer table = read(ch, shoff, shentsize * shnum, size).order(order);
        Section[] all = new Section[shnum];
        int[] nameOffsets = new int[shnum];
        for (int i = 0; i < shnum; i++) {
            int at = i * shentsize;
            nameOffsets[i] = (int) u32(table, at);
            int type = (int) u32(table, at + 4);
            long flags = is64 ? table.getLong(at + 8) : u32(table, at + 8);
            long offset = is64 ? table.getLong(at + 24) : u32(table, at + 16);
            long length = is64 ? table.getLong(at + 32) : u32(table, at + 20);
            all[i] = new Section(type, flags, offset, length);
        }
        Section names = all[shstrndx];
        if (names.offset < 0 || names.size < 0 || names.offset > size || names.size > size - names.offset
                || names.size > Integer.MAX_VALUE - 8) {
            throw new BinaryFormatException("invalid section name table");
        }
        byte[] strtab = read(ch, names.offset, (int) names.size, size).array();
        for (int i = 0; i < shnum; i++) {
            out.putIfAbsent(cString(strtab, nameOffsets[i]), all[i]);
        }
        return out;
    }

    private static String cString(byte[] table, int offset) {
        if (offset < 0 || offset >= table.length) {
            throw new BinaryFormatException("invalid section name offset " + offset);
        }
        int end = offset;
        while (end < table.length && table[end] != 0) {
            end++;
        }
        return new String(table, offset, end - offset, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static ByteBuffer read(FileChannel ch, long offset, int length, long size) throws IOException {
        if (offset < 0 || length < 0 || offset > size || length > size - offset) {
            throw new BinaryFormatException("file too short");
        }
        ByteBuffer b = ByteBuffer.allocate(length);
        while (b.hasRemaining()) {
            if (ch.read(b, offset + b.position()) < 0) {
                throw new BinaryFormatException("file too short");
            }
        }
        return b;
    }

    private static long u32(ByteBuffer b, int at) {
        return b.getInt(at) & 0xffffffffL;
    }

    private static int u16(ByteBuffer b, int at) {
        return b.getShort(at) & 0xffff;
    }
}
