package dev.leakscope.diff;

/**
 * One node of a diff, values in the sample unit.
 *
 * @param name        printable node name (with pprof's inline mark)
 * @param base        value in the base (after normalisation, if asked)
 * @param current     value in the current profile
 * @param noiseMargin change that sampling error explains (see {@link NoiseModel}); 0 when not estimated
 * @param via         for a flat row of allocator, runtime or library code, the program's own frame
 *                    that most of the change came through (see {@code graph.OwnCode}); else null
 * @param viaDelta    the part of the change that came through via
 */
public record DiffRow(String name, long base, long current, long noiseMargin, String via, long viaDelta) {

    /** The share of the change that came through via, in percent. */
    public double viaPct() {
        return 100.0 * viaDelta / delta();
    }

    public long delta() {
        return current - base;
    }

    /** Present now, absent from the base. */
    public boolean isNew() {
        return base == 0 && current != 0;
    }

    /** Present in the base, absent now. */
    public boolean gone() {
        return current == 0 && base != 0;
    }

    /** The change is within what sampling error explains. */
    public boolean noise() {
        return Math.abs(delta()) <= noiseMargin;
    }

    /** Growth beyond sampling noise. */
    public boolean significantGrowth() {
        return delta() > 0 && !noise();
    }

    /** Change in percent of the node's own base; null for a new node. */
    public Double pct() {
        return base == 0 ? null : 100.0 * delta() / Math.abs((double) base);
    }
}
