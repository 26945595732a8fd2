package dev.leakscope.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.leakscope.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** One real headless Chromium per browser test class, the map-cache profiles and where pages and screenshots go. */
abstract class BrowserTest {
    static final Path MAP_CACHE = Path.of("testdata/map-cache").toAbsolutePath();
    static final Path OUT = Path.of("target/html").toAbsolutePath();
    static final String LEAK = "example.com/leakdemo/internal/cache.buildTree";
    static Chromium browser;

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(OUT);
        browser = Chromium.start();
    }

    /** Runs a report command in dir with {@code --format html --output OUT/file}; the page written. */
    static Path page(Path dir, String file, String... args) {
        Path html = OUT.resolve(file);
        String[] all = Arrays.copyOf(args, args.length + 4);
        all[args.length] = "--format";
        all[args.length + 1] = "html";
        all[args.length + 2] = "--output";
        all[args.length + 3] = html.toString();
        Cli.Result r = Cli.run(dir, all);
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.out());
        return html;
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }
}
