package dev.awsj.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Writes {@code src/main/resources/dev/awsj/aws/rules/<service>.json} from the AWS service models
 * that the AWS CLI ships (botocore's {@code service-2.json}, {@code paginators-1.json},
 * {@code waiters-2.json}; Apache-2.0): per operation the required input members, the enum values
 * of input members and the limits botocore's validator checks below them ({@link Limits}), the
 * paginators and the waiters. {@code dev.awsj.aws.ModelRules} reads them at run time;
 * {@code ModelRulesTest} fails when the committed files differ from what this produces.
 *
 * <p>Run: {@code mvn -o -q test-compile exec:java@model-rules} (the models' folder defaults to the
 * Debian {@code awscli} package's; {@code -Dawsj.models=DIR} names another).
 */
public final class ModelRulesGenerator {
    static final List<String> SERVICES = List.of("s3", "sns", "rekognition", "polly", "translate", "comprehend");
    static final Path DEFAULT_MODELS = Path.of("/usr/lib/python3/dist-packages/awscli/botocore/data");
    static final Path TARGET = Path.of("src/main/resources/dev/awsj/aws/rules");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelRulesGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Files.createDirectories(TARGET);
        for (Map.Entry<String, String> e : generate(models()).entrySet()) {
            Files.writeString(TARGET.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
        }
    }

    static Path models() {
        return Path.of(System.getProperty("awsj.models", DEFAULT_MODELS.toString()));
    }

    /** File name ({@code sns.json}) → content, for every service. */
    static Map<String, String> generate(Path models) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        for (String service : SERVICES) {
            files.put(service + ".json", generate(models, service));
        }
        return files;
    }

    static String generate(Path models, String service) throws IOException {
        Path dir;
        try (Stream<Path> versions = Files.list(models.resolve(service))) {
            dir = versions.filter(p -> Files.isRegularFile(p.resolve("service-2.json"))).sorted()
                    .reduce((a, b) -> b).orElseThrow(() -> new IOException("no service-2.json under " + models.resolve(service)));
        }
        JsonNode model = JSON.readTree(dir.resolve("service-2.json").toFile());
        JsonNode shapes = model.get("shapes");
        Limits limits = new Limits(shapes);
        Map<String, JsonNode> operations = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = model.get("operations").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> op = it.next();
            ObjectNode rules = JSON.createObjectNode();
            JsonNode input = op.getValue().path("input").path("shape");
            if (!input.isMissingNode()) {
                JsonNode shape = shapes.get(input.asText());
                ArrayNode required = rules.putArray("required");
                shape.path("required").forEach(required::add);
                ObjectNode enums = JSON.createObjectNode();
                for (Iterator<Map.Entry<String, JsonNode>> m = shape.path("members").fields(); m.hasNext(); ) {
                    Map.Entry<String, JsonNode> member = m.next();
                    JsonNode target = shapes.get(member.getValue().get("shape").asText());
                    if (target.has("enum")) {
                        enums.set(member.getKey(), target.get("enum"));
                    }
                }
                if (required.isEmpty()) {
                    rules.remove("required");
                }
                if (!enums.isEmpty()) {
                    rules.set("enums", enums);
                }
                ObjectNode members = limits.members(shape);
                if (!members.isEmpty()) {
                    rules.set("members", members);
                }
            }
            operations.put(op.getKey(), rules);
        }
        Map<String, JsonNode> paginators = new TreeMap<>();
        Path pag = dir.resolve("paginators-1.json");
        if (Files.isRegularFile(pag)) {
            JSON.readTree(pag.toFile()).get("pagination").fields().forEachRemaining(e -> {
                ObjectNode p = JSON.createObjectNode();
                for (String key : List.of("input_token", "output_token", "limit_key", "more_results", "result_key",
                        "non_aggregate_keys")) {
                    JsonNode v = e.getValue().get(key);
                    if (v == null) {
                        continue;
                    }
                    // Lists throughout, so the reader has one form (limit_key and more_results stay strings).
                    if (v.isTextual() && !key.equals("limit_key") && !key.equals("more_results")) {
                        p.putArray(key).add(v);
                    } else {
                        p.set(key, v);
                    }
                }
                paginators.put(e.getKey(), p);
            });
        }
        Map<String, JsonNode> waiters = new TreeMap<>();
        Path wait = dir.resolve("waiters-2.json");
        if (Files.isRegularFile(wait)) {
            JSON.readTree(wait.toFile()).get("waiters").fields().forEachRemaining(e -> {
                ObjectNode w = JSON.createObjectNode();
                w.set("operation", e.getValue().get("operation"));
                w.set("delay", e.getValue().get("delay"));
                w.set("maxAttempts", e.getValue().get("maxAttempts"));
                w.set("acceptors", e.getValue().get("acceptors"));
                waiters.put(e.getKey(), w);
            });
        }
        StringBuilder out = new StringBuilder("{\n");
        out.append("\"about\": ").append(JSON.writeValueAsString("Generated by ModelRulesGenerator from the AWS service model "
                + service + "/" + dir.getFileName() + " (service-2.json, paginators-1.json, waiters-2.json) as shipped with"
                + " the AWS CLI; Copyright Amazon.com, Inc. or its affiliates; Apache License 2.0. See NOTICE. Do not edit."))
                .append(",\n");
        section(out, "operations", operations);
        out.append(",\n");
        section(out, "shapes", new TreeMap<>(limits.defined));
        out.append(",\n");
        section(out, "paginators", paginators);
        out.append(",\n");
        section(out, "waiters", waiters);
        out.append("\n}\n");
        return out.toString();
    }

    /** One entry a line, so that a model update reads as a small diff. */
    private static void section(StringBuilder out, String name, Map<String, JsonNode> entries) throws IOException {
        out.append('"').append(name).append("\": {");
        String sep = "\n";
        for (Map.Entry<String, JsonNode> e : entries.entrySet()) {
            out.append(sep).append(JSON.writeValueAsString(e.getKey())).append(": ").append(JSON.writeValueAsString(e.getValue()));
            sep = ",\n";
        }
        out.append("\n}");
    }

    /**
     * What botocore's ParamValidator checks below the top level, in a compact form: a member's rule
     * is a number (the {@code min} of a string's or list's length, or of a number's value; a
     * {@code hostLabel} string has an implicit 1) or the name of a shape in {@code "shapes"}: a
     * structure {@code {"required":[…],"members":{…}}}, a list {@code {"min":n,"member":rule}} or a map
     * {@code {"key":rule,"value":rule}}. Only what leads to a check is written. Like botocore,
     * {@code max}, blob and map lengths are not checked.
     */
    static final class Limits {
        private final JsonNode shapes;
        private final Map<String, Boolean> constrained = new TreeMap<>();
        final Map<String, JsonNode> defined = new LinkedHashMap<>();

        Limits(JsonNode shapes) {
            this.shapes = shapes;
            // A fixed point, so that recursive shapes are settled whatever the order.
            boolean changed = true;
            while (changed) {
                changed = false;
                for (Iterator<String> it = shapes.fieldNames(); it.hasNext(); ) {
                    String name = it.next();
                    boolean c = computeConstrained(shapes.get(name));
                    if (c && !constrained.getOrDefault(name, false)) {
                        constrained.put(name, true);
                        changed = true;
                    }
                }
            }
        }

        private boolean constrained(String name) {
            return constrained.getOrDefault(name, false);
        }

        private boolean computeConstrained(JsonNode shape) {
            if (shape.path("document").asBoolean() || shape.path("eventstream").asBoolean()) {
                return false;
            }
            return switch (shape.path("type").asText()) {
                case "string", "integer", "long", "float", "double" -> shape.has("min");
                case "list" -> shape.has("min") || constrained(shape.path("member").path("shape").asText());
                case "map" -> constrained(shape.path("key").path("shape").asText())
                        || constrained(shape.path("value").path("shape").asText());
                case "structure" -> shape.path("required").size() > 0 || anyMember(shape);
                default -> false;
            };
        }

        private boolean anyMember(JsonNode structure) {
            for (Iterator<JsonNode> it = structure.path("members").elements(); it.hasNext(); ) {
                JsonNode m = it.next();
                if (m.path("hostLabel").asBoolean() || constrained(m.path("shape").asText())) {
                    return true;
                }
            }
            return false;
        }

        /** The rules of a structure's members that have any, by member name in model order. */
        ObjectNode members(JsonNode structure) {
            ObjectNode out = JSON.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = structure.path("members").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> m = it.next();
                JsonNode rule = rule(m.getValue());
                if (rule != null) {
                    out.set(m.getKey(), rule);
                }
            }
            return out;
        }

        /** A member's rule (see above), or null when nothing is checked below it. */
        private JsonNode rule(JsonNode member) {
            String name = member.path("shape").asText();
            JsonNode shape = shapes.get(name);
            if (member.path("streaming").asBoolean() || shape.path("streaming").asBoolean()) {
                return null;
            }
            String type = shape.path("type").asText();
            switch (type) {
                case "string":
                    return shape.has("min") ? shape.get("min") : member.path("hostLabel").asBoolean() ? JSON.getNodeFactory().numberNode(1) : null;
                case "integer", "long", "float", "double":
                    return shape.get("min");
                case "list":
                    if (!constrained(shape.path("member").path("shape").asText())) {
                        return shape.get("min");
                    }
                    break;
                case "map", "structure":
                    if (!constrained(name)) {
                        return null;
                    }
                    break;
                default:
                    return null;
            }
            define(name, shape);
            return JSON.getNodeFactory().textNode(name);
        }

        private void define(String name, JsonNode shape) {
            if (defined.containsKey(name)) {
                return;
            }
            ObjectNode def = JSON.createObjectNode();
            defined.put(name, def); // before the members: a recursive shape refers to itself by name
            switch (shape.path("type").asText()) {
                case "list" -> {
                    if (shape.has("min")) {
                        def.set("min", shape.get("min"));
                    }
                    def.set("member", rule(shape.get("member")));
                }
                case "map" -> {
                    JsonNode key = rule(shape.get("key"));
                    JsonNode value = rule(shape.get("value"));
                    if (key != null) {
                        def.set("key", key);
                    }
                    if (value != null) {
                        def.set("value", value);
                    }
                }
                default -> {
                    if (shape.path("required").size() > 0) {
                        def.set("required", shape.get("required"));
                    }
                    ObjectNode members = members(shape);
                    if (!members.isEmpty()) {
                        def.set("members", members);
                    }
                }
            }
        }
    }
}
