package dev.leakscope.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leakscope.profile.Harmonization;
import dev.leakscope.report.pprof.ProfileHeader;
import java.io.IOException;

/**
 * How the inputs' sample types were brought onto one set, as JSON reports show it: a field
 * {@code harmonized}, only when something was harmonised (text reports show
 * {@link ProfileHeader#harmonized}'s header line).
 */
public final class HarmonizationNote {
    private HarmonizationNote() {
    }

    /** {@code "harmonized": {equated, dropped: [{type, unit, lacking}], periods, text}} when harmonised. */
    static void put(ObjectNode root, Harmonization h) {
        if (h.isNone()) {
            return;
        }
        ObjectNode o = root.putObject("harmonized");
        ArrayNode equated = o.putArray("equated");
        h.equated().forEach(equated::add);
        ArrayNode dropped = o.putArray("dropped");
        for (Harmonization.Dropped d : h.dropped()) {
            ObjectNode e = dropped.addObject();
            e.put("type", d.type().type());
            e.put("unit", d.type().unit());
            ArrayNode lacking = e.putArray("lacking");
            d.lacking().forEach(lacking::add);
        }
        o.put("periods", h.periods());
        o.put("text", h.describe());
    }

    /** The same field through a streaming generator. */
    static void write(JsonGenerator g, Harmonization h) throws IOException {
        if (h.isNone()) {
            return;
        }
        g.writeObjectFieldStart("harmonized");
        g.writeArrayFieldStart("equated");
        for (String name : h.equated()) {
            g.writeString(name);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("dropped");
        for (Harmonization.Dropped d : h.dropped()) {
            g.writeStartObject();
            g.writeStringField("type", d.type().type());
            g.writeStringField("unit", d.type().unit());
            g.writeArrayFieldStart("lacking");
            for (String name : d.lacking()) {
                g.writeString(name);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("periods", h.periods());
        g.writeStringField("text", h.describe());
        g.writeEndObject();
    }
}
