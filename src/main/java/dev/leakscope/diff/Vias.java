package dev.leakscope.diff;

import dev.leakscope.graph.ViaValues;
import java.util.Arrays;

/**
 * For flat rows whose node is allocator, runtime or library code: the program's own frame that the
 * change came through the most (see {@link ViaValues}), per direction of change.
 */
final class Vias {
    private final int[] growthVia;
    private final long[] growth;
    private final int[] shrinkVia;
    private final long[] shrink;

    private Vias(int nodes) {
        growthVia = new int[nodes];
        shrinkVia = new int[nodes];
        growth = new long[nodes];
        shrink = new long[nodes];
        Arrays.fill(growthVia, -1);
        Arrays.fill(shrinkVia, -1);
    }

    /** From the via pairs of the base and of the current profile, over the common nodes; the base scaled. */
    static Vias of(ViaValues vb, ViaValues vc, int nodes, double scale) {
        Vias v = new Vias(nodes);
        for (int i = 0; i < vc.size(); i++) {
            long k = vc.key(i);
            v.offer(k, vc.value(i) - Math.round(vb.valueOf(k) * scale));
        }
        for (int i = 0; i < vb.size(); i++) {
            long k = vb.key(i);
            if (vc.valueOf(k) == 0) {
                v.offer(k, -Math.round(vb.value(i) * scale));
            }
        }
        return v;
    }

    private void offer(long key, long delta) {
        int leaf = ViaValues.leaf(key);
        if (delta > growth[leaf]) {
            growth[leaf] = delta;
            growthVia[leaf] = ViaValues.via(key);
        } else if (delta < shrink[leaf]) {
            shrink[leaf] = delta;
            shrinkVia[leaf] = ViaValues.via(key);
        }
    }

    /**
     * The via node of a node changing by delta, or -1, also when it carried too little of the change to be
     * named ({@link ViaValues#named}).
     */
    int via(int node, long delta) {
        int via = delta > 0 ? growthVia[node] : shrinkVia[node];
        return via >= 0 && ViaValues.named(change(node, delta), delta) ? via : -1;
    }

    /** The part of that change that came through the via node. */
    long change(int node, long delta) {
        return delta > 0 ? growth[node] : shrink[node];
    }
}
