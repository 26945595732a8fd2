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

    public static GraphOptions of(Granularity granularity, boolean noInlines, int sampleIndex) {
        return new GraphOptions(granularity, noInlines, sampleIndex, false, false, "", "", false);
    }
}
