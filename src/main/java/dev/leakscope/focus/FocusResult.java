package dev.leakscope.focus;

import java.util.List;

/**
 * The picture around the functions matching a regex: their own values, the caller paths and callees
 * that carry their samples, and the top nodes of those samples. Without a base every base value is
 * 0; with one, rows are ranked by growth (current minus base).
 *
 * @param regex       the focus regex
 * @param withBase    whether a base profile was given
 * @param baseTotal   report total of the base profile (0 without a base)
 * @param total       report total of the current profile
 * @param matched     the matching functions (flat and cum)
 * @param callerPaths paths from the root to the rootmost matching frame
 * @param callees     the frame called from the matching frame ("(self)" where it is the leaf)
 * @param top         the nodes of the samples through the match
 * @param topCut      how many top rows were left out by the row limit
 */
public record FocusResult(String regex, boolean withBase, long baseTotal, long total, List<Values> matched,
                          List<Share> callerPaths, List<Share> callees, List<Values> top, int topCut) {

    /** A name with a single value in base and current. */
    public record Share(String name, List<String> frames, long base, long current) {
        public long delta() {
            return current - base;
        }
    }

    /** A node's flat and cum in base and current. */
    public record Values(String name, long baseFlat, long flat, long baseCum, long cum) {
        public long deltaFlat() {
            return flat - baseFlat;
        }

        public long deltaCum() {
            return cum - baseCum;
        }
    }
}
