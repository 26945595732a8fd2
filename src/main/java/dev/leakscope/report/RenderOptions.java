package dev.leakscope.report;

/**
 * How a report is written: its format, the Markdown page's size budget (whole rows are cut from the
 * end, with a note), and whether the text report colours growth and shrinkage.
 */
public record RenderOptions(Format format, int maxChars, boolean colour) {
    /** The format with the default Markdown budget, without colour. */
    public static RenderOptions of(Format format) {
        return new RenderOptions(format, Markdown.DEFAULT_MAX_CHARS, false);
    }

    public RenderOptions withMaxChars(int n) {
        return new RenderOptions(format, n, colour);
    }

    public RenderOptions withColour(boolean on) {
        return new RenderOptions(format, maxChars, on);
    }
}
