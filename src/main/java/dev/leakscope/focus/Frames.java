package dev.leakscope.focus;

import dev.leakscope.graph.GraphOptions;
import dev.leakscope.graph.NodeTable;
import dev.leakscope.profile.Profile;
import java.util.ArrayList;
import java.util.List;

/** The frames of a profile's samples named at function granularity, as pprof's -traces names them. */
final class Frames {
    private final Profile profile;
    private final NodeTable table;

    Frames(Profile profile, GraphOptions options) {
        this.profile = profile;
        this.table = NodeTable.build(profile, options);
    }

    /** The printable names of sample s's frames, leaf first, inlined frames marked " (inline)". */
    List<String> leafFirst(int s) {
        List<String> frames = new ArrayList<>();
        for (int i = profile.stackStart(s); i < profile.stackEnd(s); i++) {
            int l = profile.stackLocation(i);
            for (int f = table.frameStart(l); f < table.frameEnd(l); f++) {
                String name = table.info(table.frameNode(f)).printableName();
                frames.add(f != table.frameEnd(l) - 1 ? name + " (inline)" : name);
            }
        }
        return frames;
    }

    /** The names of sample s's frames, leaf first, without inline marks (one per graph node). */
    List<String> nodeNames(int s) {
        List<String> frames = new ArrayList<>();
        for (int i = profile.stackStart(s); i < profile.stackEnd(s); i++) {
            int l = profile.stackLocation(i);
            for (int f = table.frameStart(l); f < table.frameEnd(l); f++) {
                frames.add(table.info(table.frameNode(f)).printableName());
            }
        }
        return frames;
    }
}
