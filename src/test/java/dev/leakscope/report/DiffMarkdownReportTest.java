package dev.leakscope.report;

import dev.leakscope.NoBinaries;
import dev.leakscope.Sides;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakscope.diff.DiffResult;
import dev.leakscope.diff.Differ;
import dev.leakscope.diff.DiffOptions;
import dev.leakscope.diff.Side;
import dev.leakscope.diff.SortOrder;
import dev.leakscope.graph.Granularity;
import dev.leakscope.graph.GraphOptions;
import dev.leakscope.input.InputSource;
import dev.leakscope.input.Limits;
import dev.leakscope.TestData;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiffMarkdownReportTest {
    @Test
    void longTablesAreCutUnderTheLimitWithAFooter() {
        // A real diff, made long by repeating its rows under new names.
        List<Side> sides = Sides.of(
                List.of(InputSource.of(TestData.corpus("node", "cache-leak", "heap_0.pb.gz"))),
                List.of(InputSource.of(TestData.corpus("node", "cache-leak", "heap_5.pb.gz"))),
                new Limits(1L << 30), w -> {
                    throw new AssertionError("unexpected warning " + w);
                }, NoBinaries.symbolization());
        DiffOptions o = DiffOptions.of(GraphOptions.of(Granularity.LINES, false, 1)).ranked(true, SortOrder.DELTA);
        DiffResult d = Differ.compare(sides.get(0), sides.get(1), o, w -> { });
        var many = new java.util.ArrayList<dev.leakscope.diff.DiffRow>();
        for (int i = 0; i < 2000; i++) {
            for (var r : d.rows()) {
                many.add(new dev.leakscope.diff.DiffRow(r.name() + " #" + i, r.base(), r.current(), r.noiseMargin(),
                        r.via(), r.viaDelta()));
            }
        }
        DiffResult big = new DiffResult(d.sampleType(), d.base(), d.current(), d.baseTotal(), d.currentTotal(),
                d.grossGrowth(), d.grossShrink(),
                d.baseScale(), d.noise(), d.options(), many, many);
        String md = DiffMarkdownReport.render(big);
        assertTrue(md.length() < Markdown.LIMIT, "length " + md.length());
        assertTrue(md.matches("(?s).*\\n_\\d+ more rows cut to keep this under 60,000 characters;"
                + " `--format text` or `--format json` shows them._\\n$"), md.substring(md.length() - 300));

        String small = DiffMarkdownReport.render(d);
        assertTrue(!small.contains("more rows cut"), small);
    }
}
