package dev.leakscope.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leakscope.Cli;
import dev.leakscope.TestProfiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The HTML reports in a real browser: headless Chromium loads each generated page from a file, and
 * the page is checked the way a reader would use it (leak frame red, search, table row to frame,
 * hostile names inert). A screenshot of the diff report goes to target/html/.
 */
class HtmlBrowserTest extends BrowserTest {
    private static Path diffReport() {
        Path html = OUT.resolve("map-cache-diff.html");
        Cli.Result r = Cli.run(MAP_CACHE, "diff", "heap_0.pb.gz", "heap_5.pb.gz", "--format", "html", "--output",
                html.toString());
        assertEquals(0, r.exitCode(), r.err());
        return html;
    }

    private static void open(Path html) throws Exception {
        browser.open(html.toUri().toString());
        assertEquals(List.of(), browser.problems(), "console errors or exceptions");
        assertEquals(List.of(html.toUri().toString()), browser.requests(), "requests besides the document");
    }

    @Test
    void diffReportLoadsOfflineAndShowsTheLeakInRed() throws Exception {
        open(diffReport());
        JsonNode colours = browser.eval("[...document.querySelectorAll('#flame .fr')].filter(f => f.textContent === '"
                + LEAK + "').map(f => getComputedStyle(f).backgroundColor)");
        assertTrue(colours.size() > 0, "no frame " + LEAK);
        boolean red = false;
        for (JsonNode c : colours) {
            int[] rgb = rgb(c.asText());
            red |= rgb[0] > 180 && rgb[1] < 90 && rgb[2] < 90;
        }
        assertTrue(red, "no red frame among " + colours);
        browser.screenshot(OUT.resolve("map-cache-diff.png"));
    }

    @Test
    void searchFindsTheLeakAndSumsItsDelta() throws Exception {
        open(diffReport());
        String found = browser.eval("const s = document.getElementById('search'); s.value = 'buildtree';"
                + " s.dispatchEvent(new Event('input')); document.getElementById('found').textContent").asText();
        assertEquals("6 frames: cum 7.50MB -> 38.50MB (+31MB), flat 7.50MB -> 38.50MB (+31MB)", found);
        assertTrue(browser.eval("document.querySelectorAll('#flame .fr.match').length").asInt() >= 6);
        assertEquals(0, browser.eval("[...document.querySelectorAll('#flame .fr.match')]"
                + ".filter(f => !f.textContent.includes('buildTree')).length").asInt());
    }

    /** --unit kB: the flame graph's search sum, tooltips and fold note in kB, as the facts and the table. */
    @Test
    void theFlameGraphsLabelsFollowTheUnit() throws Exception {
        Path html = OUT.resolve("map-cache-diff-kB.html");
        Cli.Result r = Cli.run(MAP_CACHE, "diff", "--unit", "kB", "heap_0.pb.gz", "heap_5.pb.gz", "--format", "html",
                "--output", html.toString());
        assertEquals(0, r.exitCode(), r.err());
        open(html);
        String found = browser.eval("const s = document.getElementById('search'); s.value = 'buildtree';"
                + " s.dispatchEvent(new Event('input')); document.getElementById('found').textContent").asText();
        assertEquals("6 frames: cum 7680.59kB -> 39427.12kB (+31746.53kB), flat 7680.59kB -> 39427.12kB"
                + " (+31746.53kB)", found);
        String tip = browser.eval("const f = [...document.querySelectorAll('#flame .fr')].find(f => f.textContent === '"
                + LEAK + "'); const b = f.getBoundingClientRect(); f.dispatchEvent(new MouseEvent('mousemove',"
                + " {bubbles: true, clientX: b.left + 2, clientY: b.top + 2})); document.getElementById('tip').textContent")
                .asText();
        assertTrue(tip.contains("total: 7680.59kB -> 39427.12kB  (+31746.53kB, +413.3%)"), tip);
        assertTrue(browser.eval("document.querySelector('table.rows tbody tr').textContent").asText()
                .contains("+31746.53kB"));
    }

    /** Near the window's bottom right corner the tooltip shows above and left of the pointer, inside the window. */
    @Test
    void theTooltipStaysInsideTheWindow() throws Exception {
        open(diffReport());
        JsonNode r = browser.eval("(() => { const f = document.querySelector('#flame .fr'), x = innerWidth - 3,"
                + " y = innerHeight - 3; f.dispatchEvent(new MouseEvent('mousemove', {bubbles: true, clientX: x, clientY: y}));"
                + " const b = document.getElementById('tip').getBoundingClientRect();"
                + " return {top: b.top, bottom: b.bottom, left: b.left, right: b.right, w: innerWidth, y: y}; })()");
        assertTrue(r.get("top").asDouble() >= 0 && r.get("bottom").asDouble() <= r.get("y").asDouble(), r.toString());
        assertTrue(r.get("left").asDouble() >= 0 && r.get("right").asDouble() <= r.get("w").asDouble(), r.toString());
        // and below the pointer where there is room
        r = browser.eval("document.querySelector('#flame .fr').dispatchEvent(new MouseEvent('mousemove',"
                + " {bubbles: true, clientX: 20, clientY: 20})); ({top: document.getElementById('tip').getBoundingClientRect().top})");
        assertEquals(34, r.get("top").asDouble(), 0.5);
    }

    @Test
    void clickingATableRowZoomsToItsFrame() throws Exception {
        open(diffReport());
        browser.eval("document.querySelector('table.rows tbody tr').click()");
        assertEquals(LEAK, browser.eval("leakscopeFlame.name(leakscopeFlame.zoom())").asText());
        assertEquals(LEAK, browser.eval("[...document.querySelectorAll('#crumbs button')].pop().textContent").asText());
        assertEquals(LEAK, browser.eval("document.querySelector('#flame .fr.sel').textContent").asText());
        // zoomed: the selected frame spans the whole graph
        assertTrue(browser.eval("document.querySelector('#flame .fr.sel').offsetWidth >= "
                + "document.getElementById('flame').clientWidth - 1").asBoolean());
    }

    @Test
    void scriptInAFunctionNameStaysText(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        // "x.<": a Java-like name, which pprof's C++ name simplification leaves whole
        String script = "x.<script>window.pwned = 1; document.title = 'pwned'</script>";
        String img = "y.<img src=x onerror=\"window.pwned = 2\">";
        Files.write(dir.resolve("base.pb.gz"), hostile(script, img, 1).gzipped());
        Files.write(dir.resolve("cur.pb.gz"), hostile(script, img, 50).gzipped());
        Path html = OUT.resolve("hostile-diff.html");
        assertEquals(0, Cli.run(dir, "diff", "base.pb.gz", "cur.pb.gz", "--format", "html", "--output",
                html.toString()).exitCode());
        String page = Files.readString(html);
        assertFalse(page.contains(script), "raw script tag in the page");
        assertFalse(page.contains("<img"), "raw img tag in the page");
        open(html);
        assertEquals("undefined", browser.eval("typeof window.pwned").asText());
        assertEquals("leakscope diff", browser.eval("document.title").asText());
        assertEquals(0, browser.eval("document.images.length").asInt());
        assertEquals(2, browser.eval("document.scripts.length").asInt());
        assertTrue(browser.eval("[...document.querySelectorAll('#flame .fr')].some(f => f.textContent.startsWith("
                + "decodeURIComponent('" + java.net.URLEncoder.encode(script, "UTF-8").replace("+", "%20")
                + "')))").asBoolean());
        assertTrue(browser.eval("[...document.querySelectorAll('table.rows td')].some(t => t.textContent.includes("
                + "'onerror'))").asBoolean());
    }

    @Test
    void topReportLoads() throws Exception {
        Path html = OUT.resolve("map-cache-top.html");
        assertEquals(0, Cli.run(MAP_CACHE, "top", "heap_5.pb.gz", "--format", "html", "--output", html.toString())
                .exitCode());
        open(html);
        assertTrue(browser.eval("[...document.querySelectorAll('#flame .fr')].some(f => f.textContent === '"
                + LEAK + "')").asBoolean());
    }

    private static TestProfiles hostile(String a, String b, long scale) {
        return new TestProfiles().sampleType("inuse_space", "bytes").function(1, "main.main", "main.go")
                .function(2, a, "x.go").function(3, b, "y.go").location(1, 0x10, 1).location(2, 0x20, 2)
                .location(3, 0x30, 3).sample(new long[] {1 << 20}, 2, 1).sample(new long[] {scale << 20}, 3, 1);
    }

    private static int[] rgb(String css) {
        String[] parts = css.replaceAll("[^0-9,]", "").split(",");
        return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2])};
    }
}
