package dev.leakscope;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validates leakscope's JSON reports against the schema files of {@code schemas/} (those the
 * distribution ships): a report with {@code "schema": "leakscope.NAME/vN"} must match
 * {@code schemas/NAME.vN.schema.json}.
 *
 * <p>A JSON Schema (draft 2020-12) validator for the subset the schemas use, written here rather than
 * taken as a dependency: type, const, enum, properties, required, additionalProperties, items, minimum,
 * $ref into $defs. A schema keyword outside that subset is an error, never ignored, so a schema can
 * not say more than is checked.
 */
public final class JsonSchemas {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern REPORT_ID = Pattern.compile("leakscope\\.([a-z]+)/(v[0-9]+)");
    private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "$comment", "title", "description",
            "$defs");
    private static final Map<String, JsonNode> LOADED = new ConcurrentHashMap<>();

    private JsonSchemas() {
    }

    /** The schema files, in the repository. */
    public static Path directory() {
        return Path.of("schemas").toAbsolutePath();
    }

    /** The schema file of a report id such as {@code leakscope.top/v1}. */
    public static Path file(String reportId) {
        Matcher m = REPORT_ID.matcher(reportId);
        if (!m.matches()) {
            throw new AssertionError("not a leakscope report id: " + reportId);
        }
        return directory().resolve(m.group(1) + "." + m.group(2) + ".schema.json");
    }

    /** Whether the text is meant as a leakscope JSON report: an object whose first key is "schema". */
    public static boolean isReport(String text) {
        return text.stripLeading().startsWith("{") && text.contains("\"schema\"");
    }

    /** Fails with every violation when the report text does not match the schema it names. */
    public static void assertValid(String report) {
        JsonNode doc;
        try {
            doc = JSON.readTree(report);
        } catch (JsonProcessingException e) {
            throw new AssertionError("a JSON report that is not JSON: " + e.getOriginalMessage() + "\n" + report);
        }
        JsonNode id = doc.get("schema");
        if (id == null || !id.isTextual()) {
            throw new AssertionError("a JSON report without a \"schema\" id:\n" + report);
        }
        Path file = file(id.asText());
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("no schema file for " + id.asText() + ": add " + file);
        }
        List<String> errors = errors(schema(file), doc);
        if (!errors.isEmpty()) {
            throw new AssertionError(id.asText() + " does not match " + file.getFileName() + ":\n  "
                    + String.join("\n  ", errors.subList(0, Math.min(20, errors.size()))) + "\n" + report);
        }
    }

    public static JsonNode schema(Path file) {
        return LOADED.computeIfAbsent(file.toString(), f -> {
            try {
                return JSON.readTree(Files.readString(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Every violation of the schema by the instance, as "/json/pointer: what is wrong". */
    public static List<String> errors(JsonNode schema, JsonNode instance) {
        List<String> errors = new ArrayList<>();
        check(schema, schema, instance, "", errors);
        return errors;
    }

    private static void check(JsonNode root, JsonNode schema, JsonNode v, String at, List<String> errors) {
        Iterator<Map.Entry<String, JsonNode>> keywords = schema.fields();
        while (keywords.hasNext()) {
            Map.Entry<String, JsonNode> k = keywords.next();
            JsonNode arg = k.getValue();
            switch (k.getKey()) {
                case "type" -> {
                    if (!hasType(v, arg)) {
                        errors.add(where(at) + ": " + kind(v) + ", expected " + arg);
                    }
                }
                case "const" -> {
                    if (!arg.equals(v)) {
                        errors.add(where(at) + ": " + v + ", expected " + arg);
                    }
                }
                case "enum" -> {
                    if (!contains(arg, v)) {
                        errors.add(where(at) + ": " + v + ", expected one of " + arg);
                    }
                }
                case "minimum" -> {
                    if (v.isNumber() && v.decimalValue().compareTo(arg.decimalValue()) < 0) {
                        errors.add(where(at) + ": " + v + " is below the minimum " + arg);
                    }
                }
                case "required" -> {
                    if (v.isObject()) {
                        for (JsonNode name : arg) {
                            if (!v.has(name.asText())) {
                                errors.add(where(at) + ": missing key " + name);
                            }
                        }
                    }
                }
                case "properties" -> {
                    if (v.isObject()) {
                        Iterator<Map.Entry<String, JsonNode>> fields = v.fields();
                        while (fields.hasNext()) {
                            Map.Entry<String, JsonNode> f = fields.next();
                            if (arg.has(f.getKey())) {
                                check(root, arg.get(f.getKey()), f.getValue(), at + "/" + f.getKey(), errors);
                            }
                        }
                    }
                }
                case "additionalProperties" -> {
                    if (v.isObject()) {
                        JsonNode declared = schema.path("properties");
                        Iterator<String> names = v.fieldNames();
                        while (names.hasNext()) {
                            String name = names.next();
                            if (!declared.has(name)) {
                                if (arg.isBoolean() && !arg.booleanValue()) {
                                    errors.add(where(at) + ": unexpected key \"" + name + "\"");
                                } else if (arg.isObject()) {
                                    check(root, arg, v.get(name), at + "/" + name, errors);
                                }
                            }
                        }
                    }
                }
                case "items" -> {
                    if (v.isArray()) {
                        for (int i = 0; i < v.size(); i++) {
                            check(root, arg, v.get(i), at + "/" + i, errors);
                        }
                    }
                }
                case "$ref" -> check(root, resolve(root, arg.asText()), v, at, errors);
                default -> {
                    if (!ANNOTATIONS.contains(k.getKey())) {
                        throw new AssertionError("schema keyword \"" + k.getKey() + "\" is not checked by "
                                + JsonSchemas.class.getSimpleName() + "; add it there or do without it");
                    }
                }
            }
        }
    }

    private static JsonNode resolve(JsonNode root, String ref) {
        if (!ref.startsWith("#/")) {
            throw new AssertionError("only local $ref (#/...) are checked: " + ref);
        }
        JsonNode target = root.at(ref.substring(1));
        if (target.isMissingNode()) {
            throw new AssertionError("$ref to nothing: " + ref);
        }
        return target;
    }

    private static boolean hasType(JsonNode v, JsonNode type) {
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (hasType(v, t)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "object" -> v.isObject();
            case "array" -> v.isArray();
            case "string" -> v.isTextual();
            case "boolean" -> v.isBoolean();
            case "null" -> v.isNull();
            case "number" -> v.isNumber();
            // As the specification says: any number with a zero fractional part.
            case "integer" -> v.isIntegralNumber() || (v.isNumber() && v.decimalValue().stripTrailingZeros().scale() <= 0);
            default -> throw new AssertionError("unknown type in schema: " + type);
        };
    }

    private static boolean contains(JsonNode values, JsonNode v) {
        for (JsonNode e : values) {
            if (e.equals(v)) {
                return true;
            }
        }
        return false;
    }

    private static String kind(JsonNode v) {
        return v.isNull() ? "null" : v.isIntegralNumber() ? "integer " + v : v.isNumber() ? "number " + v
                : v.isTextual() ? "string " + v : v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String where(String at) {
        return at.isEmpty() ? "/" : at;
    }
}
