package dev.leakscope.graph;

import dev.leakscope.util.IntList;
import dev.leakscope.util.LongIntMap;
import java.util.Arrays;

/**
 * Which nodes pprof marks "(inline)" or "(partial-inline)", as {@link Graph#inlineMarks()} computes them
 * from the edges of {@link GraphBuilder#build}, without building the edges (a hash lookup per frame of
 * every sample). An edge is inline while every sample's first call through it (from the root) is an
 * inlined one. A call from one location into the next is never inlined; a call within a location (its
 * inlined frames) always is, and those pairs are known from the node table alone (a node is inlined into
 * one or two callers): a sample costs a look at each location's outermost frame (is it called through a
 * pair that is also inlined?) and at its inlined frames, in arrays only, and only calls into a node that
 * is inlined somewhere are looked at.
 */
public final class InlineMarks {
    private final int[] frameStart;
    private final int[] frameNode;
    /** Per frame: the id of the pair (frame k+1 calls frame k, inlined), or -1 (outermost frame, same node). */
    private final int[] framePair;
    private final IntList pairFrom = new IntList();
    private final IntList pairTo = new IntList();
    /** Per node: its pairs as a callee, callerStart[n] .. callerStart[n + 1) of caller and callerPair. */
    private final int[] callerStart;
    private int[] caller;
    private int[] callerPair;

    // the walk over the samples: see call and enter
    private final boolean[] inlined;
    private final int[] outer;
    private final int[] inner;
    private final boolean[] inSample;
    private final byte[] direct;
    private final boolean[] calledFirst; // some sample's first use of the pair is a call
    private final int[] stamp; // the last sample that used the pair

    /** Ready to be given the samples of a profile on table t ({@link #add}), then asked its {@link #marks}. */
    InlineMarks(NodeTable t) {
        frameStart = t.frameStart;
        frameNode = t.frameNode;
        framePair = new int[frameNode.length];
        callerStart = new int[t.size() + 1];
        pairsWithinLocations();
        callersByNode();
        int pairs = pairFrom.size();
        inlined = new boolean[t.size()];
        for (int n = 0; n < inlined.length; n++) {
            inlined[n] = callerStart[n] != callerStart[n + 1];
        }
        outer = new int[locations()];
        inner = new int[locations()];
        for (int l = 0; l < locations(); l++) {
            outer[l] = frameNode[frameStart[l + 1] - 1]; // every location has a frame (see NodeTable)
            inner[l] = frameNode[frameStart[l]];
        }
        inSample = new boolean[locations()];
        direct = new byte[callerStart.length - 1];
        calledFirst = new boolean[pairs];
        stamp = new int[pairs];
        Arrays.fill(stamp, -1);
    }

    private int locations() {
        return frameStart.length - 1;
    }

    private void pairsWithinLocations() {
        LongIntMap ids = new LongIntMap(64);
        Arrays.fill(framePair, -1);
        for (int l = 0; l < locations(); l++) {
            for (int k = frameStart[l], fe = frameStart[l + 1]; k < fe - 1; k++) {
                int from = frameNode[k + 1];
                int to = frameNode[k];
                if (from != to) {
                    int e = ids.putIfAbsent(((long) from << 32) | to, pairFrom.size());
                    if (e < 0) {
                        e = pairFrom.size();
                        pairFrom.add(from);
                        pairTo.add(to);
                    }
                    framePair[k] = e;
                }
            }
        }
    }

    private void callersByNode() {
        int pairs = pairFrom.size();
        for (int e = 0; e < pairs; e++) {
            callerStart[pairTo.get(e) + 1]++;
        }
        for (int n = 0; n + 1 < callerStart.length; n++) {
            callerStart[n + 1] += callerStart[n];
        }
        caller = new int[pairs];
        callerPair = new int[pairs];
        int[] fill = Arrays.copyOf(callerStart, callerStart.length - 1);
        for (int e = 0; e < pairs; e++) {
            int at = fill[pairTo.get(e)]++;
            caller[at] = pairFrom.get(e);
            callerPair[at] = e;
        }
    }

    /** The pair from caller to node n, or -1 when n is never inlined into it. */
    private int pair(int from, int n) {
        for (int c = callerStart[n], ce = callerStart[n + 1]; c < ce; c++) {
            if (caller[c] == from) {
                return callerPair[c];
            }
        }
        return -1;
    }

    /**
     * Per node, whether it is inlined into some caller: only those can be marked, so a pass tells
     * {@link #call} only of calls into them. Read-only.
     */
    boolean[] inlinedNodes() {
        return inlined;
    }

    /**
     * Sample s (of a value the graph counts; samples come in ascending order) calls node n, one of the
     * {@link #inlinedNodes}, from another node, parent, from one location into the next: a direct call
     * unless a pair of them is inlined. A pass over the sample's locations from the root tells this of
     * each location of one frame and gives every other to {@link #enter}.
     */
    void call(int s, int parent, int n) {
        int e = pair(parent, n);
        if (e < 0) {
            direct[n] = 1;
        } else if (stamp[e] != s) {
            stamp[e] = s;
            calledFirst[e] = true;
        }
    }

    /**
     * Sample s enters location l, of several frames, from node parent (-1 at the root); returns the node
     * its next location is called from (l's innermost frame).
     */
    int enter(int s, int parent, int l) {
        int n = outer[l];
        if (parent >= 0 && parent != n && inlined[n]) {
            call(s, parent, n);
        }
        inSample[l] = true;
        // the inlined frames, each the first use of its pair or not
        for (int k = frameStart[l + 1] - 2; k >= frameStart[l]; k--) {
            if (framePair[k] >= 0) {
                stamp[framePair[k]] = s;
            }
        }
        return inner[l];
    }

    /** The marks of the nodes (see {@link Graph#inlineMarks()}): 0 none, 1 inline, 2 partial-inline. */
    byte[] marks() {
        for (int e = 0; e < calledFirst.length; e++) {
            if (calledFirst[e]) {
                direct[pairTo.get(e)] = 1;
            }
        }
        byte[] inline = new byte[direct.length];
        for (int l = 0; l < locations(); l++) {
            if (!inSample[l]) {
                continue;
            }
            for (int k = frameStart[l]; k < frameStart[l + 1] - 1; k++) {
                int e = framePair[k];
                if (e >= 0 && !calledFirst[e]) {
                    inline[pairTo.get(e)] = 1;
                }
            }
        }
        byte[] marks = new byte[direct.length];
        for (int n = 0; n < marks.length; n++) {
            marks[n] = (byte) (inline[n] == 0 ? 0 : direct[n] == 0 ? 1 : 2);
        }
        return marks;
    }
}
