package dev.leakscope.focus;

import dev.leakscope.graph.GraphOptions;
import dev.leakscope.graph.NodeTable;
import dev.leakscope.profile.Profile;
import dev.leakscope.util.IntList;
import java.util.ArrayList;
import java.util.List;

/** The frames of a profile's samples named at function granularity, as pprof's -traces names them. */
final class Frames {
    private final Profile profile;
    private final NodeTable table;
    /** Printable name per node, made once: samples share nodes. */
    private final String[] names;

    Frames(Profile profile, GraphOptions options) {
        this.profile = profile;
        this.table = NodeTable.build(profile, options);
        this.names = new String[table.size()];
        for (int n = 0; n < names.length; n++) {
            names[n] = table.info(n).printableName();
        }
    }

    int nodeCount() {
        return names.length;
    }

    String name(int node) {
        return names[node];
    }

    /** The nodes of sample s's frames, leaf first, into out (cleared first). */
    void nodes(int s, IntList out) {
        out.clear();
        for (int n = profile.stackLeaf(s); n >= 0; n = profile.stacks.parent(n)) {
            int l = profile.stacks.location(n);
            for (int f = table.frameStart(l); f < table.frameEnd(l); f++) {
                out.add(table.frameNode(f));
            }
        }
    }

    /** The printable names of sample s's frames, leaf first, inlined frames marked " (inline)". */
    List<String> leafFirst(int s) {
        List<String> frames = new ArrayList<>();
        for (int n = profile.stackLeaf(s); n >= 0; n = profile.stacks.parent(n)) {
            int l = profile.stacks.location(n);
            for (int f = table.frameStart(l); f < table.frameEnd(l); f++) {
                String name = names[table.frameNode(f)];
                frames.add(f != table.frameEnd(l) - 1 ? name + " (inline)" : name);
            }
        }
        return frames;
    }

}
