package dev.awsj.run;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsj.json.SdkJson;
import java.io.IOException;

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

    /** {"Line":n,"ExitCode":c,"Output":...,"Error":"..."}; Output is the line's JSON when it printed JSON. */
    static ObjectNode toJson(RunCommand.Result r) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("Line", r.line());
        o.put("ExitCode", r.exitCode());
        String out = r.out().strip();
        if (!out.isEmpty()) {
            o.set("Output", parsedOrText(out));
        }
        String err = r.err().strip();
        if (!err.isEmpty()) {
            o.put("Error", err);
        }
        return o;
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
