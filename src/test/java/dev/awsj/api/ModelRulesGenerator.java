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
 * {@code waiters-2.json}; Apache-2.0): per operation the required input members and the enum values
 * of input members, the paginators and the waiters. {@code dev.awsj.aws.ModelRules} reads them at run time;
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
}
