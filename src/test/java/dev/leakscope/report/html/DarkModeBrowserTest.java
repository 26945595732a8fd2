package dev.leakscope.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The diff and trend pages with the reader's browser set to a dark colour scheme
 * ({@code prefers-color-scheme: dark}, emulated over the DevTools protocol): the page turns dark,
 * and every piece of text (facts, table cells, the red and blue change columns, frame labels)
 * keeps a WCAG AA contrast of at least 4.5:1 against what is behind it, with no console error.
 * Screenshots go to target/html/.
 */
class DarkModeBrowserTest extends BrowserTest {
    /** WCAG 2 contrast ratio of two computed colours; alpha-blended text is taken as opaque. */
    private static final String CONTRAST = "const lum = c => { const v = c.match(/[\\d.]+/g).slice(0, 3).map(x => {"
            + " x = x / 255; return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); });"
            + " return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; };"
            + " const ratio = (a, b) => { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };"
            + " const behind = e => { for (; e; e = e.parentElement) { const s = getComputedStyle(e);"
            + " if (s.backgroundImage !== 'none') { return null; }"
            + " if (!/rgba\\(.*, 0\\)$|transparent/.test(s.backgroundColor)) { return s.backgroundColor; } }"
            + " return 'rgb(255, 255, 255)'; };";

    @AfterEach
    void light() throws Exception {
        browser.colourScheme("light");
    }

    /** The lowest contrast of any visible text element with text of its own, and where. */
    private static JsonNode worstContrast() throws Exception {
        return browser.eval("(() => { " + CONTRAST + " let worst = {ratio: 99, what: ''};"
                + " for (const e of document.querySelectorAll('body *')) {"
                + "  const own = [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());"
                + "  if (!own || e.closest('script, style, svg') || !e.getClientRects().length) { continue; }"
                + "  const bg = behind(e); if (!bg) { continue; }"
                + "  const r = ratio(getComputedStyle(e).color, bg);"
                + "  if (r < worst.ratio) { worst = {ratio: r, what: e.tagName + '.' + e.className + ' '"
                + "   + getComputedStyle(e).color + ' on ' + bg + ': ' + e.textContent.slice(0, 40)}; } }"
                + " return worst; })()");
    }

    private static String background() throws Exception {
        return browser.eval("getComputedStyle(document.body).backgroundColor").asText();
    }

    private static void readableInBothSchemes(Path html, String screenshot) throws Exception {
        browser.openOffline(html);
        String light = background();
        JsonNode lightWorst = worstContrast();
        browser.colourScheme("dark");
        browser.openOffline(html);
        String dark = background();
        assertEquals("rgb(255, 255, 255)", light);
        assertEquals("rgb(23, 23, 26)", dark, "the page did not turn dark");
        JsonNode darkWorst = worstContrast();
        assertTrue(darkWorst.get("ratio").asDouble() >= 4.5, "dark: " + darkWorst);
        assertTrue(lightWorst.get("ratio").asDouble() >= 4.5, "light: " + lightWorst);
        assertTrue(browser.eval("document.querySelectorAll('#flame .fr').length").asInt() > 0);
        browser.screenshot(OUT.resolve(screenshot));
    }

    @Test
    void diffPageIsReadableInTheDarkScheme() throws Exception {
        readableInBothSchemes(page(MAP_CACHE, "map-cache-diff-dark.html", "diff", "heap_0.pb.gz", "heap_5.pb.gz"),
                "map-cache-diff-dark.png");
        // the leak frame stays red on the dark page
        boolean red = false;
        for (JsonNode c : browser.frameColours(LEAK)) {
            String[] v = c.asText().replaceAll("[^\\d,]", "").split(",");
            red |= Integer.parseInt(v[0]) > 180 && Integer.parseInt(v[1]) < 90 && Integer.parseInt(v[2]) < 90;
        }
        assertTrue(red, "leak frame not red: " + browser.frameColours(LEAK));
    }

    @Test
    void trendPageIsReadableInTheDarkScheme() throws Exception {
        readableInBothSchemes(page(MAP_CACHE, "map-cache-trend-dark.html", "trend", "heap_0.pb.gz", "heap_1.pb.gz", "heap_2.pb.gz",
                "heap_3.pb.gz", "heap_4.pb.gz", "heap_5.pb.gz"), "map-cache-trend-dark.png");
    }
}
