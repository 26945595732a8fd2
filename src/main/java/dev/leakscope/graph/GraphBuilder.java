package dev.leakscope.graph;

import dev.leakscope.profile.Profile;
import dev.leakscope.profile.SampleValues;
import dev.leakscope.util.IntList;
import dev.leakscope.util.LongIntMap;
import java.util.Arrays;

/**
 * Computes a {@link Graph} from samples, as pprof does: for each sample, walking from the root to the
 * leaf, every distinct node gets the value once in cum (recursion is not double counted), every
 * distinct caller→callee pair once in its edge, and the leaf frame's node gets it in flat. Nodes left
 * out ({@code kept} false) are skipped; a sample whose leaf is left out gives no flat value.
 */
public final class GraphBuilder {
    private GraphBuilder() {
    }

    public static Graph build(Profile p, NodeTable t, GraphOptions o, boolean[] kept) {
        return build(p, t, o, kept, true);
    }

    /**
     * As {@link #build(Profile, NodeTable, GraphOptions, boolean[])}; without edges when withEdges is
     * false (trimming only needs node values, and edges cost a hash lookup per frame).
     */
    public static Graph build(Profile p, NodeTable t, GraphOptions o, boolean[] kept, boolean withEdges) {
        if (kept == null && !withEdges && !o.mean()) {
            return valuesWithEdges(p, t, o, null);
        }
        Graph g = new Graph(t);
        int index = o.sampleIndex();
        if (kept == null && !withEdges) {
            nodeValues(p, t, g, index, true, null, null);
            return select(g, t, o);
        }
        int[] nodeStamp = new int[t.size()];
        Arrays.fill(nodeStamp, -1);
        // between the nodes kept (after a cut to the top nodes, a few) there are few edges
        Edges edges = new Edges(kept == null ? t.size() * 2 : 64);
        // Locations none of whose frames are kept are passed over whole (after a cut to the top
        // nodes, most are).
        boolean[] locationKept = kept == null ? null : keptLocations(t, kept);
        int[] stack = p.stackBuffer();
        for (int s = 0; s < p.sampleCount(); s++) {
            long w = p.value(s, index);
            long dw = o.mean() ? p.value(s, 0) : 0;
            if (w == 0 && dw == 0) {
                continue;
            }
            int parent = -1;
            boolean residual = false;
            // the locations kept only, read from the tree; those left out below them come back as residual
            int leaf = p.stackLeaf(s);
            for (int i = p.stacks.stack(leaf, stack, locationKept) - 1; i >= 0; i--) {
                int l = stack[i];
                int fs = t.frameStart[l];
                int fe = t.frameStart[l + 1];
                for (int k = fe - 1; k >= fs; k--) {
                    int n = t.frameNode[k];
                    if (kept != null && !kept[n]) {
                        residual = true;
                        continue;
                    }
                    if (nodeStamp[n] != s) {
                        nodeStamp[n] = s;
                        g.cum[n] += w;
                        g.cumDiv[n] += dw;
                    }
                    if (withEdges && parent >= 0 && parent != n) {
                        edges.add(g, parent, n, s, w, k != fe - 1);
                    }
                    parent = n;
                    residual = false;
                }
            }
            residual |= locationKept != null && leaf >= 0 && !locationKept[p.stacks.location(leaf)];
            if (parent >= 0 && !residual) {
                g.flat[parent] += w;
                g.flatDiv[parent] += dw;
            }
        }
        return select(g, t, o);
    }

    /**
     * A graph of node values (as {@link #build} without edges), the inline marks of its nodes and, when
     * asked for, the via pairs of its samples ({@link ViaValues#of}; else null).
     */
    public record ValuesAndMarks(Graph graph, byte[] marks, ViaValues vias) {
    }

    /**
     * The graph of {@code build(p, t, o, null, false)}, the marks {@link Graph#inlineMarks()} would give
     * with edges (see {@link InlineMarks}) and, when vias, {@code ViaValues.of(p, t, o.sampleIndex())}, in
     * one pass over the samples: each stack is read from the call-path tree once.
     */
    public static ValuesAndMarks valuesAndMarks(Profile p, NodeTable t, GraphOptions o, boolean vias) {
        Graph g = new Graph(t);
        InlineMarks marks = new InlineMarks(t);
        ViaValues via = vias ? new ViaValues(OwnCode.of(p, t).frames()) : null;
        nodeValues(p, t, g, o.sampleIndex(), o.mean(), marks, via);
        return new ValuesAndMarks(select(g, t, o), marks.marks(), via);
    }

    /**
     * What {@link #valuesAndMarks} gives when cum values are not needed, only whether each is 0: the
     * flat value of every node, whether its cum value is not 0, the marks and (when asked for) the vias.
     */
    public record FlatsAndMarks(long[] flat, boolean[] counted, byte[] marks, ViaValues vias) {
    }

    /**
     * The flat values, marks and vias of {@code valuesAndMarks(p, t, o, vias)} with o the options of
     * sample index index, without -mean, for a profile without negative values (so a cum value is not 0
     * where a sample of a non-zero value has the node). The pass costs less than one that sums cum
     * values: each location of a stack is only noted, and looked at for the marks only when it has
     * several frames or its node is inlined somewhere (most are neither).
     */
    public static FlatsAndMarks flatsAndMarks(Profile p, NodeTable t, int index, boolean vias) {
        InlineMarks marks = new InlineMarks(t);
        ViaValues via = vias ? new ViaValues(OwnCode.of(p, t).frames()) : null;
        int[] frameStart = t.frameStart;
        int[] frameNode = t.frameNode;
        int[] single = t.singleFrameNodes();
        boolean[] inlined = marks.inlinedNodes();
        // per location: the node a call into it is told of (one frame, inlined somewhere), -1 for none
        // (one frame, inlined nowhere), -2 for several frames (it is entered)
        int[] call = new int[single.length];
        for (int l = 0; l < call.length; l++) {
            call[l] = single[l] < 0 ? -2 : inlined[single[l]] ? single[l] : -1;
        }
        boolean[] seen = new boolean[call.length];
        long[] flat = new long[t.size()];
        int[] stack = p.stackBuffer();
        SampleValues values = p.values;
        int types = p.typeCount();
        for (int s = 0; s < p.sampleCount; s++) {
            long w = values.get(s * types + index);
            int leaf = p.stackLeaf(s);
            if (w == 0 || leaf < 0) {
                continue;
            }
            int depth = p.stacks.stack(leaf, stack);
            if (via != null) {
                via.add(t, stack, depth, w);
            }
            // root first, as marks need them
            for (int i = depth - 1; i >= 0; i--) {
                int l = stack[i];
                seen[l] = true;
                int n = call[l];
                if (n == -1) {
                    continue;
                }
                // called from the innermost frame of the location before
                int parent = i + 1 < depth ? frameNode[frameStart[stack[i + 1]]] : -1;
                if (n >= 0) {
                    if (parent >= 0 && parent != n) {
                        marks.call(s, parent, n);
                    }
                } else {
                    marks.enter(s, parent, l);
                }
            }
            flat[frameNode[frameStart[stack[0]]]] += w;
        }
        boolean[] counted = new boolean[t.size()];
        for (int l = 0; l < seen.length; l++) {
            if (seen[l]) {
                for (int k = frameStart[l]; k < frameStart[l + 1]; k++) {
                    counted[frameNode[k]] = true;
                }
            }
        }
        return new FlatsAndMarks(flat, counted, marks.marks(), via);
    }

    /**
     * Flat and cum of every node, without edges: the pass that decides trimming, over every frame of
     * every sample. Each counted sample also goes to marks (in the same walk over its locations, from
     * the root), and each of a non-zero value to vias, when not null.
     */
    private static void nodeValues(Profile p, NodeTable t, Graph g, int index, boolean mean, InlineMarks marks,
            ViaValues vias) {
        int[] stack = p.stackBuffer();
        int[] frameStart = t.frameStart;
        int[] frameNode = t.frameNode;
        int[] single = t.singleFrameNodes();
        // without marks no node is looked at for them
        boolean[] inlined = marks != null ? marks.inlinedNodes() : new boolean[t.size()];
        SampleValues values = p.values;
        int types = p.typeCount();
        long[] cum = g.cum;
        long[] cumDiv = g.cumDiv;
        int[] nodeStamp = new int[t.size()];
        Arrays.fill(nodeStamp, -1);
        for (int s = 0; s < p.sampleCount; s++) {
            long w = values.get(s * types + index);
            long dw = mean ? values.get(s * types) : 0;
            int leaf = p.stackLeaf(s);
            if ((w == 0 && dw == 0) || leaf < 0) {
                continue;
            }
            int depth = p.stacks.stack(leaf, stack);
            if (vias != null && w != 0) {
                vias.add(t, stack, depth, w);
            }
            int parent = -1;
            for (int i = depth - 1; i >= 0; i--) {
                int l = stack[i];
                int n = single[l];
                if (n >= 0) {
                    // the location's one frame (most locations)
                    if (nodeStamp[n] != s) {
                        nodeStamp[n] = s;
                        cum[n] += w;
                        cumDiv[n] += dw;
                    }
                    if (inlined[n] && parent >= 0 && parent != n) {
                        marks.call(s, parent, n);
                    }
                    parent = n;
                    continue;
                }
                for (int k = frameStart[l], fe = frameStart[l + 1]; k < fe; k++) {
                    n = frameNode[k];
                    if (nodeStamp[n] != s) {
                        nodeStamp[n] = s;
                        cum[n] += w;
                        cumDiv[n] += dw;
                    }
                }
                if (marks != null) {
                    parent = marks.enter(s, parent, l);
                }
            }
            // the leaf: the innermost frame of the first location
            int leafNode = frameNode[frameStart[stack[0]]];
            g.flat[leafNode] += w;
            g.flatDiv[leafNode] += dw;
        }
    }

    /**
     * The graph of {@code build(p, t, o, null, false)} with the edges {@code build(p, t, o, kept, true)}
     * finds (between the nodes kept; none when kept is null), in one walk of each stack instead of two:
     * for when the nodes kept can be told before the values (see {@link TrimmedGraph}). Without -mean.
     * The tree itself counts the stack's locations of one frame that are not kept (most) as it reads
     * them; the others come back to this loop.
     */
    static Graph valuesWithEdges(Profile p, NodeTable t, GraphOptions o, boolean[] kept) {
        Graph g = new Graph(t);
        int[] frameStart = t.frameStart;
        int[] frameNode = t.frameNode;
        boolean[] locationKept = kept == null ? new boolean[frameStart.length - 1] : keptLocations(t, kept);
        int[] keys = t.singleFrameNodes().clone();
        for (int l = 0; l < keys.length; l++) {
            if (locationKept[l]) {
                keys[l] = -1;
            }
        }
        int[] nodeStamp = new int[t.size()];
        Arrays.fill(nodeStamp, -1);
        Edges edges = new Edges(64);
        int[] rest = p.stackBuffer();
        SampleValues values = p.values;
        int types = p.typeCount();
        int index = o.sampleIndex();
        long[] cum = g.cum;
        for (int s = 0; s < p.sampleCount; s++) {
            long w = values.get(s * types + index);
            int leaf = p.stackLeaf(s);
            if (w == 0 || leaf < 0) {
                continue;
            }
            int parent = -1;
            // root first: the kept frames call one another in this order
            for (int i = p.stacks.addOnce(leaf, keys, nodeStamp, s, cum, w, rest) - 1; i >= 0; i--) {
                int l = rest[i];
                boolean keptHere = locationKept[l];
                for (int fe = frameStart[l + 1], k = fe - 1; k >= frameStart[l]; k--) {
                    int n = frameNode[k];
                    if (nodeStamp[n] != s) {
                        nodeStamp[n] = s;
                        cum[n] += w;
                    }
                    if (keptHere && kept[n]) {
                        if (parent >= 0 && parent != n) {
                            edges.add(g, parent, n, s, w, k != fe - 1);
                        }
                        parent = n;
                    }
                }
            }
            g.flat[frameNode[frameStart[p.stacks.location(leaf)]]] += w;
        }
        return select(g, t, o);
    }

    /** The flat value of every node (indexed by node), from the samples' leaves alone: no walk of the stacks. */
    static long[] flatValues(Profile p, NodeTable t, int index) {
        long[] flat = new long[t.size()];
        int types = p.typeCount();
        for (int s = 0; s < p.sampleCount; s++) {
            long w = p.values.get(s * types + index);
            int leaf = p.stackLeaf(s);
            if (w != 0 && leaf >= 0) {
                flat[t.frameNode[t.frameStart[p.stacks.location(leaf)]]] += w;
            }
        }
        return flat;
    }

    /** A graph's edges as the samples add them: a caller→callee pair counted once per sample. */
    private static final class Edges {
        private final LongIntMap index;
        /** Per edge, the last sample that counted it. */
        private int[] stamp = new int[64];

        Edges(int expected) {
            index = new LongIntMap(expected);
        }

        /** Sample s, of value w, calls n from parent (another node), through an inlined frame or not. */
        void add(Graph g, int parent, int n, int s, long w, boolean inlined) {
            long key = ((long) parent << 32) | n;
            int e = index.get(key);
            if (e < 0) {
                e = g.edgeFrom.size();
                index.putIfAbsent(key, e);
                addEdge(g, parent, n);
                if (e >= stamp.length) {
                    stamp = Arrays.copyOf(stamp, stamp.length * 2);
                }
                stamp[e] = -1;
                g.edgeInline[e] = true;
            }
            if (stamp[e] != s) {
                stamp[e] = s;
                g.edgeWeight[e] += w;
                // An edge is inline only while every call through it is inlined.
                g.edgeInline[e] &= inlined;
            }
        }
    }

    private static Graph select(Graph g, NodeTable t, GraphOptions o) {
        IntList selected = new IntList(t.size());
        for (int n = 0; n < t.size(); n++) {
            if (g.cum[n] == 0 && g.flat[n] == 0) {
                continue;
            }
            if (o.dropNegative() && (g.flat[n] < 0 || (g.flat[n] == 0 && g.cum[n] < 0))) {
                continue;
            }
            selected.add(n);
        }
        g.nodes = selected.toArray();
        return g;
    }

    private static boolean[] keptLocations(NodeTable t, boolean[] kept) {
        int locations = t.frameStart.length - 1;
        boolean[] out = new boolean[locations];
        for (int l = 0; l < locations; l++) {
            for (int k = t.frameStart[l]; k < t.frameStart[l + 1] && !out[l]; k++) {
                out[l] = kept[t.frameNode[k]];
            }
        }
        return out;
    }

    private static void addEdge(Graph g, int from, int to) {
        g.edgeFrom.add(from);
        g.edgeTo.add(to);
        int e = g.edgeFrom.size() - 1;
        if (e >= g.edgeWeight.length) {
            int n = g.edgeWeight.length * 2;
            g.edgeWeight = Arrays.copyOf(g.edgeWeight, n);
            g.edgeInline = Arrays.copyOf(g.edgeInline, n);
            g.edgeRemoved = Arrays.copyOf(g.edgeRemoved, n);
        }
    }
}
