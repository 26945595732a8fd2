package dev.leakscope.format.legacy;

import dev.leakscope.profile.ProfileBuilder;

/**
 * The legacy (pre-profile.proto) formats, tried in pprof's order: CPU binary, heap text, Go count
 * text, thread text, contention text, Java text. A parser that does not recognise its header passes
 * on; one that does and then meets a malformed line fails the whole attempt, as in pprof.
 *
 * <p>Beyond pprof, leakscope's own reading ({@code extended}) also accepts jemalloc's heap profile
 * and Go's full goroutine dumps (debug=2), and takes function names, files and lines from the
 * {@code #} comments of Go's debug=1 text.
 */
public final class LegacyParsers {
    private LegacyParsers() {
    }

    /** What the legacy parsers know, for the error about an input none of them recognises. */
    public static final String KNOWN_FORMATS = "the legacy formats: heap text (\"heap profile: ...\"),"
            + " Go goroutine/threadcreate text, threadz, contentionz/mutex text, Java heapz/contentionz,"
            + " CPU profilez";

    /**
     * The profile in data (already decompressed), or null when no legacy format is recognised.
     * extended: leakscope's reading (jemalloc, Go text symbols) rather than exactly pprof's.
     */
    public static ProfileBuilder parse(byte[] data, boolean extended) {
        LegacyProfile p = CpuBinary.parse(data);
        if (p == null) {
            String text = Text.latin1(data);
            GoSymbols symbols = extended ? new GoSymbols() : null;
            p = HeapText.parse(text, symbols);
            if (p == null) {
                p = CountText.parse(text, symbols);
            }
            if (p == null) {
                p = ThreadText.parse(text);
            }
            if (p == null) {
                p = ContentionText.parse(text);
            }
            if (p == null) {
                p = JavaText.parse(text);
            }
            if (p == null && extended) {
                p = JemallocText.parse(text);
            }
            if (p == null && extended) {
                return GoroutineDump.parse(text);
            }
        }
        return p == null ? null : p.toBuilder();
    }

    /** pprof's parseAdditionalSections: skip to the memory map, read it, renumber. */
    static LegacyProfile finishWithMemoryMap(LegacyProfile p, Lines s) {
        while (!MemoryMap.isSentinel(s.text()) && s.next()) {
            // skip unknown sections
        }
        p.finish(MemoryMap.read(s));
        return p;
    }

    /**
     * pprof's cleanupDuplicateLocations: a leaf recorded twice, once as the PC and once adjusted by
     * -1 as a return address, loses the second copy.
     */
    static void removeDuplicateLeaves(LegacyProfile p) {
        p.removeSecondFrames(s -> p.locAddress.get(p.frame(s, 0)) == p.locAddress.get(p.frame(s, 1)) + 1);
    }
}
