package dev.leakscope.profile;

/** What a sample value (or the sampling period) measures: a type such as {@code inuse_space} and a unit. */
public record ValueType(String type, String unit) {
    public static final ValueType EMPTY = new ValueType("", "");

    @Override
    public String toString() {
        return type + "/" + unit;
    }
}
