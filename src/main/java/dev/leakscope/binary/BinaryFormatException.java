package dev.leakscope.binary;

/** A binary (ELF file or its DWARF) that cannot be decoded; symbolization goes on without it. */
public final class BinaryFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BinaryFormatException(String message) {
        super(message, null, false, false);
    }
}
