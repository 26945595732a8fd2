package dev.leakscope.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leakscope.SlowSeries;
import dev.leakscope.TestProfiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trend, focus and top pages in headless Chromium: each loads offline without a console error,
 * draws what its text report says (chart points, sparklines, projection, the leak frame in red),
 * and its search box, click-to-zoom and table rows work; hostile names and file names stay text and
 * no raw control character reaches the page. Screenshots go to target/html/.
 */
class ReportPagesBrowserTest extends BrowserTest {
    private static final String[] SERIES = {"heap_0.pb.gz", "heap_1.pb.gz", "heap_2.pb.gz", "heap_3.pb.gz",
        "heap_4.pb.gz", "heap_5.pb.gz"};

    /** Where the series is slowed down: over its own 0.3 s there is no rate per hour to project with. */
    @TempDir
    static Path slowSeries;

    private static Path trend(String limit) {
        SlowSeries.copy(slowSeries, Stream.of(SERIES).map(MAP_CACHE::resolve).toArray(Path[]::new));
        String[] args = new String[SERIES.length + 3];
        args[0] = "trend";
        args[1] = "--limit";
        args[2] = limit;
        System.arraycopy(SERIES, 0, args, 3, SERIES.length);
        return page(slowSeries, "map-cache-trend-" + limit + ".html", args);
    }

    @Test
    void trendPageChartsTheSeriesAndProjectsTheTotalToTheLimit() throws Exception {
        browser.openOffline(trend("48MiB"));
        // one point per snapshot for the total and the one suspect; hover names snapshot and value
        assertEquals(6, browser.eval("document.querySelectorAll('svg.chart g.total circle').length").asInt());
        assertEquals(6, browser.eval("document.querySelectorAll('svg.chart g.s0 circle').length").asInt());
        assertEquals(0, browser.eval("document.querySelectorAll('svg.chart g.s1').length").asInt());
        assertEquals("(total)\nheap_5.pb.gz: 40MB", browser.eval(
                "[...document.querySelectorAll('svg.chart g.total circle title')].pop().textContent").asText());
        assertEquals(LEAK, browser.eval("document.querySelector('.legend .sw-s0').textContent").asText());
        // the limit is within three spans of the series: drawn, with the projection up to it
        assertEquals(1, browser.eval("document.querySelectorAll('svg.chart .limit').length").asInt());
        assertTrue(browser.eval("document.querySelector('svg.chart .proj title').textContent").asText()
                .startsWith("projection: reaches 48MB in ~"));
        assertTrue(browser.eval("document.querySelector('dl.facts').textContent").asText()
                .contains("reaches 48MB in ~"));
        // a sparkline per row (total and the 3 nodes that changed), red for the two suspect rows
        assertEquals(4, browser.eval("document.querySelectorAll('table.rows svg.spark').length").asInt());
        assertEquals(2, browser.eval("document.querySelectorAll('table.rows svg.spark.calm').length").asInt());
        browser.screenshot(OUT.resolve("map-cache-trend.png"));
    }

    @Test
    void trendFlameGraphShowsTheGrowthFromFirstToLastSnapshot() throws Exception {
        browser.openOffline(trend("2GiB"));
        assertEquals(0, browser.eval("document.querySelectorAll('svg.chart .proj').length").asInt(),
                "a limit hours away is stated, not drawn");
        assertTrue(hasRed(browser.frameColours(LEAK)), "leak frame not red: " + browser.frameColours(LEAK));
        // first -> last: the same numbers as diff heap_0 heap_5
        assertEquals("6 frames: cum 7.50MB -> 38.50MB (+31MB), flat 7.50MB -> 38.50MB (+31MB)", browser.search("buildtree"));
        browser.eval("[...document.querySelectorAll('table.rows tbody tr')].find(r => r.dataset.name === '"
                + LEAK + "').click()");
        assertEquals(LEAK, browser.eval("leakscopeFlame.name(leakscopeFlame.zoom())").asText());
        // the total row selects no frame: clicking it changes nothing
        browser.eval("document.querySelector('table.rows tbody tr').click()");
        assertEquals(LEAK, browser.eval("leakscopeFlame.name(leakscopeFlame.zoom())").asText());
    }

    @Test
    void focusPageWithBaseIsADifferentialFlameGraphOfTheMatch() throws Exception {
        browser.openOffline(page(MAP_CACHE, "map-cache-focus.html", "focus", "buildTree", "heap_5.pb.gz",
                "--base", "heap_0.pb.gz"));
        assertTrue(hasRed(browser.frameColours(LEAK)), "leak frame not red");
        // only samples through the match: runtime.malg (not through buildTree) is not drawn
        assertEquals(0, browser.frameColours("runtime.malg").size());
        assertEquals("6 frames: cum 7.50MB -> 38.50MB (+31MB), flat 7.50MB -> 38.50MB (+31MB)", browser.search("buildTree"));
        assertEquals(4, browser.eval("document.querySelectorAll('table.rows').length").asInt());
        clickFrame("example.com/leakdemo/internal/cache.Phase");
        assertEquals("example.com/leakdemo/internal/cache.Phase",
                browser.eval("[...document.querySelectorAll('#crumbs button')].pop().textContent").asText());
        // the caller path row selects its match at the end of that path (not the deepest recursive one)
        String path = browser.eval("document.querySelectorAll('table.rows')[1].querySelector('tbody tr td:last-child')"
                + ".textContent").asText();
        browser.eval("document.querySelectorAll('table.rows')[1].querySelector('tbody tr').click()");
        assertEquals(LEAK, browser.eval("leakscopeFlame.name(leakscopeFlame.zoom())").asText());
        assertEquals("root > " + path, crumbs(" > "));
        browser.screenshot(OUT.resolve("map-cache-focus.png"));
    }

    @Test
    void focusPageWithoutBaseShowsTheCurrentProfile() throws Exception {
        browser.openOffline(page(MAP_CACHE, "map-cache-focus-single.html", "focus", "Sprintf", "heap_5.pb.gz"));
        assertEquals(1, browser.frameColours("fmt.Sprintf").size());
        assertEquals(0, browser.frameColours(LEAK).size());
        assertEquals("1 frame: cum 512.01kB (100.00% of all), flat 512.01kB (100.00% of all)", browser.search("sprintf"));
    }

    @Test
    void topPageSearchesAndZooms() throws Exception {
        browser.openOffline(page(MAP_CACHE, "map-cache-top-search.html", "top", "heap_5.pb.gz"));
        assertEquals("6 frames: cum 38.50MB (96.25% of all), flat 38.50MB (96.25% of all)",
                browser.search("buildTree"));
        assertTrue(browser.eval("document.querySelectorAll('#flame .fr.match').length").asInt() >= 6);
        clickFrame("runtime.malg");
        assertEquals("runtime.malg", browser.eval("leakscopeFlame.name(leakscopeFlame.zoom())").asText());
        browser.eval("document.getElementById('reset').click()");
        assertEquals(0, browser.eval("leakscopeFlame.zoom()").asInt());
        browser.eval("[...document.querySelectorAll('table.rows tbody tr')].find(r => r.dataset.name === '"
                + LEAK + "').click()");
        assertEquals(LEAK, browser.eval("leakscopeFlame.name(leakscopeFlame.zoom())").asText());
    }

    /** A long table lays out its first 100 rows on load; the button shows the rest, 100 at a time. */
    @Test
    void aLongTableShowsItsFirstRowsAndTheRestOnRequest(@TempDir Path dir) throws Exception {
        TestProfiles p = new TestProfiles().sampleType("inuse_space", "bytes").function(1, "main.main", "main.go")
                .location(1, 0x10, 1);
        for (int f = 2; f <= 251; f++) {
            p.function(f, "pkg.f" + f, "f.go").location(f, 0x10L * f, f).sample(new long[] {1000L + f}, f, 1);
        }
        Files.write(dir.resolve("wide.pb.gz"), p.gzipped());
        browser.openOffline(page(dir, "wide-top.html", "top", "--nodefraction=0", "wide.pb.gz"));
        String visible = "[...document.querySelectorAll('table.rows tbody tr')].filter(r => r.getClientRects().length)"
                + ".length";
        assertEquals(251, browser.eval("document.querySelectorAll('table.rows tbody tr').length").asInt());
        assertEquals(100, browser.eval(visible).asInt());
        assertEquals("151 of 251 rows hidden", browser.eval("document.querySelector('button.more + .note').textContent")
                .asText());
        browser.eval("document.querySelector('button.more').click()");
        assertEquals(200, browser.eval(visible).asInt());
        assertEquals("51 of 251 rows hidden", browser.eval("document.querySelector('button.more + .note').textContent")
                .asText());
        browser.eval("document.querySelector('button.more').click()");
        assertEquals(251, browser.eval(visible).asInt());
        assertEquals(0, browser.eval("document.querySelectorAll('button.more').length").asInt());
        // a row shown later still finds its frame
        assertEquals(249, browser.eval("[...document.querySelectorAll('table.rows tbody tr')].findIndex(r =>"
                + " r.dataset.name === 'pkg.f2')").asInt(), "the smallest function, second to last before main.main");
        browser.eval("[...document.querySelectorAll('table.rows tbody tr')][249].click()");
        assertEquals("pkg.f2", browser.eval("leakscopeFlame.name(leakscopeFlame.zoom())").asText());
    }

    /**
     * Frames a few pixels wide between labelled ones: each frame is drawn within its own width, so none
     * covers the first letters of its neighbour's label.
     */
    @Test
    void narrowFramesStayWithinTheirWidth(@TempDir Path dir) throws Exception {
        TestProfiles p = new TestProfiles().sampleType("inuse_space", "bytes").function(1, "main.main", "main.go")
                .location(1, 0x10, 1);
        for (int f = 2; f <= 41; f++) {
            p.function(f, "pkg.f" + f, "f.go").location(f, 0x10L * f, f).sample(new long[] {f % 2 == 0 ? 5 : 100}, f, 1);
        }
        Files.write(dir.resolve("narrow.pb.gz"), p.gzipped());
        browser.openOffline(page(dir, "narrow-top.html", "top", "--nodefraction=0", "narrow.pb.gz"));
        JsonNode rows = browser.eval("[...document.querySelectorAll('#flame .fr')].filter(f => f.style.top === '36px')"
                + ".map(f => [f.getBoundingClientRect(), parseFloat(f.style.width)]).sort((a, b) => a[0].left - b[0].left)"
                + ".map(([r, w]) => [r.left, r.right, w])");
        assertEquals(40, rows.size(), "the frames under main.main");
        double narrowest = Double.MAX_VALUE;
        for (JsonNode r : rows) {
            narrowest = Math.min(narrowest, r.get(2).asDouble());
        }
        assertTrue(narrowest < 5, "the narrowest frame is meant to be " + narrowest + " px wide");
        for (int i = 1; i < rows.size(); i++) {
            assertTrue(rows.get(i - 1).get(1).asDouble() <= rows.get(i).get(0).asDouble() + 0.01,
                    "frame " + (i - 1) + " " + rows.get(i - 1) + " overlaps frame " + i + " " + rows.get(i));
        }
    }

    @Test
    void hostileNamesStayTextOnTrendAndFocusPages(@TempDir Path dir) throws Exception {
        String script = "x.<script>window.pwned = 1</script>";
        String img = "y.<img src=x onerror=\"window.pwned = 2\">\u0007\u001b[31m";
        String[] files = {"s0<b>.pb.gz", "s1\u001b[0m.pb.gz", "s2.pb.gz"};
        for (int i = 0; i < files.length; i++) {
            Files.write(dir.resolve(files[i]), hostile(script, img, 1 + 10 * i).gzipped());
        }
        Path trend = page(dir, "hostile-trend.html", "trend", files[0], files[1], files[2]);
        Path focus = page(dir, "hostile-focus.html", "focus", "img", files[2], "--base", files[0]);
        for (Path html : new Path[] {trend, focus}) {
            String page = Files.readString(html);
            assertFalse(page.contains("<script>window"), "raw script tag in " + html);
            assertFalse(page.contains("<img") || page.contains("<b>"), "raw tag in " + html);
            assertFalse(page.chars().anyMatch(c -> c < 0x20 && c != '\n' || c == 0x7f), "raw control character in " + html);
            browser.openOffline(html);
            assertEquals("undefined", browser.eval("typeof window.pwned").asText());
            assertEquals(0, browser.eval("document.images.length").asInt());
            assertEquals(2, browser.eval("document.scripts.length").asInt());
            assertTrue(browser.eval("[...document.querySelectorAll('#flame .fr')].some(f => f.textContent.includes("
                    + "'onerror'))").asBoolean(), "hostile frame drawn as text in " + html);
        }
        browser.openOffline(trend);
        assertTrue(browser.eval("document.querySelector('dl.facts').textContent").asText().contains("s0<b>.pb.gz"));
    }

    /**
     * focus: a caller path row zooms to the frame at the end of its own path, though another path to the
     * same function grew more.
     */
    @Test
    void aCallerPathRowZoomsToTheEndOfItsOwnPath(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("base.pb.gz"), twoCallers(1, 1).gzipped());
        Files.write(dir.resolve("cur.pb.gz"), twoCallers(21, 9).gzipped()); // via A +20MB, via B +8MB
        browser.openOffline(page(dir, "two-callers-focus.html", "focus", "leak.alloc", "cur.pb.gz", "--base",
                "base.pb.gz"));
        for (String via : new String[] {"svc.handlerB", "svc.handlerA"}) {
            browser.eval("[...document.querySelectorAll('table.rows')[1].querySelectorAll('tbody tr')]"
                    + ".find(r => r.textContent.includes('" + via + "')).click()");
            assertEquals("root,runtime.main,main.main," + via + ",leak.alloc", crumbs(","));
            assertTrue(browser.eval("document.getElementById('zoomnote').hidden").asBoolean());
        }
        // a row of a name selects the frame of that name that changed most
        browser.eval("document.querySelectorAll('table.rows')[0].querySelector('tbody tr').click()");
        assertEquals("root,runtime.main,main.main,svc.handlerA,leak.alloc", crumbs(","));
    }

    /**
     * A table row whose every frame is folded into "[other]" zooms to the [other] frame that holds it, and
     * the page says so; the search says that folded frames are not counted.
     */
    @Test
    void aRowWhoseFramesAreFoldedZoomsToItsOtherFrameAndSaysSo(@TempDir Path dir) throws Exception {
        TestProfiles p = new TestProfiles().sampleType("inuse_space", "bytes").function(1, "main.main", "m.go")
                .function(2, "main.big", "m.go").location(1, 0x10, 1).location(2, 0x20, 2)
                .sample(new long[] {1_000_000}, 2, 1);
        for (int i = 0; i < 50; i++) {
            p.function(10 + i, "main.small" + i, "s.go").location(10 + i, 0x100 + i, 10 + i)
                    .sample(new long[] {1}, 10 + i, 1);
        }
        Files.write(dir.resolve("folded.pb.gz"), p.gzipped());
        browser.openOffline(page(dir, "folded-top.html", "top", "--nodefraction=0", "folded.pb.gz"));
        browser.eval("[...document.querySelectorAll('table.rows tbody tr')].find(r => r.dataset.name === 'main.small7')"
                + ".click()");
        assertEquals("root,main.main,[other]", crumbs(","));
        assertEquals("main.small7 is folded into [other] under main.main (frames below the size budget): zoomed to"
                + " that [other] frame.", browser.eval("const z = document.getElementById('zoomnote');"
                + " z.hidden ? '(hidden)' : z.textContent").asText());
        browser.eval("document.getElementById('reset').click()");
        assertTrue(browser.eval("document.getElementById('zoomnote').hidden").asBoolean(), "the note outlives its zoom");
        assertEquals("1 frame: cum 976.56kB (100.00% of all), flat 976.56kB (100.00% of all); frames folded into"
                + " [other] not counted", browser.search("main.big"));
        assertEquals("0 frames; frames folded into [other] not counted", browser.search("main.small"));
    }

    private static String crumbs(String separator) throws Exception {
        return browser.eval("[...document.querySelectorAll('#crumbs button')].map(b => b.textContent).join('"
                + separator + "')").asText();
    }

    private static TestProfiles twoCallers(long viaA, long viaB) {
        return new TestProfiles().sampleType("inuse_space", "bytes").function(1, "runtime.main", "proc.go")
                .function(2, "main.main", "main.go").function(3, "svc.handlerA", "a.go")
                .function(4, "svc.handlerB", "b.go").function(5, "leak.alloc", "leak.go").location(1, 0x10, 1)
                .location(2, 0x20, 2).location(3, 0x30, 3).location(4, 0x40, 4).location(5, 0x50, 5)
                .sample(new long[] {viaA << 20}, 5, 3, 2, 1).sample(new long[] {viaB << 20}, 5, 4, 2, 1);
    }

    private static void clickFrame(String name) throws Exception {
        // by the frame's name, not its label: a narrow frame has none
        browser.eval("[...document.querySelectorAll('#flame .fr')].find(f => leakscopeFlame.name(+f.dataset.i) === '"
                + name + "').click()");
        assertEquals(name, browser.eval("leakscopeFlame.name(leakscopeFlame.zoom())").asText());
    }

    private static TestProfiles hostile(String a, String b, long scale) {
        return new TestProfiles().sampleType("inuse_space", "bytes").function(1, "main.main", "main.go")
                .function(2, a, "x.go").function(3, b, "y\u0007.go").location(1, 0x10, 1).location(2, 0x20, 2)
                .location(3, 0x30, 3).sample(new long[] {1 << 20}, 2, 1).sample(new long[] {scale << 20}, 3, 1);
    }

    private static boolean hasRed(JsonNode colours) {
        for (JsonNode c : colours) {
            String[] p = c.asText().replaceAll("[^0-9,]", "").split(",");
            if (Integer.parseInt(p[0]) > 180 && Integer.parseInt(p[1]) < 90 && Integer.parseInt(p[2]) < 90) {
                return true;
            }
        }
        return false;
    }
}
