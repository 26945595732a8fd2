package dev.leakscope.report;

import dev.leakscope.NoBinaries;
import dev.leakscope.Sides;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DiffMarkdownReportTest {
    @ParameterizedTest
    @ValueSource(ints = {Markdown.DEFAULT_MAX_CHARS, 65_536, 32_767, 2_000})
    void longTablesAreCutWithinTheBudgetWithAFooter(int budget) {
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
                d.baseScale(), d.noise(), d.options(), many, many, d.disjoint(), d.inputWarnings());
        GateStatus gate = GateStatus.of(List.of(GateStatus.Gate.of("--fail-on-growth", "5%", "total grew by 1MB")));
        String md = DiffMarkdownReport.render(big, gate, budget, "minimum");
        assertTrue(md.length() <= budget, "length " + md.length());
        assertTrue(md.contains("\n- gate: --fail-on-growth 5% tripped: total grew by 1MB\n\n"), "the head is never cut");
        assertTrue(md.length() > budget - 300, "rows are cut only as far as needed: length " + md.length());
        Matcher note = Pattern.compile("\\n_(\\d+) more rows cut to fit `--max-chars " + budget + "`;"
                + " `--format text` or `--format json` shows them._\\n$").matcher(md);
        assertTrue(note.find(), md.substring(md.length() - 300));
        long shown = md.lines().filter(l -> l.matches("\\| \\d+ \\|.* \\|")).count();
        assertEquals(many.size(), shown + Integer.parseInt(note.group(1)), "whole rows: shown + cut = all");

        String small = DiffMarkdownReport.render(d, GateStatus.NONE, Markdown.DEFAULT_MAX_CHARS, "minimum");
        assertTrue(!small.contains("more rows cut"), small);
    }
}
