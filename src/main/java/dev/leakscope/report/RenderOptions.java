package dev.leakscope.report;

/**
 * How a report is written: its format, the Markdown page's size budget (whole rows are cut from the
 * end, with a note), whether the text report colours growth and shrinkage, and the unit of the values
 * diff's text and Markdown reports print (pprof's -unit: {@code minimum}, {@code auto} or a unit name;
 * without a unit selection pass, {@code minimum} scales each value on its own, as pprof's -traces).
 */
public record RenderOptions(Format format, int maxChars, boolean colour, String unit) {
    /** The format with the default Markdown budget, without colour, each value in its own unit. */
    public static RenderOptions of(Format format) {
        return new RenderOptions(format, Markdown.DEFAULT_MAX_CHARS, false, "minimum");
    }

    public RenderOptions withMaxChars(int n) {
        return new RenderOptions(format, n, colour, unit);
    }

    public RenderOptions withColour(boolean on) {
        return new RenderOptions(format, maxChars, on, unit);
    }

    public RenderOptions withUnit(String outputUnit) {
        return new RenderOptions(format, maxChars, colour, outputUnit);
    }
}
