package dev.leakscope.binary;

import dev.leakscope.util.IntList;
import dev.leakscope.util.LongList;
import java.util.Arrays;

/**
 * Address ranges [low, high), each with an order number, answering: which range containing an address
 * comes first in order (from a given order on)? Addresses compare unsigned.
 *
 * <p>A segment tree over the distinct range ends: each range is stored, as its order number, at the
 * O(log n) nodes that together cover exactly its elementary segments, and each node keeps its order
 * numbers sorted. A lookup visits the nodes from the address's leaf up to the root, a binary search
 * each: O(log² n) however the ranges nest or overlap (crafted DWARF can make every range hold every
 * address). The functions and units of real binaries barely overlap: most ranges sit at one node.
 */
final class IntervalIndex {
    private LongList lows = new LongList();
    private LongList highs = new LongList();
    private IntList orders = new IntList();
    /** The distinct range ends, sorted, with the sign bit flipped so that signed order is unsigned order. */
    private long[] bounds;
    /** Leaves of the tree: a power of two; leaf i is the segment [bounds[i], bounds[i + 1]). */
    private int leaves;
    /** Node k's order numbers are members[start[k]] up to members[start[k + 1]], sorted. */
    private int[] start;
    private int[] members;

    /** Adds a range (an empty one is left out); all ranges are added before the first lookup. */
    void add(long lo, long hi, int orderNumber) {
        if (Long.compareUnsigned(lo, hi) < 0) {
            lows.add(lo);
            highs.add(hi);
            orders.add(orderNumber);
        }
    }

    /** The least order number ≥ from of a range containing address, or -1. */
    int first(long address, int from) {
        if (bounds == null) {
            build();
        }
        // the leaf of the address: the last bound at or below it
        int leaf = Arrays.binarySearch(bounds, address ^ Long.MIN_VALUE);
        if (leaf < 0) {
            leaf = -leaf - 2;
        }
        if (leaf < 0) {
            return -1;
        }
        int best = -1;
        for (int node = leaf + leaves; node >= 1; node >>>= 1) {
            int k = Arrays.binarySearch(members, start[node], start[node + 1], from);
            if (k < 0) {
                k = -k - 1;
            }
            if (k < start[node + 1] && (best < 0 || members[k] < best)) {
                best = members[k];
            }
        }
        return best;
    }

    private void build() {
        int n = lows.size();
        long[] ends = new long[2 * n];
        for (int i = 0; i < n; i++) {
            ends[2 * i] = lows.get(i) ^ Long.MIN_VALUE;
            ends[2 * i + 1] = highs.get(i) ^ Long.MIN_VALUE;
        }
        Arrays.sort(ends);
        int m = 0;
        for (int i = 0; i < ends.length; i++) {
            if (m == 0 || ends[i] != ends[m - 1]) {
                ends[m++] = ends[i];
            }
        }
        bounds = Arrays.copyOf(ends, m);
        leaves = 1;
        while (leaves < m) {
            leaves <<= 1;
        }
        start = new int[2 * leaves + 1];
        // twice over the ranges' canonical nodes: count them per node, then place the order numbers
        for (int pass = 0; pass < 2; pass++) {
            int[] fill = pass == 0 ? null : Arrays.copyOf(start, start.length);
            for (int i = 0; i < n; i++) {
                int l = leaves + Arrays.binarySearch(bounds, lows.get(i) ^ Long.MIN_VALUE);
                int r = leaves + Arrays.binarySearch(bounds, highs.get(i) ^ Long.MIN_VALUE);
                for (; l < r; l >>>= 1, r >>>= 1) {
                    if ((l & 1) == 1) {
                        place(l++, orders.get(i), fill);
                    }
                    if ((r & 1) == 1) {
                        place(--r, orders.get(i), fill);
                    }
                }
            }
            if (pass == 0) {
                int sum = 0;
                for (int k = 0; k < start.length; k++) {
                    int c = start[k];
                    start[k] = sum;
                    sum += c;
                }
                members = new int[sum];
            }
        }
        for (int k = 1; k < 2 * leaves; k++) {
            Arrays.sort(members, start[k], start[k + 1]);
        }
        lows = null;
        highs = null;
        orders = null;
    }

    private void place(int node, int order, int[] fill) {
        if (fill == null) {
            start[node]++;
        } else {
            members[fill[node]++] = order;
        }
    }
}
