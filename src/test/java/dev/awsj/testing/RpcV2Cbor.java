package dev.awsj.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.CBORParser;
import com.fasterxml.jackson.core.JsonToken;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.matching.StringValuePattern;
import com.github.tomakehurst.wiremock.matching.ValueMatcher;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;

/**
 * The Smithy RPC v2 CBOR protocol on the service side of a WireMock stub. Services the SDK calls in
 * this protocol (Translate) send {@code POST /service/<Service>/operation/<Operation>} with a CBOR
 * body and the header {@code smithy-protocol: rpc-v2-cbor}, and the real service answers in CBOR.
 * Stubs are written in JSON, as the API reference shows the shapes; registered as a WireMock
 * extension this class re-encodes a JSON answer to such a request as the service would send it:
 * CBOR, timestamps as tag 1 epoch seconds and blobs as byte strings (typed by the operation's SDK
 * model). {@link #json(byte[])} reads a request body back as JSON for assertions.
 */
public final class RpcV2Cbor implements ResponseTransformerV2 {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CBORFactory CBOR = new CBORFactory();
    private final String modelPackage;

    /** @param modelPackage the SDK model package of the stubbed service, e.g. {@code software.amazon.awssdk.services.translate.model} */
    public RpcV2Cbor(String modelPackage) {
        this.modelPackage = modelPackage;
    }

    /** The request path of an operation, e.g. {@code /service/AWSShineFrontendService_20170701/operation/TranslateText}. */
    public static String path(String service, String operation) {
        return "/service/" + service + "/operation/" + operation;
    }

    @Override
    public String getName() {
        return "rpc-v2-cbor";
    }

    @Override
    public boolean applyGlobally() {
        return true;
    }

    @Override
    public Response transform(Response response, ServeEvent serveEvent) {
        Request request = serveEvent.getRequest();
        byte[] body = response.getBody();
        if (!"rpc-v2-cbor".equals(request.getHeader("smithy-protocol")) || body == null || body.length == 0 || body[0] != '{') {
            return response;
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (IOException e) {
            return response;
        }
        String url = request.getUrl();
        String operation = url.substring(url.lastIndexOf('/') + 1);
        Class<?> shape = response.getStatus() < 300 ? modelClass(operation + "Response")
                : modelClass(tree.path("__type").asText("").replaceAll(".*#", ""));
        List<HttpHeader> headers = new ArrayList<>();
        for (HttpHeader h : response.getHeaders().all()) {
            if (!h.keyEquals("Content-Type") && !h.keyEquals("Content-Length")) {
                headers.add(h);
            }
        }
        headers.add(new HttpHeader("Content-Type", "application/cbor"));
        headers.add(new HttpHeader("smithy-protocol", "rpc-v2-cbor"));
        return Response.Builder.like(response).but().body(encode(tree, shape)).headers(new HttpHeaders(headers)).build();
    }

    private Class<?> modelClass(String simpleName) {
        try {
            return Class.forName(modelPackage + "." + simpleName);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    /** Encodes a JSON document as CBOR, typing members by the SDK model class (null: untyped). */
    public static byte[] encode(JsonNode json, Class<?> shape) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CBORGenerator g = CBOR.createGenerator(out)) {
            write(g, json, shape == null ? null : fields(shape), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static List<SdkField<?>> fields(Class<?> pojo) {
        try {
            Object builder = pojo.getMethod("builder").invoke(null);
            return ((SdkPojo) builder).sdkFields();
        } catch (ReflectiveOperationException | ClassCastException e) {
            return null;
        }
    }

    /** Writes one value; {@code fields} types an object's members, {@code field} the value itself. */
    private static void write(CBORGenerator g, JsonNode v, List<SdkField<?>> fields, SdkField<?> field) throws IOException {
        MarshallingType<?> type = field == null ? null : field.marshallingType();
        if (v.isObject()) {
            if (type == MarshallingType.MAP) {
                SdkField<?> value = memberField(field, "MapTrait");
                g.writeStartObject();
                for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> e = it.next();
                    g.writeFieldName(e.getKey());
                    write(g, e.getValue(), nestedFields(value), value);
                }
                g.writeEndObject();
                return;
            }
            List<SdkField<?>> own = field != null && type == MarshallingType.SDK_POJO ? nestedFields(field) : fields;
            g.writeStartObject();
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                g.writeFieldName(e.getKey());
                SdkField<?> member = own == null ? null
                        : own.stream().filter(f -> e.getKey().equals(f.locationName())).findFirst().orElse(null);
                write(g, e.getValue(), member == null ? null : nestedFields(member), member);
            }
            g.writeEndObject();
        } else if (v.isArray()) {
            SdkField<?> element = type == MarshallingType.LIST ? memberField(field, "ListTrait") : null;
            g.writeStartArray();
            for (JsonNode e : v) {
                write(g, e, nestedFields(element), element);
            }
            g.writeEndArray();
        } else if (type == MarshallingType.INSTANT && v.isNumber()) {
            g.writeTag(1);
            writeNumber(g, v);
        } else if (type == MarshallingType.SDK_BYTES && v.isTextual()) {
            g.writeBinary(Base64.getDecoder().decode(v.asText()));
        } else if (v.isNumber()) {
            writeNumber(g, v);
        } else if (v.isTextual()) {
            g.writeString(v.asText());
        } else if (v.isBoolean()) {
            g.writeBoolean(v.asBoolean());
        } else {
            g.writeNull();
        }
    }

    private static void writeNumber(CBORGenerator g, JsonNode v) throws IOException {
        if (v.isIntegralNumber()) {
            g.writeNumber(v.asLong());
        } else {
            g.writeNumber(v.asDouble());
        }
    }

    private static List<SdkField<?>> nestedFields(SdkField<?> field) {
        if (field == null || field.marshallingType() != MarshallingType.SDK_POJO) {
            return null;
        }
        try {
            Object builder = field.constructor().get();
            return ((SdkPojo) builder).sdkFields();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static SdkField<?> memberField(SdkField<?> field, String trait) {
        if (field == null) {
            return null;
        }
        if (trait.equals("ListTrait")) {
            ListTrait list = field.getTrait(ListTrait.class);
            return list == null ? null : list.memberFieldInfo();
        }
        MapTrait map = field.getTrait(MapTrait.class);
        return map == null ? null : map.valueFieldInfo();
    }

    /** Matches a request whose CBOR body, read as JSON, matches {@code pattern} (e.g. {@code equalToJson}, {@code matchingJsonPath}). */
    public static ValueMatcher<Request> body(StringValuePattern pattern) {
        return request -> pattern.match(json(request.getBody()).toString());
    }

    /** A CBOR request body as JSON: byte strings as base64, tagged timestamps as their number. */
    public static JsonNode json(byte[] cbor) {
        try (CBORParser p = CBOR.createParser(cbor)) {
            p.nextToken();
            return read(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(CBORParser p) throws IOException {
        JsonNodeFactory f = JsonNodeFactory.instance;
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                ObjectNode o = f.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    o.set(name, read(p));
                }
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = f.arrayNode();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(read(p));
                }
                return a;
            }
            case VALUE_EMBEDDED_OBJECT -> {
                return f.textNode(Base64.getEncoder().encodeToString(p.getBinaryValue()));
            }
            case VALUE_NUMBER_INT -> {
                return f.numberNode(p.getLongValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return f.numberNode(new BigDecimal(p.getText()));
            }
            case VALUE_STRING -> {
                return f.textNode(p.getText());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return f.booleanNode(p.getBooleanValue());
            }
            default -> {
                return f.nullNode();
            }
        }
    }
}
