package dev.leakscope.graph;

import dev.leakscope.util.GoPaths;
import dev.leakscope.util.Hashing;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The identity of a graph node, as pprof keys it: function name, address, file, line and, where
 * the name alone would not tell nodes apart, the object file and start line.
 */
public record NodeInfo(String name, String origName, long address, String file, long startLine,
                       long lineNumber, String objfile) {

    /** Seeded: names and addresses come from the input, and nodes are kept in a hash map (see Hashing). */
    @Override
    public int hashCode() {
        long h = Hashing.combine(Hashing.combine(Hashing.start(), name), origName);
        h = Hashing.combine(Hashing.combine(Hashing.combine(h, address), file), startLine);
        return Hashing.finish(Hashing.combine(Hashing.combine(h, lineNumber), objfile));
    }

    /**
     * Written out: a record's generated equals is linked at run time through method handles, which
     * costs a cold start tens of spun classes (nodes are compared in every command).
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof NodeInfo n && address == n.address && startLine == n.startLine
                && lineNumber == n.lineNumber && Objects.equals(name, n.name) && Objects.equals(origName, n.origName)
                && Objects.equals(file, n.file) && Objects.equals(objfile, n.objfile);
    }

    /** The parts of the printable name: address, function, file:line or file, or [binary]. */
    public List<String> nameComponents() {
        List<String> parts = new ArrayList<>(3);
        if (address != 0) {
            parts.add(String.format("%016x", address));
        }
        if (!name.isEmpty()) {
            parts.add(name);
        }
        if (lineNumber != 0) {
            parts.add(file + ":" + lineNumber);
        } else if (!file.isEmpty()) {
            parts.add(file);
        } else if (!name.isEmpty()) {
            // the name was enough
        } else if (!objfile.isEmpty()) {
            parts.add("[" + GoPaths.base(objfile) + "]");
        } else {
            parts.add("<unknown>");
        }
        return parts;
    }

    public String printableName() {
        return String.join(" ", nameComponents());
    }

    /** The text pprof compares last when ordering nodes: Go's default rendering of its key struct. */
    String sortKey() {
        return "{" + name + " " + origName + " " + Long.toUnsignedString(address) + " " + file + " "
                + startLine + " " + lineNumber + " " + objfile + "}";
    }
}
