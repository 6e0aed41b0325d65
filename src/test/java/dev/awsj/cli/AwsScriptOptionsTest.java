package dev.awsj.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.awsj.testing.AwsCli;
import dev.awsj.testing.AwsjRun;
import dev.awsj.testing.AwsjRun.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The global options and settings aws scripts pass (docs/configuration.md, "Settings aws scripts
 * pass"): accepted with aws's meaning, and blob text read as aws reads it, side by side with the
 * AWS CLI against one stub.
 */
class AwsScriptOptionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static WireMockServer wm;
    private Map<String, String> env;

    @BeforeAll
    static void start() {
        wm = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        wm.start();
    }

    @AfterAll
    static void stop() {
        wm.stop();
    }

    @BeforeEach
    void reset() {
        wm.resetAll();
        wm.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("RekognitionService.DetectModerationLabels"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"ModerationLabels\":[],\"ModerationModelVersion\":\"6.0\"}")));
        env = AwsjRun.env(wm.baseUrl());
    }

    /** The Image.Bytes each request to the stub carried, decoded from the wire's base64. */
    private static List<String> sentBytes() throws Exception {
        List<String> sent = new ArrayList<>();
        for (LoggedRequest r : wm.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo("/")))) {
            JsonNode body = JSON.readTree(r.getBodyAsString());
            sent.add(new String(java.util.Base64.getDecoder().decode(body.path("Image").path("Bytes").asText())));
        }
        return sent;
    }

    private static final String[] LINE = {"rekognition", "detect-moderation-labels", "--image", "Bytes=aGVsbG8h"};

    private static String[] with(String[] line, String... more) {
        List<String> all = new ArrayList<>(List.of(line));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void blobTextIsBase64ByDefaultAndRawWithRawInBase64Out() throws Exception {
        Result base64 = AwsjRun.run(env, LINE);
        assertEquals(0, base64.exitCode(), base64.toString());
        Result explicit = AwsjRun.run(env, with(LINE, "--cli-binary-format", "base64"));
        assertEquals(0, explicit.exitCode(), explicit.toString());
        Result raw = AwsjRun.run(env, with(LINE, "--cli-binary-format", "raw-in-base64-out"));
        assertEquals(0, raw.exitCode(), raw.toString());
        assertEquals(List.of("hello!", "hello!", "aGVsbG8h"), sentBytes());
    }

    @Test
    void theProfilesCliBinaryFormatApplies() throws Exception {
        Path config = Path.of(env.get("AWS_CONFIG_FILE"));
        Files.createDirectories(config.getParent());
        Files.writeString(config, "[default]\ncli_binary_format = raw-in-base64-out\n");
        assertEquals(0, AwsjRun.run(env, LINE).exitCode());
        assertEquals(0, AwsjRun.run(env, with(LINE, "--cli-binary-format", "base64")).exitCode());
        assertEquals(List.of("aGVsbG8h", "hello!"), sentBytes());

        Files.writeString(config, "[default]\ncli_binary_format = hex\n");
        Result bad = AwsjRun.run(env, LINE);
        assertEquals(253, bad.exitCode(), bad.toString());
        assertEquals("Unknown cli_binary_format value: hex, valid values are \"base64\" or \"raw-in-base64-out\"",
                bad.err().strip());
    }

    @Test
    void blobsInCliInputJsonAndYamlFollowTheFormatToo() throws Exception {
        String json = "{\"Image\": {\"Bytes\": \"aGVsbG8h\"}}";
        String yaml = "Image:\n  Bytes: aGVsbG8h\n";
        assertEquals(0, AwsjRun.run(env, "rekognition", "detect-moderation-labels", "--cli-input-json", json).exitCode());
        assertEquals(0, AwsjRun.run(env, "rekognition", "detect-moderation-labels", "--cli-input-yaml", yaml).exitCode());
        assertEquals(0, AwsjRun.run(env, "rekognition", "detect-moderation-labels", "--cli-input-yaml", yaml,
                "--cli-binary-format", "raw-in-base64-out").exitCode());
        assertEquals(List.of("hello!", "hello!", "aGVsbG8h"), sentBytes());

        Result both = AwsjRun.run(env, "rekognition", "detect-moderation-labels", "--cli-input-yaml", yaml,
                "--cli-input-json", json);
        assertEquals(252, both.exitCode(), both.toString());
        assertEquals("Only one --cli-input- parameter may be specified.", both.err().lines().findFirst().orElse(""));
    }

    @Test
    void theAwsCliSendsTheSameBytes() throws Exception {
        AwsCli.assumeInstalled("AwsScriptOptionsTest.theAwsCliSendsTheSameBytes");
        for (String[] line : List.of(LINE, with(LINE, "--cli-binary-format", "raw-in-base64-out"),
                with(LINE, "--no-cli-pager", "--no-cli-auto-prompt"))) {
            wm.resetRequests();
            Result aws = AwsCli.run(env, line);
            assertEquals(0, aws.exitCode(), aws.toString());
            Result awsj = AwsjRun.run(env, line);
            assertEquals(0, awsj.exitCode(), awsj.toString());
            List<String> sent = sentBytes();
            assertEquals(2, sent.size());
            assertEquals(sent.get(0), sent.get(1), String.join(" ", line));
            assertEquals(JSON.readTree(aws.out()), JSON.readTree(awsj.out()), String.join(" ", line));
        }
    }

    @Test
    void pagerAndPromptSettingsAreAcceptedAndPrintingIsDirect() throws Exception {
        Map<String, String> e = new java.util.HashMap<>(env);
        e.put("AWS_PAGER", "less -R");
        e.put("AWS_CLI_AUTO_PROMPT", "off");
        Path config = Path.of(e.get("AWS_CONFIG_FILE"));
        Files.createDirectories(config.getParent());
        Files.writeString(config, "[default]\ncli_pager = less\ncli_auto_prompt = off\n");
        Result r = AwsjRun.run(e, with(LINE, "--no-cli-pager", "--no-cli-auto-prompt"));
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("6.0", JSON.readTree(r.out()).get("ModerationModelVersion").asText());
        assertEquals("", r.err());
    }

    @Test
    void promptingIsRefusedInOneLine() {
        Result on = AwsjRun.run(env, with(LINE, "--cli-auto-prompt"));
        assertEquals(252, on.exitCode(), on.toString());
        assertEquals("awsj does not prompt for parameters (--cli-auto-prompt): give the command in full;"
                + " awsj <command> help lists its options.", on.err().lines().findFirst().orElse(""));
        assertFalse(on.err().contains("\tat "), on.err());

        Result both = AwsjRun.run(env, with(LINE, "--cli-auto-prompt", "--no-cli-auto-prompt"));
        assertEquals(252, both.exitCode(), both.toString());
        assertEquals("Both --cli-auto-prompt and --no-cli-auto-prompt cannot be specified at the same time.",
                both.err().lines().findFirst().orElse(""));

        Result bad = AwsjRun.run(env, with(LINE, "--cli-binary-format", "hex"));
        assertEquals(252, bad.exitCode(), bad.toString());
        assertEquals("Bad value for --cli-binary-format: \"hex\". Use base64 or raw-in-base64-out.",
                bad.err().lines().findFirst().orElse(""));
        assertEquals(0, wm.getAllServeEvents().size(), "nothing was sent");
    }
}
