package dev.awsj.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * Calls a list operation page after page and merges the pages as the AWS CLI does: list members
 * are concatenated, the continuation tokens dropped. Tokens are paired by the model's names
 * ({@code NextToken}→{@code NextToken}, {@code NextContinuationToken}→{@code ContinuationToken},
 * {@code NextKeyMarker}→{@code KeyMarker}, …). {@code --max-items} stops early and prints a
 * {@code NextToken} that {@code --starting-token} resumes from. A page token given as a request
 * member ({@code --next-token}, {@code --marker}, …) turns paging off, as in aws: one page, as it came.
 * Commands reach it through {@link Pagination}.
 */
final class Paginator {
    private static final Set<String> LIMIT_MEMBERS = Set.of(
            "MaxKeys", "MaxItems", "MaxResults", "MaxUploads", "MaxParts", "Limit", "MaxRecords", "MaxBuckets", "MaxDirectoryBuckets");

    /**
     * Members other than the result lists that the AWS CLI keeps in a merged result (botocore's
     * non_aggregate_keys); every other non-list member of a page is dropped, as aws does.
     */
    private static final Map<String, Set<String>> NON_AGGREGATE = Map.of(
            "ListPartsRequest", Set.of("Initiator", "Owner", "StorageClass"),
            "ListFacesRequest", Set.of("FaceModelVersion"),
            "ListBucketsRequest", Set.of("Owner", "Prefix"),
            "ListObjectsRequest", Set.of("RequestCharged", "Prefix"),
            "ListObjectsV2Request", Set.of("RequestCharged", "Prefix"),
            "ListObjectVersionsRequest", Set.of("RequestCharged", "Prefix"),
            // awsj pages ListLanguages (aws does not) and keeps the one-page member aws prints.
            "ListLanguagesRequest", Set.of("DisplayLanguageCode"));

    private final SdkPojo builder;
    private final Function<Object, Object> call;
    private final boolean firstPageOnly;
    private final Integer maxItems;
    private final Integer pageSize;
    private final String startingToken;
    /** Set when the first response shows the request already held a page token: one page, as is. */
    private boolean onePage;

    Paginator(SdkPojo builder, Function<Object, Object> call, boolean firstPageOnly, Integer maxItems,
            Integer pageSize, String startingToken) {
        this.builder = builder;
        this.call = call;
        this.firstPageOnly = firstPageOnly;
        this.maxItems = maxItems;
        this.pageSize = pageSize;
        this.startingToken = startingToken;
    }

    JsonNode run() {
        JsonNode result = runPages();
        return firstPageOnly || onePage ? result : keepResultMembers(result);
    }

    /** Result lists, the kept non-aggregate members and NextToken; Rekognition's Get* jobs keep all. */
    private ObjectNode keepResultMembers(JsonNode merged) {
        ObjectNode o = (ObjectNode) merged;
        String request = builder.getClass().getName();
        String simple = request.substring(request.lastIndexOf('.') + 1).replace("$BuilderImpl", "");
        if (request.contains(".rekognition.") && simple.startsWith("Get")) {
            return o;
        }
        Set<String> keep = NON_AGGREGATE.getOrDefault(simple, Set.of());
        List<String> drop = new ArrayList<>();
        o.fields().forEachRemaining(e -> {
            if (!e.getValue().isArray() && !keep.contains(e.getKey()) && !e.getKey().equals("NextToken")) {
                drop.add(e.getKey());
            }
        });
        o.remove(drop);
        return o;
    }

    private JsonNode runPages() {
        Map<String, SdkField<?>> requestFields = new LinkedHashMap<>();
        builder.sdkFields().forEach(f -> requestFields.put(f.memberName(), f));
        if (pageSize != null) {
            requestFields.values().stream().filter(f -> LIMIT_MEMBERS.contains(f.memberName())).findFirst()
                    .ifPresent(f -> f.set(builder, convertInt(f, pageSize)));
        }
        Set<String> given = new java.util.HashSet<>();
        if (startingToken == null) {
            Object asGiven = ((Buildable) builder).build();
            requestFields.forEach((name, f) -> {
                if (f.getValueOrDefault(asGiven) != null) {
                    given.add(name);
                }
            });
        }
        int skip = startingToken == null ? 0 : applyStartingToken(requestFields);
        ObjectNode merged = null;
        Map<String, String> pairs = null;
        int items = 0;
        while (true) {
            Object request = ((Buildable) builder).build();
            SdkPojo response = (SdkPojo) call.apply(request);
            if (firstPageOnly) {
                // As the AWS CLI: one call, the response as it came, tokens included.
                return SdkJson.toJson(response);
            }
            ObjectNode page = SdkJson.toJson(response);
            if (pairs == null) {
                pairs = tokenPairs(response, requestFields);
                if (pairs.values().stream().anyMatch(given::contains)) {
                    onePage = true;
                    return page;
                }
            }
            Map<String, String> current = currentTokens((SdkPojo) request, requestFields, pairs);
            Map<String, String> next = nextTokens(page, pairs);
            boolean more = !next.isEmpty() && (!page.has("IsTruncated") || page.get("IsTruncated").asBoolean());
            int pageSkip = skip;
            skip = 0;
            truncateLists(page, pageSkip, Integer.MAX_VALUE);
            String primary = primaryList(page);
            int n = primary == null ? 0 : page.get(primary).size();
            if (maxItems != null && items + n >= maxItems && (items + n > maxItems || more)) {
                int keep = maxItems - items;
                truncateLists(page, 0, keep);
                merged = merge(merged, page, pairs);
                // Resume inside this page (its token plus items to skip), or at the next page.
                merged.put("NextToken", items + n > maxItems ? encode(current, pageSkip + keep) : encode(next, 0));
                return merged;
            }
            items += n;
            merged = merge(merged, page, pairs);
            if (!more) {
                return merged;
            }
            for (String input : new java.util.LinkedHashSet<>(pairs.values())) {
                requestFields.get(input).set(builder, next.get(input));
            }
        }
    }

    /** Drops the first {@code skip} items of every list member and keeps at most {@code keep}. */
    private static void truncateLists(ObjectNode page, int skip, int keep) {
        for (String key : listKeys(page)) {
            ArrayNode a = (ArrayNode) page.get(key);
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

    /** Pairs each output token member with the input member it feeds: {@code NextX} → {@code X}. */
    private static Map<String, String> tokenPairs(SdkPojo response, Map<String, SdkField<?>> requestFields) {
        Map<String, String> pairs = new LinkedHashMap<>();
        Set<String> responseNames = new java.util.HashSet<>();
        response.sdkFields().forEach(f -> responseNames.add(f.memberName()));
        for (SdkField<?> f : response.sdkFields()) {
            String name = f.memberName();
            if (f.marshallingType() != MarshallingType.STRING && f.marshallingType() != MarshallingType.INTEGER) {
                continue;
            }
            // A member of the same name is the next token (NextToken, ListBuckets' ContinuationToken)
            // unless a Next<name> member exists, in which case it only echoes the request.
            if (requestFields.containsKey(name) && !responseNames.contains("Next" + name)
                    && (name.endsWith("Token") || name.endsWith("Marker"))) {
                pairs.put(name, name);
            } else if (name.startsWith("Next") && requestFields.containsKey(name.substring(4))) {
                pairs.put(name, name.substring(4));
            }
        }
        // ListObjects (v1) without a delimiter has no NextMarker: the last key is the marker.
        if (!pairs.containsValue("Marker") && requestFields.containsKey("Marker")) {
            pairs.put("Contents[-1].Key", "Marker");
        }
        return pairs;
    }

    private static Map<String, String> nextTokens(ObjectNode page, Map<String, String> pairs) {
        Map<String, String> next = new LinkedHashMap<>();
        for (Map.Entry<String, String> p : pairs.entrySet()) {
            JsonNode v;
            if (p.getKey().equals("Contents[-1].Key")) {
                JsonNode c = page.get("Contents");
                v = c != null && !c.isEmpty() && !next.containsKey("Marker") ? c.get(c.size() - 1).get("Key") : null;
            } else {
                v = page.get(p.getKey());
            }
            if (v != null && !v.isNull() && !v.asText().isEmpty()) {
                next.put(p.getValue(), v.asText());
            }
        }
        return next;
    }

    private static Map<String, String> currentTokens(SdkPojo request, Map<String, SdkField<?>> requestFields,
            Map<String, String> pairs) {
        Map<String, String> cur = new LinkedHashMap<>();
        for (String input : pairs.values()) {
            Object v = requestFields.get(input).getValueOrDefault(request);
            if (v != null) {
                cur.put(input, v.toString());
            }
        }
        return cur;
    }

    private static String primaryList(ObjectNode page) {
        List<String> keys = listKeys(page);
        for (String k : keys) {
            if (!page.get(k).isEmpty()) {
                return k;
            }
        }
        return keys.isEmpty() ? null : keys.get(0);
    }

    private static List<String> listKeys(ObjectNode page) {
        List<String> keys = new ArrayList<>();
        page.fields().forEachRemaining(e -> {
            if (e.getValue().isArray()) {
                keys.add(e.getKey());
            }
        });
        return keys;
    }

    private static ObjectNode merge(ObjectNode merged, ObjectNode page, Map<String, String> pairs) {
        for (String out : pairs.keySet()) {
            page.remove(out);
        }
        page.remove("IsTruncated");
        if (merged == null) {
            return page;
        }
        Iterator<Map.Entry<String, JsonNode>> it = page.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode existing = merged.get(e.getKey());
            if (existing instanceof ArrayNode a && e.getValue().isArray()) {
                a.addAll((ArrayNode) e.getValue());
            } else if (existing == null) {
                merged.set(e.getKey(), e.getValue());
            }
        }
        return merged;
    }

    private static String encode(Map<String, String> tokens, int skip) {
        ObjectNode o = SdkJson.MAPPER.createObjectNode();
        tokens.forEach(o::put);
        if (skip > 0) {
            o.put("awsj_skip", skip);
        }
        return Base64.getEncoder().encodeToString(o.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Applies a NextToken printed by {@code --max-items}; a raw service token also works. */
    private int applyStartingToken(Map<String, SdkField<?>> requestFields) {
        JsonNode decoded = null;
        try {
            decoded = SdkJson.MAPPER.readTree(Base64.getDecoder().decode(startingToken));
        } catch (Exception ignored) {
            // not one of ours: a raw token
        }
        if (decoded == null || !decoded.isObject()) {
            SdkField<?> f = requestFields.values().stream()
                    .filter(x -> x.memberName().endsWith("Token") || x.memberName().endsWith("Marker"))
                    .findFirst().orElseThrow(() -> AwsjException.usage("This operation takes no starting token"));
            f.set(builder, startingToken);
            return 0;
        }
        int skip = 0;
        Iterator<Map.Entry<String, JsonNode>> it = decoded.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("awsj_skip")) {
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
