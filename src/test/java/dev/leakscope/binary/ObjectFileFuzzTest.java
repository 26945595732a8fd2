package dev.leakscope.binary;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Any bytes as a binary named by a profile: opening it may fail with a {@link BinaryFormatException} or
 * an {@link IOException} (pprof's "Local symbolization failed"); once open, looking addresses up gives
 * frames or none, never an exception (pprof's one frame and a debugger's inlined ones). Addresses: a
 * few fixed ones and some near the entry point.
 */
class ObjectFileFuzzTest {
    private static final long MAX_SECTION_BYTES = 16 << 20;
    private static final long[] FIXED = {0, 1, 0x1000, 0x1139, 0x4000b0, 0x8048080, -1L};
    private static final Path FILE = tempFile();

    @FuzzTest(maxDuration = "10m")
    void open(byte[] data) throws IOException {
        Files.write(FILE, data);
        ObjectFile f;
        try {
            f = ObjectFile.open(FILE, MAX_SECTION_BYTES);
        } catch (BinaryFormatException | IOException e) {
            assertFalse(e.getMessage() == null || e.getMessage().isBlank(), "empty error message");
            return;
        }
        f.isGoBinary();
        f.loadAddress();
        for (long a : FIXED) {
            f.sourceLine(a);
            f.frames(a);
        }
        long entry = entryPoint(data);
        for (long a = entry; a < entry + 0x60; a += 3) {
            f.sourceLine(a);
            f.frames(a);
        }
    }

    /** e_entry from the ELF header, as the file's class and byte order say; 0 when too short. */
    private static long entryPoint(byte[] data) {
        if (data.length < 32) {
            return 0;
        }
        ByteBuffer b = ByteBuffer.wrap(data).order(data[5] == 2 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        return data[4] == 2 ? b.getLong(24) : b.getInt(24) & 0xffffffffL;
    }

    private static Path tempFile() {
        try {
            Path p = Files.createTempFile("leakscope-fuzz", ".elf");
            p.toFile().deleteOnExit();
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
