package dev.leakscope.input;

/**
 * Bounds on what one input may cost. {@code maxBytes} caps the bytes read from one input after
 * decompression (the decompression-bomb guard); the default, 2 GiB, is also the largest message
 * protobuf can address.
 */
public record Limits(long maxBytes) {
    public static final long DEFAULT_MAX_BYTES = Integer.MAX_VALUE;
    public static final Limits DEFAULT = new Limits(DEFAULT_MAX_BYTES);
}
