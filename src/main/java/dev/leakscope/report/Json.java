package dev.leakscope.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leakscope.util.Generator;
import java.io.PrintWriter;

/** The JSON reports' common frame: an indented object that starts with its schema id and what made it. */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    /** A report object whose first keys are {@code schema} and {@code generator} ({@link Generator}). */
    public static ObjectNode report(String schema) {
        return MAPPER.createObjectNode().put("schema", schema).put("generator", Generator.NAME);
    }

    /** The object, indented, and a newline. */
    public static void print(ObjectNode root, PrintWriter out) {
        try {
            out.print(MAPPER.writeValueAsString(root) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
