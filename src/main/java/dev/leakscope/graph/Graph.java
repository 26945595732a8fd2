package dev.leakscope.graph;

import dev.leakscope.util.IntList;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Flat and cum values per node and weights per caller→callee edge, computed from a profile's samples
 * over a {@link NodeTable}. Node indexes are those of the table; {@link #nodes()} lists the nodes
 * that carry a value, in the order last set by {@link #sort}.
 */
public final class Graph {
    final NodeTable table;
    final long[] flat;
    final long[] flatDiv;
    final long[] cum;
    final long[] cumDiv;
    // edges
    final IntList edgeFrom = new IntList();
    final IntList edgeTo = new IntList();
    long[] edgeWeight = new long[64];
    boolean[] edgeInline = new boolean[64];
    boolean[] edgeRemoved = new boolean[64];
    int[] nodes;
    // per-node edge lists, built on first use (edges are no longer removed by then)
    private int[] inStart;
    private int[] inEdge;
    private int[] outStart;
    private int[] outEdge;

    Graph(NodeTable table) {
        this.table = table;
        int n = table.size();
        flat = new long[n];
        flatDiv = new long[n];
        cum = new long[n];
        cumDiv = new long[n];
    }

    /** The nodes in the graph, in their current order. */
    public int[] nodes() {
        return nodes;
    }

    public NodeInfo info(int node) {
        return table.info(node);
    }

    /** Flat value as shown: divided by the sample count with -mean. */
    public long flat(int node) {
        return flatDiv[node] == 0 ? flat[node] : flat[node] / flatDiv[node];
    }

    public long cum(int node) {
        return cumDiv[node] == 0 ? cum[node] : cum[node] / cumDiv[node];
    }

    /** Raw flat sum (what ordering and trimming use). */
    public long rawFlat(int node) {
        return flat[node];
    }

    public long rawCum(int node) {
        return cum[node];
    }

    /** Sum of the raw flat values of the nodes in the graph. */
    public long flatSum() {
        long sum = 0;
        for (int n : nodes) {
            sum += flat[n];
        }
        return sum;
    }

    // ---- edges

    public int edgeFrom(int e) {
        return edgeFrom.get(e);
    }

    public int edgeTo(int e) {
        return edgeTo.get(e);
    }

    /** The edge's summed weight, not divided by the sample count (what pprof's -tree prints). */
    public long rawEdgeWeight(int e) {
        return edgeWeight[e];
    }

    /** The live edges into node (their callers), in no particular order. */
    public int[] inEdges(int node) {
        adjacency();
        return Arrays.copyOfRange(inEdge, inStart[node], inStart[node + 1]);
    }

    /** The live edges out of node (its callees), in no particular order. */
    public int[] outEdges(int node) {
        adjacency();
        return Arrays.copyOfRange(outEdge, outStart[node], outStart[node + 1]);
    }

    /** Builds the per-node edge lists (compressed rows) once, after trimming. */
    private void adjacency() {
        if (inStart != null) {
            return;
        }
        int n = table.size();
        inStart = new int[n + 1];
        outStart = new int[n + 1];
        int edges = edgeFrom.size();
        for (int e = 0; e < edges; e++) {
            if (!edgeRemoved[e]) {
                inStart[edgeTo.get(e) + 1]++;
                outStart[edgeFrom.get(e) + 1]++;
            }
        }
        for (int i = 0; i < n; i++) {
            inStart[i + 1] += inStart[i];
            outStart[i + 1] += outStart[i];
        }
        inEdge = new int[inStart[n]];
        outEdge = new int[outStart[n]];
        int[] inFill = Arrays.copyOf(inStart, n);
        int[] outFill = Arrays.copyOf(outStart, n);
        for (int e = 0; e < edges; e++) {
            if (!edgeRemoved[e]) {
                inEdge[inFill[edgeTo.get(e)]++] = e;
                outEdge[outFill[edgeFrom.get(e)]++] = e;
            }
        }
    }

    public boolean edgeInline(int e) {
        return edgeInline[e];
    }

    /**
     * Whether each node is reached only through inline edges (1), through both kinds (2), or
     * not inline at all (0); the labels of pprof's text report.
     */
    public byte[] inlineMarks() {
        byte[] inline = new byte[table.size()];
        byte[] direct = new byte[table.size()];
        for (int e = 0; e < edgeFrom.size(); e++) {
            if (edgeRemoved[e]) {
                continue;
            }
            if (edgeInline[e]) {
                inline[edgeTo.get(e)] = 1;
            } else {
                direct[edgeTo.get(e)] = 1;
            }
        }
        byte[] marks = new byte[table.size()];
        for (int n = 0; n < marks.length; n++) {
            marks[n] = (byte) (inline[n] == 0 ? 0 : direct[n] == 0 ? 1 : 2);
        }
        return marks;
    }

    /**
     * Removes edges into the graph's nodes whose |weight| is below cutoff; returns how many. As in pprof,
     * an edge into a node the graph does not hold (one whose samples net to nothing, as a function whose
     * base and current samples cancel in a diff) is not looked at, and stays among its caller's callees.
     */
    public int trimLowFrequencyEdges(long cutoff) {
        boolean[] held = new boolean[flat.length];
        for (int n : nodes) {
            held[n] = true;
        }
        int dropped = 0;
        for (int e = 0; e < edgeFrom.size(); e++) {
            if (!edgeRemoved[e] && held[edgeTo.get(e)] && Math.abs(edgeWeight[e]) < cutoff) {
                inStart = null;
                edgeRemoved[e] = true;
                dropped++;
            }
        }
        return dropped;
    }

    /** Keeps only the nodes marked in keep. */
    void retain(boolean[] keep) {
        int k = 0;
        for (int n : nodes) {
            if (keep[n]) {
                nodes[k++] = n;
            }
        }
        nodes = java.util.Arrays.copyOf(nodes, k);
    }

    // ---- ordering

    /** Sorts the nodes as pprof does: by |flat| (or |cum|), then name, then the other value, then key. */
    public void sort(boolean byCum) {
        Integer[] boxed = new Integer[nodes.length];
        for (int i = 0; i < nodes.length; i++) {
            boxed[i] = nodes[i];
        }
        String[] names = new String[table.size()];
        for (int n : nodes) {
            names[n] = table.info(n).printableName();
        }
        Arrays.sort(boxed, byCum ? new NodeOrder(cum, flat, names, table) : new NodeOrder(flat, cum, names, table));
        for (int i = 0; i < nodes.length; i++) {
            nodes[i] = boxed[i];
        }
    }

    /**
     * pprof's order of nodes: by |first| descending, then name, then |second| descending, then key. A class
     * of its own: the lambdas of a chain of Comparator's combinators are spun at every start-up (the class-data
     * sharing archive cannot hold them).
     */
    private record NodeOrder(long[] first, long[] second, String[] names, NodeTable table) implements Comparator<Integer> {
        @Override
        public int compare(Integer a, Integer b) {
            int c = Long.compare(-Math.abs(first[a]), -Math.abs(first[b]));
            if (c == 0) {
                c = names[a].compareTo(names[b]);
            }
            if (c == 0) {
                c = Long.compare(-Math.abs(second[a]), -Math.abs(second[b]));
            }
            return c != 0 ? c : table.info(a).sortKey().compareTo(table.info(b).sortKey());
        }
    }
}
