package dev.leakscope.report.html;

import java.nio.file.Files;
import java.nio.file.Path;
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

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }
}
