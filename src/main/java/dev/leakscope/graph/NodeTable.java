package dev.leakscope.graph;

import dev.leakscope.util.GoPaths;
import dev.leakscope.profile.Profile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The graph nodes of a profile at one granularity, and for each location the nodes of its frames
 * (innermost first). Built once per profile and options; graphs are then computed from it as often
 * as trimming needs, without looking at names again.
 */
public final class NodeTable {
    /** The nodes, possibly shared with the tables of other profiles (see {@link #shared}). */
    final List<NodeInfo> nodes;
    /** For location l, its frame nodes are frameNode[frameStart[l] .. frameStart[l+1]). */
    final int[] frameStart;
    final int[] frameNode;
    /** Per location, the node of its one frame, or -1 when it has several (see {@link #singleFrameNodes}). */
    private int[] singleFrameNode;

    private NodeTable(List<NodeInfo> nodes, int[] frameStart, int[] frameNode) {
        this.nodes = nodes;
        this.frameStart = frameStart;
        this.frameNode = frameNode;
    }

    public static NodeTable build(Profile p, GraphOptions o) {
        return build(p, o, new ArrayList<>(), new HashMap<>());
    }

    /**
     * One table per profile over one common set of nodes: a node stands for the same function (line,
     * file…) in every profile, so node i of one table is node i of the others, whatever the profiles'
     * location and function ids. Every table's {@link #size} is the size of the common set.
     */
    public static List<NodeTable> shared(List<Profile> profiles, GraphOptions o) {
        List<NodeInfo> nodes = new ArrayList<>();
        Map<NodeInfo, Integer> index = new HashMap<>();
        List<NodeTable> tables = new ArrayList<>(profiles.size());
        for (Profile p : profiles) {
            tables.add(build(p, o, nodes, index));
        }
        return tables;
    }

    private static NodeTable build(Profile p, GraphOptions o, List<NodeInfo> nodes, Map<NodeInfo, Integer> index) {
        Granularity g = o.granularity();
        int locs = p.locationCount();
        int[] start = new int[locs + 1];
        int frames = 0;
        for (int l = 0; l < locs; l++) {
            start[l] = frames;
            frames += frameCount(p, l, o);
        }
        start[locs] = frames;
        NodeTable t = new NodeTable(nodes, start, new int[frames]);
        String[] cleanFiles = new String[p.stringCount()];
        // Without lines, addresses or binary names, a named function's frames are one node wherever they
        // are: its node is looked up once, not once per frame.
        int[] byFunction = g.line || g.address || o.objNames() ? null : new int[p.functionCount()];
        if (byFunction != null) {
            java.util.Arrays.fill(byFunction, -1);
        }
        for (int l = 0; l < locs; l++) {
            int mapping = p.locationMapping(l);
            String objfile = mapping >= 0 ? p.mapping(mapping).file() : "";
            // Addresses are kept only at address granularity (and then only with inlines: the
            // location is taken as it is).
            long address = g.address ? p.locationAddress(l) : 0;
            int first = p.lineStart(l);
            int end = p.lineEnd(l);
            if (first == end) {
                t.frameNode[start[l]] = t.intern(index, new NodeInfo("", "", address, "", 0, 0, objfile));
                continue;
            }
            if (o.noInlines()) {
                first = end - 1; // only the outermost line: the function that holds the code
            }
            for (int line = first, k = start[l]; line < end; line++, k++) {
                int f = p.lineFunction(line);
                if (byFunction != null && byFunction[f] >= 0) {
                    t.frameNode[k] = byFunction[f];
                    continue;
                }
                String name = g.function ? p.functionName(f) : "";
                String file = "";
                if (g.file) {
                    int fi = p.functionFileIndex(f);
                    if (fi != 0) {
                        if (cleanFiles[fi] == null) {
                            String raw = p.string(fi);
                            if (o.trimPath() != null) {
                                raw = GoPaths.trimPath(raw, o.trimPath(), o.sourcePath());
                            }
                            cleanFiles[fi] = GoPaths.clean(raw);
                        }
                        file = cleanFiles[fi];
                    }
                }
                long lineNo = g.line ? p.lineNumber(line) : 0;
                String obj = "";
                long startLine = 0;
                if (o.objNames() || name.isEmpty()) {
                    obj = objfile;
                    startLine = p.functionStartLine(f);
                }
                t.frameNode[k] = t.intern(index, new NodeInfo(name, "", address, file, startLine, lineNo, obj));
                if (byFunction != null && !name.isEmpty()) {
                    byFunction[f] = t.frameNode[k];
                }
            }
        }
        t.singleFrameNode = new int[locs];
        for (int l = 0; l < locs; l++) {
            t.singleFrameNode[l] = start[l + 1] - start[l] == 1 ? t.frameNode[start[l]] : -1;
        }
        return t;
    }

    private static int frameCount(Profile p, int l, GraphOptions o) {
        int lines = p.lineEnd(l) - p.lineStart(l);
        if (lines == 0) {
            return 1;
        }
        return o.noInlines() ? 1 : lines;
    }

    private int intern(Map<NodeInfo, Integer> index, NodeInfo info) {
        Integer i = index.get(info);
        if (i == null) {
            i = nodes.size();
            index.put(info, i);
            nodes.add(info);
        }
        return i;
    }

    public int size() {
        return nodes.size();
    }

    public NodeInfo info(int node) {
        return nodes.get(node);
    }

    /**
     * Per location, the node of its one frame, or -1 when it has several (inlined calls): a pass over
     * stacks reads one array for most locations instead of two. Made once with the table (each pass of
     * the trimming reads it); read-only.
     */
    int[] singleFrameNodes() {
        return singleFrameNode;
    }

    public int frameStart(int location) {
        return frameStart[location];
    }

    public int frameEnd(int location) {
        return frameStart[location + 1];
    }

    public int frameNode(int frame) {
        return frameNode[frame];
    }
}
