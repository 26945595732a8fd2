package dev.leakscope.report;

import dev.leakscope.util.Generator;
import dev.leakscope.report.pprof.ReportContext;
import dev.leakscope.report.pprof.ReportSettings;
import dev.leakscope.report.pprof.TopReport;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leakscope.graph.Graph;
import dev.leakscope.graph.TrimmedGraph;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * The top report as JSON, schema {@value #SCHEMA} (documented in the README): the rows of
 * {@code -top} in order, values raw integers in the sample unit, percentages of pprof's total.
 */
public final class TopJsonReport {
    public static final String SCHEMA = "leakscope.top/v1";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TopJsonReport() {
    }

    public static void write(ReportContext rc, PrintWriter out) {
        TrimmedGraph tg = TopReport.graph(rc);
        Graph g = tg.graph();
        ReportSettings s = rc.settings();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("generator", Generator.NAME);
        ObjectNode type = root.putObject("sampleType");
        type.put("type", rc.typeName());
        type.put("unit", rc.sampleUnit());
        ArrayNode header = root.putArray("header");
        TopReport.headerLines(rc, tg).forEach(header::add);
        root.put("timeNanos", rc.profile().timeNanos());
        HarmonizationNote.put(root, rc.profile().harmonization);
        ArrayNode notes = root.putArray("notes");
        rc.notices().forEach(notes::add);
        root.put("total", rc.total());
        ObjectNode options = root.putObject("options");
        options.put("sampleIndex", rc.sampleIndex());
        options.put("granularity", s.granularity().name().toLowerCase(Locale.ROOT));
        options.put("noinlines", s.noInlines());
        options.put("sort", s.cumSort() ? "cum" : "flat");
        options.put("nodeCount", s.nodeCount());
        options.put("nodeFraction", s.nodeFraction());
        ArrayNode filters = options.putArray("filters");
        s.filters().describe().forEach(filters::add);
        options.put("relativePercentages", s.filters().relativePercentages());
        root.put("droppedNodes", tg.droppedNodes());
        root.put("hiddenNodes", Math.max(0, tg.originalCount() - g.nodes().length));
        ArrayNode rows = root.putArray("rows");
        byte[] marks = g.inlineMarks();
        long flatSum = 0;
        for (int n : g.nodes()) {
            flatSum += g.flat(n);
            ObjectNode row = rows.addObject();
            row.put("name", g.info(n).printableName());
            row.put("inline", marks[n] == 1 ? "inline" : marks[n] == 2 ? "partial" : "no");
            row.put("flat", g.flat(n));
            row.put("flatPct", pct(g.flat(n), rc.total()));
            row.put("sumPct", pct(flatSum, rc.total()));
            row.put("cum", g.cum(n));
            row.put("cumPct", pct(g.cum(n), rc.total()));
        }
        root.put("shown", flatSum);
        try {
            out.println(MAPPER.writeValueAsString(root));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A percentage with two decimals; 0 when the total is 0. */
    private static double pct(long v, long total) {
        return total == 0 ? 0 : Math.round(10000.0 * v / total) / 100.0;
    }
}
