package dev.awsj.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsj.json.JsonTrees;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the AWS service models say beyond the SDK's classes, for one service: the required input
 * members of each operation (nested ones too), the least lengths and values of its members, the
 * enum values of its members, its paginator and the service's waiters. Read from {@code rules/<service>.json} beside this class, generated at development time
 * from the models the AWS CLI ships (see docs/architecture.md, "Rules from the service models");
 * only the service being called is read.
 */
public final class ModelRules {
    private final JsonNode root;

    private ModelRules(JsonNode root) {
        this.root = root;
    }

    /** The rules of a service by its command word ({@code s3}, {@code sns}, …); empty ones when there are none. */
    /** Read once per service and process: the generic command, the checks and the paginator share it. */
    private static final Map<String, ModelRules> LOADED = new java.util.concurrent.ConcurrentHashMap<>();

    public static ModelRules of(String service) {
        return LOADED.computeIfAbsent(service, ModelRules::load);
    }

    private static ModelRules load(String service) {
        try (InputStream in = ModelRules.class.getResourceAsStream("rules/" + service + ".json")) {
            return new ModelRules(in == null ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode() : JsonTrees.read(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The members the model marks required for {@code operation} (model names, e.g. {@code Name}). */
    public List<String> required(String operation) {
        return strings(root.path("operations").path(operation).path("required"));
    }

    /**
     * The limits of {@code operation}'s input members below the top-level required ones: member →
     * rule, a number (a string's or list's least length, a number's least value) or the name of a
     * {@link #shape} (see {@code ModelRulesGenerator.Limits}). Empty when nothing is checked.
     */
    public JsonNode members(String operation) {
        return root.path("operations").path(operation).path("members");
    }

    /** A structure, list or map of the limits: {@code required}/{@code members}, {@code min}/{@code member}, {@code key}/{@code value}. */
    public JsonNode shape(String name) {
        return root.path("shapes").path(name);
    }

    /** Member → allowed values, for the members of {@code operation} whose shape is an enum. */
    public Map<String, List<String>> enums(String operation) {
        Map<String, List<String>> enums = new LinkedHashMap<>();
        root.path("operations").path(operation).path("enums").fields()
                .forEachRemaining(e -> enums.put(e.getKey(), strings(e.getValue())));
        return enums;
    }

    /** The paginator of {@code operation}, as botocore's paginators-1.json gives it. */
    public Optional<PaginatorRule> paginator(String operation) {
        JsonNode p = root.path("paginators").path(operation);
        if (p.isMissingNode()) {
            return Optional.empty();
        }
        return Optional.of(new PaginatorRule(strings(p.path("input_token")), strings(p.path("output_token")),
                p.path("limit_key").asText(null), p.path("more_results").asText(null), strings(p.path("result_key")),
                strings(p.path("non_aggregate_keys"))));
    }

    /** The waiters by model name ({@code BucketExists}), in name order. */
    public Map<String, JsonNode> waiters() {
        Map<String, JsonNode> w = new LinkedHashMap<>();
        root.path("waiters").fields().forEachRemaining(e -> w.put(e.getKey(), e.getValue()));
        return w;
    }

    private static List<String> strings(JsonNode array) {
        List<String> l = new ArrayList<>();
        array.forEach(v -> l.add(v.asText()));
        return l;
    }

    /**
     * One paginator: the request members that carry the page token, the response expressions that
     * give it ({@code NextMarker || Contents[-1].Key}), the request member that limits a page, the
     * response member that says more pages follow, the lists merged across pages and the other
     * members kept from the first page.
     */
    public record PaginatorRule(List<String> inputTokens, List<String> outputTokens, String limitKey, String moreResults,
            List<String> resultKeys, List<String> nonAggregateKeys) {
    }
}
