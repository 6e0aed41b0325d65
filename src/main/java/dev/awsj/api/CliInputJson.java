package dev.awsj.api;

import dev.awsj.json.SdkJson;
import picocli.CommandLine.Option;
import software.amazon.awssdk.core.SdkPojo;

/**
 * {@code --cli-input-json JSON|file://F} for curated commands, as aws and the generic commands take
 * it: the request's members as JSON; options given on the command line win. A picocli mixin.
 */
public class CliInputJson {
    @Option(names = "--cli-input-json", paramLabel = "JSON",
            description = "The request as JSON (or file://FILE), with the API's member names; options override it.")
    String json;

    public boolean given() {
        return json != null;
    }

    /** Fills the request builder from the JSON, if any; unknown members are a 252 naming the valid ones. */
    public <B extends SdkPojo> B fill(B builder) {
        if (json != null) {
            SdkJson.fill(builder, SdkJson.parse(ParameterValues.load(json, "--cli-input-json"), "--cli-input-json"),
                    "--cli-input-json");
        }
        return builder;
    }
}
