package dev.leakscope.profile;

/** A memory mapping of the profiled process: a binary or shared library. */
public record Mapping(long id, long start, long limit, long offset, String file, String buildId,
                      boolean hasFunctions, boolean hasFilenames, boolean hasLineNumbers,
                      boolean hasInlineFrames) {

    /** The same mapping under another id. */
    public Mapping withId(long newId) {
        return new Mapping(newId, start, limit, offset, file, buildId, hasFunctions, hasFilenames,
                hasLineNumbers, hasInlineFrames);
    }
}
