package dev.leakscope.binary;

import dev.leakscope.util.LongList;
import java.util.Arrays;

/**
 * Address ranges [low, high), each with an order number, answering: which range containing an address
 * comes first in order (from a given order on)? Addresses compare unsigned. Ranges are sorted by low
 * address with running maxima of their high addresses, so a lookup walks back only over ranges that
 * can still contain the address: a few, for the mostly disjoint ranges of functions and units.
 */
final class IntervalIndex {
    private final LongList lows = new LongList();
    private final LongList highs = new LongList();
    private final LongList orders = new LongList();
    private long[] low;
    private long[] high;
    private int[] order;
    private long[] maxHigh;

    void add(long lo, long hi, int orderNumber) {
        if (Long.compareUnsigned(lo, hi) < 0) {
            lows.add(lo);
            highs.add(hi);
            orders.add(orderNumber);
        }
    }

    /** The least order number ≥ from of a range containing address, or -1. */
    int first(long address, int from) {
        if (low == null) {
            build();
        }
        int lo = 0;
        int hi = low.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(low[mid], address) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        int best = -1;
        for (int i = lo - 1; i >= 0 && Long.compareUnsigned(maxHigh[i], address) > 0; i--) {
            if (Long.compareUnsigned(address, high[i]) < 0 && order[i] >= from && (best < 0 || order[i] < best)) {
                best = order[i];
            }
        }
        return best;
    }

    private void build() {
        int n = lows.size();
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Long.compareUnsigned(lows.get(a), lows.get(b)));
        low = new long[n];
        high = new long[n];
        order = new int[n];
        maxHigh = new long[n];
        long max = 0;
        for (int i = 0; i < n; i++) {
            int k = idx[i];
            low[i] = lows.get(k);
            high[i] = highs.get(k);
            order[i] = (int) orders.get(k);
            max = i == 0 || Long.compareUnsigned(high[i], max) > 0 ? high[i] : max;
            maxHigh[i] = max;
        }
    }
}
