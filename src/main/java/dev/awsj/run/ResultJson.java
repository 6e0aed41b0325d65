package dev.awsj.run;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsj.json.SdkJson;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * One result line of {@code awsj run}. Apart from {@link RunCommand} so that picocli, which reads
 * the command's method signatures, does not load Jackson for every awsj start.
 */
final class ResultJson {
    private ResultJson() {
    }

    /** The compact JSON line of a result. */
    static String line(RunCommand.Result r) {
        return toJson(r).toString();
    }

    /**
     * {"Line":n,"ExitCode":c,"Output":...,"Error":"..."}; Output is the line's JSON when it printed
     * JSON, else its text. Bytes that are not UTF-8 text (an object's body from {@code s3 cat}) are
     * carried whole as "OutputBase64", never replaced by U+FFFD.
     */
    static ObjectNode toJson(RunCommand.Result r) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("Line", r.line());
        o.put("ExitCode", r.exitCode());
        String text = utf8(r.out());
        if (text == null) {
            o.put("OutputBase64", Base64.getEncoder().encodeToString(r.out()));
        } else if (!text.strip().isEmpty()) {
            o.set("Output", parsedOrText(text.strip()));
        }
        String err = r.err().strip();
        if (!err.isEmpty()) {
            o.put("Error", err);
        }
        return o;
    }

    /** The bytes as text, or null when they are not valid UTF-8. */
    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static JsonNode parsedOrText(String out) {
        char first = out.charAt(0);
        if (first == '{' || first == '[' || first == '"') {
            try {
                return SdkJson.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(out);
            } catch (IOException | RuntimeException e) {
                // not one JSON document (text output, or several lines of JSON): keep it as text
            }
        }
        return JsonNodeFactory.instance.textNode(out);
    }
}
