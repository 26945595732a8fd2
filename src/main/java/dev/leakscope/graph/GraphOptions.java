package dev.leakscope.graph;

/**
 * How samples become graph nodes and which value they carry.
 *
 * @param granularity  what a node stands for
 * @param noInlines    charge inlined frames to the function they were inlined into
 * @param sampleIndex  which sample value to use
 * @param mean         divide each node's value by its sample count (value 0), as pprof's -mean
 * @param objNames     keep binary names in node identity (pprof does for -list and -raw)
 * @param trimPath     prefixes to strip from source file names (pprof's -trim_path); null: leave
 *                     file names as they are (pprof's -traces), "" : only pprof's fixed prefixes
 * @param sourcePath   directories searched for sources (pprof's -source_path); also used to trim
 * @param dropNegative leave out nodes whose value is negative
 */
public record GraphOptions(Granularity granularity, boolean noInlines, int sampleIndex, boolean mean,
                           boolean objNames, String trimPath, String sourcePath, boolean dropNegative) {

    /** Nodes at a granularity of one sample value: no -mean, no binary names, pprof's fixed path trimming. */
    public static GraphOptions of(Granularity granularity, boolean noInlines, int sampleIndex) {
        return new GraphOptions(granularity, noInlines, sampleIndex, false, false, "", "", false);
    }

    /** These options with file names left as the profile has them (pprof's -traces). */
    public GraphOptions keepingFileNames() {
        return new GraphOptions(granularity, noInlines, sampleIndex, mean, objNames, null, sourcePath, dropNegative);
    }

    /** These options with pprof's -trim_path and -source_path. */
    public GraphOptions withPaths(String trim, String source) {
        return new GraphOptions(granularity, noInlines, sampleIndex, mean, objNames, trim, source, dropNegative);
    }

    /** These options with pprof's -mean, binary names in node identity, and negative nodes dropped or kept. */
    public GraphOptions withValues(boolean meanValues, boolean binaryNames, boolean dropNegatives) {
        return new GraphOptions(granularity, noInlines, sampleIndex, meanValues, binaryNames, trimPath, sourcePath,
                dropNegatives);
    }
}
