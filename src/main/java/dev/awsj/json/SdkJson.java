package dev.awsj.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsj.core.AwsjException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * Any SDK object to JSON and back, walking {@link SdkPojo#sdkFields()} by member name: the shape
 * the AWS CLI prints (docs/architecture.md, "The contract") — wire member names, ISO-8601 timestamps, base64 blobs, enum
 * string values, no nulls, no lists or maps the service did not return, no response metadata.
 */
public final class SdkJson implements Mapper {
    // MAPPER (SdkJson.MAPPER to callers) is declared in the Mapper interface: an interface is
    // initialized when its field is first read, not with the class that implements it, so a
    // command that only turns a response into JSON and prints it never builds an ObjectMapper.
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SdkJson() {
    }

    /** A request or response (or any nested structure) as a JSON object. */
    public static ObjectNode toJson(SdkPojo pojo) {
        ObjectNode node = NODES.objectNode();
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = field.getValueOrDefault(pojo);
            JsonNode json = valueToJson(value, field);
            if (json != null) {
                node.set(field.memberName(), json);
            }
        }
        return node;
    }

    private static JsonNode valueToJson(Object value, SdkField<?> field) {
        if (value == null || value instanceof SdkAutoConstructList || value instanceof SdkAutoConstructMap) {
            return null;
        }
        if (value instanceof List<?> list) {
            ListTrait trait = field == null ? null : field.getOptionalTrait(ListTrait.class).orElse(null);
            if (list.isEmpty() && trait != null && trait.isFlattened()) {
                // A flattened XML list (S3's Contents, CommonPrefixes) has no element of its own:
                // empty means the service sent none, which aws does not print. The SDK turns such
                // an absent list into an empty one when it rewrites a response (url-decoded keys).
                return null;
            }
            SdkField<?> member = trait == null ? null : trait.memberFieldInfo();
            ArrayNode arr = NODES.arrayNode();
            for (Object o : list) {
                JsonNode j = valueToJson(o, member);
                arr.add(j == null ? NODES.nullNode() : j);
            }
            return arr;
        }
        if (value instanceof Map<?, ?> map) {
            SdkField<?> member = field == null ? null
                    : field.getOptionalTrait(MapTrait.class).map(MapTrait::valueFieldInfo).orElse(null);
            ObjectNode obj = NODES.objectNode();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                JsonNode j = valueToJson(e.getValue(), member);
                obj.set(String.valueOf(e.getKey()), j == null ? NODES.nullNode() : j);
            }
            return obj;
        }
        return scalarToJson(value);
    }

    /** A scalar SDK value: strings, numbers, booleans, instants, bytes, documents, structures. */
    public static JsonNode scalarToJson(Object value) {
        if (value instanceof SdkPojo p) {
            return toJson(p);
        }
        if (value instanceof String s) {
            return NODES.textNode(s);
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof Integer i) {
            return NODES.numberNode(i);
        }
        if (value instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (value instanceof Short s) {
            return NODES.numberNode(s);
        }
        if (value instanceof Byte b) {
            return NODES.numberNode(b);
        }
        if (value instanceof Float || value instanceof Double || value instanceof Instant) {
            // What the service sent, where it was kept (WireText): the number as written in a JSON
            // body, a timestamp with cli_timestamp_format = wire.
            JsonNode sent = WireText.of(value);
            if (sent != null) {
                return sent;
            }
        }
        if (value instanceof Float f) {
            // Otherwise (CBOR, a value not read from JSON) the double: the services compute these in
            // single precision, and aws prints the double of a binary float32 as well.
            return NODES.numberNode((double) f);
        }
        if (value instanceof Double d) {
            return NODES.numberNode(d);
        }
        if (value instanceof BigDecimal d) {
            return NODES.numberNode(d);
        }
        if (value instanceof Instant t) {
            return NODES.textNode(formatInstant(t));
        }
        if (value instanceof SdkBytes b) {
            return NODES.textNode(Base64.getEncoder().encodeToString(b.asByteArrayUnsafe()));
        }
        if (value instanceof Document d) {
            return documentToJson(d);
        }
        if (value instanceof Enum<?> e) {
            return NODES.textNode(e.toString());
        }
        return NODES.textNode(String.valueOf(value));
    }

    /** ISO-8601 in UTC with {@code +00:00}, microseconds only when present, as the AWS CLI prints. */
    public static String formatInstant(Instant t) {
        LocalDateTime d = LocalDateTime.ofEpochSecond(t.getEpochSecond(), t.getNano(), ZoneOffset.UTC);
        if (d.getYear() < 0 || d.getYear() > 9999) {
            return Formats.of(t);
        }
        // By hand rather than with DateTimeFormatter.ofPattern, whose locale machinery costs a
        // start-up some 60 classes: yyyy-MM-dd'T'HH:mm:ss[.SSSSSS]+00:00.
        StringBuilder b = new StringBuilder(32);
        pad(b, d.getYear(), 4).append('-');
        pad(b, d.getMonthValue(), 2).append('-');
        pad(b, d.getDayOfMonth(), 2).append('T');
        pad(b, d.getHour(), 2).append(':');
        pad(b, d.getMinute(), 2).append(':');
        pad(b, d.getSecond(), 2);
        int micros = t.getNano() / 1000;
        if (micros != 0) {
            pad(b.append('.'), micros, 6);
        }
        return b.append("+00:00").toString();
    }

    private static StringBuilder pad(StringBuilder b, int value, int width) {
        String s = Integer.toString(value);
        for (int i = s.length(); i < width; i++) {
            b.append('0');
        }
        return b.append(s);
    }

    /** The formatters, for years outside 0-9999 only. */
    private static final class Formats {
        private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
        private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx");

        static String of(Instant t) {
            return (t.getNano() / 1000 == 0 ? SECONDS : MICROS).format(t.atOffset(ZoneOffset.UTC));
        }
    }

    private static JsonNode documentToJson(Document d) {
        if (d == null || d.isNull()) {
            return NODES.nullNode();
        }
        if (d.isString()) {
            return NODES.textNode(d.asString());
        }
        if (d.isBoolean()) {
            return NODES.booleanNode(d.asBoolean());
        }
        if (d.isNumber()) {
            return NODES.numberNode(d.asNumber().bigDecimalValue());
        }
        if (d.isList()) {
            ArrayNode arr = NODES.arrayNode();
            d.asList().forEach(x -> arr.add(documentToJson(x)));
            return arr;
        }
        ObjectNode obj = NODES.objectNode();
        d.asMap().forEach((k, v) -> obj.set(k, documentToJson(v)));
        return obj;
    }

    // ---- JSON to SDK ----

    /**
     * Fills a builder (an {@link SdkPojo}) from a JSON object. Unknown members are refused with
     * their name and the members that are valid, so a typo is a clear 252, not a silent drop.
     */
    public static void fill(SdkPojo builder, JsonNode json, String where) {
        fill(builder, json, where, false);
    }

    /** As {@link #fill(SdkPojo, JsonNode, String)}; {@code rawBlobs}: blob text is UTF-8, not base64. */
    public static void fill(SdkPojo builder, JsonNode json, String where, boolean rawBlobs) {
        if (!json.isObject()) {
            throw AwsjException.usage("Expected a JSON object for " + where + ", got: " + abbreviate(json));
        }
        Map<String, SdkField<?>> fields = new LinkedHashMap<>();
        for (SdkField<?> f : builder.sdkFields()) {
            fields.put(f.memberName(), f);
        }
        Iterator<Map.Entry<String, JsonNode>> it = json.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            SdkField<?> f = fields.get(e.getKey());
            if (f == null) {
                throw AwsjException.usage("Unknown parameter in " + where + ": \"" + e.getKey()
                        + "\", must be one of: " + String.join(", ", fields.keySet()));
            }
            if (e.getValue().isNull()) {
                continue;
            }
            f.set(builder, fromJson(e.getValue(), f, where + "." + e.getKey(), rawBlobs));
        }
    }

    /** A JSON value converted to the Java type a field's setter takes. */
    public static Object fromJson(JsonNode json, SdkField<?> field, String where) {
        return fromJson(json, field, where, false);
    }

    /** As {@link #fromJson(JsonNode, SdkField, String)}; {@code rawBlobs}: blob text is UTF-8, not base64. */
    public static Object fromJson(JsonNode json, SdkField<?> field, String where, boolean rawBlobs) {
        MarshallingType<?> type = field.marshallingType();
        try {
            if (type == MarshallingType.SDK_POJO) {
                SdkPojo b = field.constructor().get();
                fill(b, json, where, rawBlobs);
                return ((software.amazon.awssdk.utils.builder.Buildable) b).build();
            }
            if (type == MarshallingType.LIST) {
                SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
                List<Object> list = new ArrayList<>();
                if (!json.isArray()) {
                    // A single value where a list is expected: take it as a one-element list.
                    list.add(fromJson(json, member, where + "[0]", rawBlobs));
                    return list;
                }
                for (int i = 0; i < json.size(); i++) {
                    list.add(fromJson(json.get(i), member, where + "[" + i + "]", rawBlobs));
                }
                return list;
            }
            if (type == MarshallingType.MAP) {
                SdkField<?> member = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
                if (!json.isObject()) {
                    throw AwsjException.usage("Expected a JSON object for " + where + ", got: " + abbreviate(json));
                }
                Map<String, Object> map = new LinkedHashMap<>();
                json.fields().forEachRemaining(e -> map.put(e.getKey(), fromJson(e.getValue(), member, where + "." + e.getKey(), rawBlobs)));
                return map;
            }
            return scalarFromJson(json, type, where, rawBlobs);
        } catch (AwsjException e) {
            throw e;
        } catch (RuntimeException e) {
            throw AwsjException.usage("Bad value for " + where + ": " + abbreviate(json) + " (" + e.getMessage() + ")");
        }
    }

    private static Object scalarFromJson(JsonNode json, MarshallingType<?> type, String where, boolean rawBlobs) {
        if (json.isContainerNode() && type != MarshallingType.DOCUMENT) {
            throw AwsjException.usage("Expected a single value for " + where + ", got: " + abbreviate(json));
        }
        if (json.isBinary()) {
            // A value read from fileb:// (shorthand's @=): bytes for a blob, their text for anything else.
            byte[] bytes = ((com.fasterxml.jackson.databind.node.BinaryNode) json).binaryValue();
            if (type == MarshallingType.SDK_BYTES) {
                return SdkBytes.fromByteArray(bytes);
            }
            json = NODES.textNode(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        }
        String text = json.asText();
        if (type == MarshallingType.STRING) {
            return text;
        }
        if (type == MarshallingType.DOCUMENT) {
            return documentFromJson(json);
        }
        return ScalarParser.parse(text, type, where, rawBlobs);
    }

    private static Document documentFromJson(JsonNode json) {
        if (json.isNull()) {
            return Document.fromNull();
        }
        if (json.isTextual()) {
            return Document.fromString(json.asText());
        }
        if (json.isBoolean()) {
            return Document.fromBoolean(json.asBoolean());
        }
        if (json.isNumber()) {
            return Document.fromNumber(json.decimalValue());
        }
        if (json.isArray()) {
            List<Document> l = new ArrayList<>();
            json.forEach(j -> l.add(documentFromJson(j)));
            return Document.fromList(l);
        }
        Map<String, Document> m = new LinkedHashMap<>();
        json.fields().forEachRemaining(e -> m.put(e.getKey(), documentFromJson(e.getValue())));
        return Document.fromMap(m);
    }

    static String abbreviate(JsonNode json) {
        String s = json.toString();
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    /**
     * Parses JSON text given on the command line; a syntax error is exit 252 naming the option and
     * where in the text it is: {@code Invalid JSON for --cli-input-json: line 2, column 14: Unexpected
     * character ...}, without the parser's notes on how it was configured.
     */
    public static JsonNode parse(String text, String where) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String position = at == null || at.getLineNr() < 0 ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
            throw AwsjException.usage("Invalid JSON for " + where + ": " + position + syntaxMessage(e.getOriginalMessage()));
        }
    }

    /** "[Source: REDACTED (`StreamReadFeature...` disabled); line: 1, column: 2]" within a message. */
    private static final Pattern SOURCE = Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)]");

    /** A parser message on one line, a position it quotes as "line L, column C". */
    static String syntaxMessage(String message) {
        String m = message == null ? "not JSON" : SOURCE.matcher(message).replaceAll("line $1, column $2");
        m = m.replaceAll("\\s*\\R\\s*", " ").strip();
        return m.isEmpty() ? "not JSON" : m;
    }

    /** Parses an ISO-8601 timestamp or epoch seconds. */
    public static Instant parseInstant(String text) {
        String t = text.trim();
        if (t.matches("-?\\d+(\\.\\d+)?")) {
            return Instant.ofEpochMilli(new BigDecimal(t).movePointRight(3).longValue());
        }
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(t).toInstant();
            } catch (DateTimeParseException e2) {
                return java.time.LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
            }
        }
    }
}
