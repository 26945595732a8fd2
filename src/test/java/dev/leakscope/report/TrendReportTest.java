package dev.leakscope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leakscope.JsonSchemas;
import dev.leakscope.graph.NodeInfo;
import dev.leakscope.profile.Harmonization;
import dev.leakscope.profile.Producers;
import dev.leakscope.profile.TimeSource;
import dev.leakscope.trend.Series;
import dev.leakscope.trend.Trend;
import dev.leakscope.trend.TrendAnalysis;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rows a trend report shows and the words of its header, on series made up for the case. */
class TrendReportTest {

    /** A series of named rows over six snapshots in argument order; the totals are given (the rest of the heap). */
    private static Trend trend(long[] totals, String[] names, long[]... values) {
        List<NodeInfo> nodes = new ArrayList<>();
        for (String n : names) {
            nodes.add(new NodeInfo(n, "", 0, "", 0, 0, ""));
        }
        double[] nan = new double[values.length];
        Arrays.fill(nan, Double.NaN);
        Series s = new Series("inuse_space", "bytes", List.of("a", "b", "c", "d", "e", "f"), new long[6],
                Series.Order.ARGUMENTS, nodes, values, totals, nan, Double.NaN,
                Collections.nCopies(nodes.size(), (NodeInfo) null), Harmonization.NONE,
                Collections.nCopies(6, Series.Notes.NONE));
        return TrendAnalysis.analyze(s);
    }

    private static TrendReport report(Trend t, double nodeFraction) {
        return TrendReport.of(t, new TrendReport.Options(Format.TEXT, true, new TrendReport.RowLimit(0, nodeFraction),
                null, ZoneOffset.UTC, 60000, "minimum", false), GateStatus.NONE);
    }

    private static List<String> shown(TrendReport r) {
        return r.shownRows().stream().map(Trend.Row::name).toList();
    }

    /**
     * On a big heap, a leak that grows by 1 GB of 288 GB is far below 0.5% of the largest total, and was
     * cut with the flat giants kept: the cut is of the gross change (diff's), so the leak is shown and a
     * node that did not change is not.
     */
    @Test
    void theCutIsOfTheGrossChangeNotOfTheTotal() {
        long gb = 1L << 30;
        long[] leak = {gb / 8, gb / 4, gb / 2, 3 * gb / 4, gb, 9 * gb / 8};
        long[] flat = {280 * gb, 280 * gb, 280 * gb, 280 * gb, 280 * gb, 280 * gb};
        long[] shrink = {8 * gb, 8 * gb - gb / 4, 8 * gb - gb / 2, 8 * gb - gb / 2, 7 * gb, 7 * gb};
        long[] totals = new long[6];
        for (int i = 0; i < 6; i++) {
            totals[i] = leak[i] + flat[i] + shrink[i];
        }
        Trend t = trend(totals, new String[] {"leak", "flat", "shrink"}, leak, flat, shrink);
        assertEquals(List.of("leak", "shrink"), shown(report(t, 0.005)));
        assertEquals(1, report(t, 0.005).hiddenRows());
        assertEquals(List.of("leak", "flat", "shrink"), shown(report(t, 0)), "0 shows all, in rank order");
    }

    /** A suspect is shown whatever the cut: here its growth is under 0.5% of a churning node's swing. */
    @Test
    void theCutNeverHidesASuspect() {
        long[] steady = {100, 110, 120, 130, 140, 150};
        long[] churn = {20000, 0, 20000, 0, 20000, 0};
        long[] totals = {1000, 1000, 1000, 1000, 1000, 1000};
        Trend t = trend(totals, new String[] {"steady", "churn"}, steady, churn);
        assertTrue(t.rows().get(0).stats().suspect(), "the steady row is a suspect");
        TrendReport r = report(t, 0.005);
        assertTrue(50 < 0.005 * r.grossChange(), "its growth is under the cut");
        assertEquals(List.of("steady", "churn"), shown(r));
    }

    @Test
    void theCountOfSuspectsAgreesWithItsVerb() {
        long[] totals = {10, 20, 10, 20, 10, 20};
        Trend one = trend(totals, new String[] {"f"}, totals.clone());
        assertTrue(report(one, 0.005).headerLines().contains(
                "Leak suspects: 0 of 1 node grows steadily (rule: see leakscope trend --help)"),
                report(one, 0.005).headerLines().toString());
        Trend two = trend(totals, new String[] {"f", "g"}, totals.clone(), totals.clone());
        assertTrue(report(two, 0.005).headerLines().contains(
                "Leak suspects: 0 of 2 nodes grow steadily (rule: see leakscope trend --help)"));
        assertEquals("Type: inuse_space (bytes)", report(two, 0.005).headerLines().get(0));
    }

    /**
     * A class histogram records no time: its decoder takes one from the file and notes where. JSON's
     * timeSource said time_nanos for a series of them ordered by those times; it says what the
     * snapshots' notes and the text's Snapshots line say.
     */
    @Test
    void theTimeSourceIsWhatTheSnapshotsSay() throws Exception {
        String gcLog = "from the text (the GC log's time)";
        String name = TimeSource.FILE_NAME;
        String modified = TimeSource.FILE_MODIFIED;
        String files = "ordered by time (taken from their files, see Times)";
        Object[][] cases = {
            {new String[] {null, null, null}, "time_nanos", "ordered by time (time_nanos)"},
            {new String[] {name, name, name}, "file names", files},
            {new String[] {name, modified, modified}, "file names or modification times", files},
            {new String[] {gcLog, gcLog, gcLog}, "texts", files},
            {new String[] {gcLog, name, name}, "mixed", files},
            {new String[] {null, name, null}, "mixed", "ordered by time (time_nanos, else taken from their files, see Times)"},
        };
        for (Object[] c : cases) {
            List<Series.Notes> notes = new ArrayList<>();
            for (String how : (String[]) c[0]) {
                notes.add(new Series.Notes(null, how, null, Producers.PROCESS_START, Producers.INUSE_RETAINED, null, -1));
            }
            long[] v = {100, 200, 300};
            long second = 1_000_000_000L;
            Trend t = TrendAnalysis.analyze(new Series("bytes", "bytes", List.of("a", "b", "c"),
                    new long[] {second, 2 * second, 3 * second}, Series.Order.TIME,
                    List.of(new NodeInfo("f", "", 0, "", 0, 0, "")), new long[][] {v}, v.clone(), new double[] {Double.NaN},
                    Double.NaN, Collections.singletonList((NodeInfo) null), Harmonization.NONE, notes));
            String header = String.join("\n", report(t, 0.005).headerLines());
            assertTrue(header.contains("\nSnapshots: 3, " + c[2] + ", "), header);
            StringWriter json = new StringWriter();
            try (PrintWriter w = new PrintWriter(json)) {
                TrendReport.render(t, new TrendReport.Options(Format.JSON, true, new TrendReport.RowLimit(0, 0.005), null,
                        ZoneOffset.UTC, 60000, "minimum", false), GateStatus.NONE, null, w);
            }
            JsonSchemas.assertValid(json.toString());
            assertEquals(c[1], new ObjectMapper().readTree(json.toString()).get("timeSource").asText(), header);
        }
    }
}
