package dev.awsj.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsj.aws.ModelRules;
import dev.awsj.core.AwsjException;
import dev.awsj.json.SdkJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.utils.builder.Buildable;

/**
 * Calls a list operation page after page and merges the pages as the AWS CLI does, following the
 * operation's paginator in the service model ({@link ModelRules.PaginatorRule}): the output tokens
 * of a page feed its input tokens, the result keys are concatenated, the non-aggregate keys kept
 * from the first page and everything else dropped. A limit key or input token given by the user
 * ({@code --max-keys 1}, {@code --continuation-token}) turns paging off, as in aws: one call, the
 * response as it came. {@code --max-items} stops early and prints a {@code NextToken} (botocore's
 * form) that {@code --starting-token} resumes from. Commands reach it through {@link Pagination}.
 */
final class Paginator {
    /** The starting token's count of items to skip inside its page, named as botocore names it. */
    private static final String TRUNCATE = "boto_truncate_amount";

    private final SdkPojo builder;
    private final Function<Object, Object> call;
    private final boolean firstPageOnly;
    private final Integer maxItems;
    private final Integer pageSize;
    private final String startingToken;
    private final ModelRules.PaginatorRule rule;

    Paginator(SdkPojo builder, Function<Object, Object> call, boolean firstPageOnly, Integer maxItems,
            Integer pageSize, String startingToken) {
        this.builder = builder;
        this.call = call;
        this.firstPageOnly = firstPageOnly;
        this.maxItems = maxItems;
        this.pageSize = pageSize;
        this.startingToken = startingToken;
        this.rule = rule(builder);
    }

    /**
     * The paginator of the builder's operation ({@code ListTopicsRequest} → {@code ListTopics} in
     * the rules of {@code sns}); an operation the model does not page (Translate's ListLanguages,
     * which a curated command pages) pages by {@code NextToken} and keeps its other members.
     */
    private static ModelRules.PaginatorRule rule(SdkPojo builder) {
        String cls = builder.getClass().getName();
        String service = cls.replaceFirst("^software\\.amazon\\.awssdk\\.services\\.([a-z0-9]+)\\..*$", "$1");
        String simple = cls.substring(cls.lastIndexOf('.') + 1).replace("$BuilderImpl", "");
        String operation = simple.endsWith("Request") ? simple.substring(0, simple.length() - "Request".length()) : simple;
        return ModelRules.of(service).paginator(operation).orElse(null);
    }

    JsonNode run() {
        Map<String, SdkField<?>> requestFields = new LinkedHashMap<>();
        builder.sdkFields().forEach(f -> requestFields.put(f.memberName(), f));
        ModelRules.PaginatorRule r = rule != null ? rule : new ModelRules.PaginatorRule(List.of("NextToken"),
                List.of("NextToken"), null, null, null, null);
        // As botocore's check_should_enable_pagination: a page token or page size of the user's own.
        Object asGiven = ((Buildable) builder).build();
        boolean userPaging = r.inputTokens().stream().anyMatch(t -> given(requestFields.get(t), asGiven))
                || r.limitKey() != null && given(requestFields.get(r.limitKey()), asGiven);
        if (firstPageOnly || userPaging) {
            return SdkJson.toJson((SdkPojo) call.apply(asGiven));
        }
        if (pageSize != null && r.limitKey() != null && requestFields.containsKey(r.limitKey())) {
            SdkField<?> f = requestFields.get(r.limitKey());
            f.set(builder, convertInt(f, pageSize));
        }
        int skip = startingToken == null ? 0 : applyStartingToken(requestFields, r);
        ObjectNode merged = null;
        int items = 0;
        Map<String, String> previous = null;
        while (true) {
            Object request = ((Buildable) builder).build();
            ObjectNode page = SdkJson.toJson((SdkPojo) call.apply(request));
            Map<String, String> current = currentTokens((SdkPojo) request, requestFields, r);
            Map<String, String> next = nextTokens(page, r);
            boolean more = !next.isEmpty() && !next.equals(previous)
                    && (r.moreResults() == null || page.path(r.moreResults()).asBoolean(false));
            previous = next;
            List<String> results = resultKeys(page, r);
            int pageSkip = skip;
            skip = 0;
            truncateLists(page, results, pageSkip, Integer.MAX_VALUE);
            String primary = results.isEmpty() ? null : results.get(0);
            int n = primary == null || !page.path(primary).isArray() ? 0 : page.get(primary).size();
            if (maxItems != null && items + n >= maxItems && (items + n > maxItems || more)) {
                int keep = maxItems - items;
                truncateLists(page, results, 0, keep);
                merged = merge(merged, page, results, r);
                // Resume inside this page (its token plus items to skip), or at the next page.
                merged.put("NextToken", items + n > maxItems ? encode(current, pageSkip + keep) : encode(next, 0));
                return merged;
            }
            items += n;
            merged = merge(merged, page, results, r);
            if (!more) {
                return merged;
            }
            for (String input : r.inputTokens()) {
                SdkField<?> f = requestFields.get(input);
                String v = next.get(input);
                f.set(builder, v == null ? null : f.marshallingType() == MarshallingType.INTEGER ? (Object) Integer.valueOf(v) : v);
            }
        }
    }

    private static boolean given(SdkField<?> f, Object request) {
        return f != null && f.getValueOrDefault(request) != null;
    }

    /** The paginator's result keys, or (no paginator in the model) every list member of the page. */
    private static List<String> resultKeys(ObjectNode page, ModelRules.PaginatorRule r) {
        if (r.resultKeys() != null) {
            return r.resultKeys();
        }
        List<String> keys = new ArrayList<>();
        page.fields().forEachRemaining(e -> {
            if (e.getValue().isArray()) {
                keys.add(e.getKey());
            }
        });
        return keys;
    }

    /** Drops the first {@code skip} items of every result list and keeps at most {@code keep}. */
    private static void truncateLists(ObjectNode page, List<String> results, int skip, int keep) {
        for (String key : results) {
            if (!(page.get(key) instanceof ArrayNode a)) {
                continue;
            }
            for (int i = 0; i < skip && !a.isEmpty(); i++) {
                a.remove(0);
            }
            while (a.size() > keep) {
                a.remove(a.size() - 1);
            }
        }
    }

    private static Object convertInt(SdkField<?> f, int value) {
        return f.marshallingType() == MarshallingType.LONG ? (Object) (long) value : (Object) value;
    }

    /** Input token → its value in the next request: output token i feeds input token i. */
    private static Map<String, String> nextTokens(ObjectNode page, ModelRules.PaginatorRule r) {
        Map<String, String> next = new LinkedHashMap<>();
        for (int i = 0; i < r.outputTokens().size() && i < r.inputTokens().size(); i++) {
            String expression = r.outputTokens().get(i);
            JsonNode v = expression.matches("[A-Za-z0-9_]+") ? page.get(expression)
                    // Only S3 ListObjects' token is an expression; JMESPath is loaded for it alone.
                    : new io.burt.jmespath.jackson.JacksonRuntime().compile(expression).search(page);
            if (v != null && !v.isNull() && !v.asText().isEmpty()) {
                next.put(r.inputTokens().get(i), v.asText());
            }
        }
        return next;
    }

    private static Map<String, String> currentTokens(SdkPojo request, Map<String, SdkField<?>> requestFields,
            ModelRules.PaginatorRule r) {
        Map<String, String> cur = new LinkedHashMap<>();
        for (String input : r.inputTokens()) {
            SdkField<?> f = requestFields.get(input);
            Object v = f == null ? null : f.getValueOrDefault(request);
            if (v != null) {
                cur.put(input, v.toString());
            }
        }
        return cur;
    }

    /**
     * Adds a page to the merged result as botocore's build_full_result does: result lists are
     * concatenated, non-aggregate members come from the first page that has them, the rest is
     * dropped. Without a paginator in the model every member but the tokens is kept.
     */
    private static ObjectNode merge(ObjectNode merged, ObjectNode page, List<String> results, ModelRules.PaginatorRule r) {
        if (merged == null) {
            merged = JsonNodeFactory.instance.objectNode();
        }
        Iterator<Map.Entry<String, JsonNode>> it = page.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode existing = merged.get(key);
            if (results.contains(key)) {
                if (existing instanceof ArrayNode a && e.getValue().isArray()) {
                    a.addAll((ArrayNode) e.getValue());
                } else if (existing == null) {
                    merged.set(key, e.getValue());
                }
            } else if (existing == null && (r.nonAggregateKeys() != null ? r.nonAggregateKeys().contains(key)
                    : !r.outputTokens().contains(key) && !key.equals(r.moreResults()))) {
                merged.set(key, e.getValue());
            }
        }
        return merged;
    }

    /** botocore's token: its JSON as Python's json.dumps writes it, in base64. */
    private static String encode(Map<String, String> tokens, int skip) {
        StringBuilder json = new StringBuilder("{");
        tokens.forEach((k, v) -> json.append(json.length() > 1 ? ", " : "").append(SdkJson.MAPPER.getNodeFactory().textNode(k))
                .append(": ").append(SdkJson.MAPPER.getNodeFactory().textNode(v)));
        if (skip > 0) {
            json.append(json.length() > 1 ? ", " : "").append('"').append(TRUNCATE).append("\": ").append(skip);
        }
        json.append('}');
        return Base64.getEncoder().encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Applies a NextToken printed by {@code --max-items}; a raw service token also works. */
    private int applyStartingToken(Map<String, SdkField<?>> requestFields, ModelRules.PaginatorRule r) {
        JsonNode decoded = null;
        try {
            decoded = SdkJson.MAPPER.readTree(Base64.getDecoder().decode(startingToken));
        } catch (Exception ignored) {
            // not one of ours: a raw token
        }
        if (decoded == null || !decoded.isObject()) {
            SdkField<?> f = requestFields.get(r.inputTokens().get(0));
            if (f == null) {
                throw AwsjException.usage("This operation takes no starting token");
            }
            f.set(builder, startingToken);
            return 0;
        }
        int skip = 0;
        Iterator<Map.Entry<String, JsonNode>> it = decoded.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals(TRUNCATE)) {
                skip = e.getValue().asInt();
                continue;
            }
            SdkField<?> f = requestFields.get(e.getKey());
            if (f == null) {
                throw AwsjException.usage("Bad value for --starting-token: it was not made by this operation");
            }
            f.set(builder, e.getValue().asText());
        }
        return skip;
    }
}
