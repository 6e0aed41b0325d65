package dev.awsj.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsj.json.SdkJson;
import software.amazon.awssdk.core.SdkPojo;

/** The pages of a list call as one response, as the AWS CLI prints it: lists joined, token dropped. */
public final class PagedJson {
    private PagedJson() {
    }

    public static ObjectNode merge(Iterable<? extends SdkPojo> pages, String listMember, String tokenMember) {
        ObjectNode merged = null;
        for (SdkPojo page : pages) {
            ObjectNode json = SdkJson.toJson(page);
            if (merged == null) {
                merged = json;
                if (!merged.has(listMember)) {
                    merged.putArray(listMember);
                }
            } else {
                JsonNode items = json.get(listMember);
                if (items != null) {
                    ((ArrayNode) merged.get(listMember)).addAll((ArrayNode) items);
                }
            }
        }
        if (merged == null) {
            merged = SdkJson.MAPPER.createObjectNode();
            merged.putArray(listMember);
        }
        merged.remove(tokenMember);
        return merged;
    }
}
