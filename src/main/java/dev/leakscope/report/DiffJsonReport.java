package dev.leakscope.report;

import dev.leakscope.util.Generator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leakscope.diff.DiffOptions;
import dev.leakscope.diff.DiffResult;
import dev.leakscope.diff.DiffRow;
import dev.leakscope.diff.NoiseModel;
import dev.leakscope.profile.Snapshot;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * The diff as JSON, schema {@value #SCHEMA} (documented in the README): values are raw integers in the
 * sample unit, rows in rank order.
 */
public final class DiffJsonReport {
    public static final String SCHEMA = "leakscope.diff/v1";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DiffJsonReport() {
    }

    /** gate: how the gates stand. */
    public static void write(DiffResult d, GateStatus gate, PrintWriter out) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("generator", Generator.NAME);
        ObjectNode type = root.putObject("sampleType");
        type.put("type", d.sampleType().type());
        type.put("unit", d.sampleType().unit());
        HarmonizationNote.put(root, d.current().profile().harmonization);
        ObjectNode inputs = root.putObject("inputs");
        inputs(inputs.putArray("base"), d.base().inputs());
        inputs(inputs.putArray("current"), d.current().inputs());
        ObjectNode totals = root.putObject("totals");
        totals.put("base", d.baseTotal());
        totals.put("current", d.currentTotal());
        totals.put("delta", d.netChange());
        putNullable(totals, "pct", d.netPct());
        totals.put("grossGrowth", d.grossGrowth());
        totals.put("grossShrink", d.grossShrink());
        totals.put("noiseMargin", d.netNoiseMargin());
        if (d.elapsedNanos() == null) {
            totals.putNull("elapsedNanos");
        } else {
            totals.put("elapsedNanos", d.elapsedNanos());
        }
        if (d.growthPerHour() == null) {
            totals.putNull("growthPerHour");
        } else {
            totals.put("growthPerHour", d.growthPerHour());
        }
        NoiseModel n = d.noise();
        ObjectNode noise = root.putObject("noise");
        noise.put("estimated", n.estimated());
        noise.put("sigmas", NoiseModel.SIGMAS);
        noise.put("period", n.period());
        noise.put("periodUnit", n.periodUnit());
        noise.put("basis", n.basis().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        noise.put("rule", DiffValues.noiseRule(n, d.sampleType().unit()));
        DiffOptions o = d.options();
        ObjectNode options = root.putObject("options");
        options.put("sampleIndex", o.graph().sampleIndex());
        options.put("granularity", o.graph().granularity().name().toLowerCase(Locale.ROOT));
        options.put("noinlines", o.graph().noInlines());
        options.put("value", o.cum() ? "cum" : "flat");
        options.put("sort", o.sort().name().toLowerCase(Locale.ROOT));
        options.put("growthOnly", o.growthOnly());
        options.put("normalize", o.normalize());
        options.put("baseScale", d.baseScale());
        options.put("nodeFraction", o.nodeFraction());
        options.put("nodeCount", o.nodeCount());
        ArrayNode filters = options.putArray("filters");
        o.filters().describe().forEach(filters::add);
        ObjectNode gateNode = root.putObject("gate");
        gateNode.put("tripped", gate.tripped());
        gateNode.put("reason", gate.reason());
        // each gate given, when any was: {tripped: false, reason: null} alone still says no gate was given
        ArrayNode gates = gate.gates().isEmpty() ? null : gateNode.putArray("gates");
        for (GateStatus.Gate g : gate.gates()) {
            ObjectNode one = gates.addObject();
            one.put("option", g.option());
            one.put("threshold", g.threshold());
            one.put("tripped", g.tripped());
            one.put("reason", g.reason());
        }
        ArrayNode notes = root.putArray("notes");
        DiffValues.notes(d).forEach(notes::add);
        root.put("changedNodes", d.changed().size());
        root.put("hiddenRows", d.hiddenRows());
        ArrayNode rows = root.putArray("rows");
        for (DiffRow r : d.rows()) {
            ObjectNode row = rows.addObject();
            row.put("name", r.name());
            row.put("base", r.base());
            row.put("current", r.current());
            row.put("delta", r.delta());
            putNullable(row, "pct", r.pct());
            putNullable(row, "share", d.share(r));
            row.put("noiseMargin", r.noiseMargin());
            if (r.via() == null) {
                row.putNull("via");
            } else {
                row.put("via", r.via());
            }
            row.put("viaDelta", r.viaDelta());
            ArrayNode flags = row.putArray("flags");
            DiffValues.flags(r).forEach(flags::add);
        }
        try {
            out.println(MAPPER.writeValueAsString(root));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void inputs(ArrayNode array, List<Snapshot> inputs) {
        for (Snapshot s : inputs) {
            ObjectNode o = array.addObject();
            o.put("name", s.name());
            o.put("size", s.size());
            o.put("timeNanos", s.timeNanos());
            o.put("textPart", s.textPart());
            o.put("timeSource", s.timeSource());
        }
    }

    private static void putNullable(ObjectNode o, String field, Double v) {
        if (v == null) {
            o.putNull(field);
        } else {
            o.put(field, Math.round(v * 100) / 100.0);
        }
    }
}
