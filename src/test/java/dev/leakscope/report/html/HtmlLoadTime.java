package dev.leakscope.report.html;

import java.nio.file.Path;

/**
 * Measures how long headless Chromium takes to open a report (for the README's size budget note;
 * not a test: wall-clock time on a shared machine is only indicative). Usage:
 * {@code java -cp target/test-classes:target/classes:DEPS dev.leakscope.report.html.HtmlLoadTime FILE.html [RUNS]}.
 * Prints, per run, the navigation's load event end and the time until the flame graph is drawn.
 */
public final class HtmlLoadTime {
    private HtmlLoadTime() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]).toAbsolutePath();
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        try (Chromium c = Chromium.start()) {
            for (int i = 0; i < runs; i++) {
                c.open(file.toUri().toString());
                System.out.println("load " + c.eval("Math.round(performance.getEntriesByType('navigation')[0]"
                        + ".loadEventEnd)").asLong() + " ms, frames drawn "
                        + c.eval("document.querySelectorAll('#flame .fr').length").asInt() + ", problems "
                        + c.problems().size());
            }
        }
    }
}
