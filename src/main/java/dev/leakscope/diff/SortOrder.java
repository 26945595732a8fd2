package dev.leakscope.diff;

/** How diff rows are ranked. Growing nodes come before shrinking ones, except by name. */
public enum SortOrder {
    /** By change: largest growth first, then largest shrink. */
    DELTA,
    /** By change relative to the node's own base: new nodes first. */
    PCT,
    /** By current value. */
    CURRENT,
    /** By name only. */
    NAME;

    /** The order named name, or null. */
    public static SortOrder parse(String name) {
        for (SortOrder s : values()) {
            if (s.name().equalsIgnoreCase(name)) {
                return s;
            }
        }
        return null;
    }
}
