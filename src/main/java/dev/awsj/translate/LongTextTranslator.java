package dev.awsj.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsj.documents.OrderedBatch;
import dev.awsj.documents.TextSplitter;
import dev.awsj.json.SdkJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.translate.TranslateClient;
import software.amazon.awssdk.services.translate.model.TranslateTextRequest;

/**
 * Translates a text of any length: split below the request limit at paragraph, then sentence
 * boundaries, parts translated concurrently and joined in order with the original separators.
 * The result has TranslateText's shape; languages and settings come from the first part.
 */
final class LongTextTranslator {
    /** TranslateText takes at most 10,000 bytes of UTF-8 a request. */
    static final int MAX_BYTES = 10_000;

    private final TranslateClient client;
    private final TranslateTextRequest template;
    private final TextSplitter splitter;

    LongTextTranslator(TranslateClient client, TranslateTextRequest template, int maxBytes) {
        this.client = client;
        this.template = template;
        this.splitter = new TextSplitter(maxBytes, TextSplitter.UTF8_BYTES);
    }

    ObjectNode translate(String text, int concurrency) {
        List<TextSplitter.Chunk> chunks = splitter.split(text);
        Function<TextSplitter.Chunk, ObjectNode> call = c -> SdkJson.toJson(
                client.translateText(template.toBuilder().text(c.text()).build()));
        if (chunks.size() == 1) {
            return call.apply(chunks.get(0));
        }
        List<ObjectNode> parts = new ArrayList<>();
        OrderedBatch.run(chunks, concurrency, call, parts::add);
        List<String> texts = new ArrayList<>();
        parts.forEach(p -> texts.add(p.path("TranslatedText").asText()));
        ObjectNode result = parts.get(0).deepCopy();
        result.put("TranslatedText", TextSplitter.join(chunks, texts));
        mergeTerminologies(result, parts);
        return result;
    }

    /** Terms applied in any part, grouped by terminology name as in a single response. */
    private static void mergeTerminologies(ObjectNode result, List<ObjectNode> parts) {
        Map<String, ObjectNode> byName = new LinkedHashMap<>();
        for (ObjectNode p : parts) {
            for (JsonNode t : p.path("AppliedTerminologies")) {
                ObjectNode merged = byName.computeIfAbsent(t.path("Name").asText(), n -> {
                    ObjectNode o = JsonNodeFactory.instance.objectNode();
                    o.put("Name", n);
                    o.putArray("Terms");
                    return o;
                });
                for (JsonNode term : t.path("Terms")) {
                    ArrayNode terms = (ArrayNode) merged.get("Terms");
                    boolean seen = false;
                    for (JsonNode existing : terms) {
                        seen |= existing.equals(term);
                    }
                    if (!seen) {
                        terms.add(term);
                    }
                }
            }
        }
        if (!byName.isEmpty()) {
            ArrayNode arr = result.putArray("AppliedTerminologies");
            byName.values().forEach(arr::add);
        }
    }
}
