package dev.awsj.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.awsj.core.AtomicFileWriter;
import dev.awsj.core.AwsjException;
import dev.awsj.json.ScalarParser;
import dev.awsj.json.SdkJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;

/**
 * Command-line text to SDK member values, as the AWS CLI reads them: {@code file://} loads text,
 * {@code fileb://} loads bytes, structures and maps take JSON or shorthand ({@link Shorthand}),
 * lists take several words (one element each) or a JSON array.
 */
public final class ParameterValues {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ParameterValues() {
    }

    /** The value of one member from the strings given to its option. */
    public static Object convert(SdkField<?> field, List<String> raw, String option) {
        return convert(field, raw, option, false);
    }

    /**
     * As {@link #convert(SdkField, List, String)}; {@code rawBlobs} (aws's {@code --cli-binary-format
     * raw-in-base64-out}) reads blob text as its UTF-8 bytes instead of base64.
     */
    public static Object convert(SdkField<?> field, List<String> raw, String option, boolean rawBlobs) {
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.LIST) {
            SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
            if (raw.size() == 1 && load(raw.get(0), option).trim().startsWith("[")) {
                return SdkJson.fromJson(SdkJson.parse(load(raw.get(0), option), option), field, option, rawBlobs);
            }
            // Each word is one element: a structure in JSON or shorthand (--tags Key=a,Value=b Key=c,Value=d),
            // or a scalar.
            ArrayNode arr = NODES.arrayNode();
            for (String r : raw) {
                String value = load(r, option);
                arr.add(isContainer(member.marshallingType()) ? structured(value, member, option) : NODES.textNode(value));
            }
            return SdkJson.fromJson(arr, field, option, rawBlobs);
        }
        String text = raw.get(raw.size() - 1);
        if (type == MarshallingType.SDK_BYTES && text.startsWith("fileb://")) {
            return SdkBytes.fromByteArray(readBytes(text.substring("fileb://".length()), option));
        }
        String value = load(text, option);
        if (isContainer(type) || type == MarshallingType.DOCUMENT) {
            return SdkJson.fromJson(structured(value, field, option), field, option, rawBlobs);
        }
        return ScalarParser.parse(value, type, option, rawBlobs);
    }

    private static boolean isContainer(MarshallingType<?> type) {
        return type == MarshallingType.SDK_POJO || type == MarshallingType.MAP || type == MarshallingType.LIST;
    }

    /**
     * A structure, map or list given as text, as aws reads it: JSON when it starts with <code>{</code>
     * or {@code [} (and always for documents, which shorthand cannot type), else shorthand
     * ({@link Shorthand}). A structure whose one member is the string {@code Value} also takes a bare
     * word, as in aws: {@code --x shutdown} is <code>{"Value": "shutdown"}</code>.
     */
    private static JsonNode structured(String value, SdkField<?> field, String option) {
        String t = value.trim();
        MarshallingType<?> type = field.marshallingType();
        if (t.startsWith("{") || t.startsWith("[") || type == MarshallingType.DOCUMENT) {
            return SdkJson.parse(t, option);
        }
        if (type == MarshallingType.SDK_POJO && !value.contains("=")) {
            List<SdkField<?>> members = field.constructor().get().sdkFields();
            if (members.size() == 1 && members.get(0).memberName().equals("Value")
                    && members.get(0).marshallingType() == MarshallingType.STRING) {
                return NODES.objectNode().put("Value", value);
            }
        }
        return Shorthand.parse(value, option);
    }

    /** {@code file://path} as text, anything else as given. */
    public static String load(String value, String option) {
        if (value.startsWith("file://")) {
            return new String(read(value, value.substring("file://".length()), option), StandardCharsets.UTF_8);
        }
        return value;
    }

    /** The bytes of a file named by an option's value (a path without its {@code fileb://}). */
    public static byte[] readBytes(String path, String option) {
        return read("fileb://" + path, path, option);
    }

    /**
     * A paramfile's bytes; when it cannot be read, exit 252 with the value as given and the cause:
     * {@code Unable to load paramfile file:///x: no such file}, as aws says it.
     */
    private static byte[] read(String given, String path, String option) {
        try {
            return Files.readAllBytes(Path.of(path));
        } catch (IOException e) {
            throw AwsjException.usage("Error parsing parameter '" + option + "': Unable to load paramfile " + given
                    + ": " + AtomicFileWriter.reason(e));
        } catch (InvalidPathException e) {
            throw AwsjException.usage("Error parsing parameter '" + option + "': Unable to load paramfile " + given
                    + ": not a valid path (" + e.getReason() + ")");
        }
    }
}
