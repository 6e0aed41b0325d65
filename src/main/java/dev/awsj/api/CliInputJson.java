package dev.awsj.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsj.cli.Context;
import dev.awsj.core.AwsjException;
import dev.awsj.json.SdkJson;
import picocli.CommandLine.Option;
import software.amazon.awssdk.core.SdkPojo;

/**
 * {@code --cli-input-json JSON|file://F} and {@code --cli-input-yaml YAML|file://F} for curated
 * commands, as aws and the generic commands take them: the request's members as JSON or YAML;
 * options given on the command line win. A picocli mixin.
 */
public class CliInputJson {
    static final String JSON = "--cli-input-json";
    static final String YAML = "--cli-input-yaml";

    @Option(names = JSON, paramLabel = "JSON",
            description = "The request as JSON (or file://FILE), with the API's member names; options override it.")
    String json;

    @Option(names = YAML, paramLabel = "YAML",
            description = "The request as YAML (or file://FILE), with the API's member names; options override it.")
    String yaml;

    public boolean given() {
        return json != null || yaml != null;
    }

    /** Fills the request builder from the JSON or YAML, if any; unknown members are a 252 naming the valid ones. */
    public <B extends SdkPojo> B fill(B builder, Context ctx) {
        fill(builder, json, yaml, ctx.settings().rawBlobInput());
        return builder;
    }

    /**
     * Fills {@code builder} from the value of {@code --cli-input-json} or {@code --cli-input-yaml}
     * (null when not given); both at once is a 252, as in aws.
     */
    static void fill(SdkPojo builder, String json, String yaml, boolean rawBlobs) {
        if (json != null && yaml != null) {
            throw AwsjException.usage("Only one --cli-input- parameter may be specified.");
        }
        if (json != null) {
            SdkJson.fill(builder, SdkJson.parse(ParameterValues.load(json, JSON), JSON), JSON, rawBlobs);
        } else if (yaml != null) {
            SdkJson.fill(builder, parseYaml(ParameterValues.load(yaml, YAML)), YAML, rawBlobs);
        }
    }

    /** YAML text as a JSON tree; jackson-dataformat-yaml is loaded only when the option is given. */
    private static JsonNode parseYaml(String text) {
        try {
            JsonNode node = YamlReader.read(text);
            if (node == null || !node.isObject()) {
                throw AwsjException.usage("Invalid type for " + YAML + ": expecting a map of the request's members.");
            }
            return node;
        } catch (java.io.IOException e) {
            String m = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            throw AwsjException.usage("Invalid YAML for " + YAML + ": " + m);
        }
    }

    /**
     * The one place that names the YAML library: the verifier loads what a method's code names when it
     * checks the class, so keeping it out of {@link CliInputJson} keeps it off every other command.
     */
    private static final class YamlReader {
        static JsonNode read(String text) throws java.io.IOException {
            return new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                    .readTree(text);
        }
    }
}
