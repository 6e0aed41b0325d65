package dev.awsj.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.awsj.json.SdkJson;
import dev.awsj.testing.AwsjRun;
import dev.awsj.testing.RpcV2Cbor;
import dev.awsj.testing.AwsjRun.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generic layer on the JSON-protocol services (Rekognition, Polly, Translate, Comprehend)
 * against WireMock: the request awsj sends and the JSON it prints.
 */
class JsonServicesApiTest {
    static WireMockServer wm;
    static Map<String, String> env;

    @BeforeAll
    static void start() {
        wm = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                .extensions(new RpcV2Cbor("software.amazon.awssdk.services.translate.model")));
        wm.start();
        env = AwsjRun.env("http://127.0.0.1:" + wm.port());
    }

    @AfterAll
    static void stop() {
        wm.stop();
    }

    @BeforeEach
    void reset() {
        wm.resetAll();
    }

    static JsonNode json(Result r) throws Exception {
        assertEquals(0, r.exitCode(), r.toString());
        return SdkJson.MAPPER.readTree(r.out());
    }

    @Test
    void translateTextSendsTheOperationPathAndCborBody() throws Exception {
        // Translate speaks Smithy RPC v2 CBOR: the operation is in the path, the bodies are CBOR.
        String translateText = RpcV2Cbor.path("AWSShineFrontendService_20170701", "TranslateText");
        wm.stubFor(post(urlEqualTo(translateText))
                .willReturn(aResponse().withStatus(200)
                        .withBody("{\"TranslatedText\":\"Hola\",\"SourceLanguageCode\":\"en\",\"TargetLanguageCode\":\"es\"}")));
        JsonNode j = json(AwsjRun.run(env, "translate", "translate-text", "--text", "Hello",
                "--source-language-code", "en", "--target-language-code", "es"));
        assertEquals("Hola", j.get("TranslatedText").asText());
        wm.verify(postRequestedFor(urlEqualTo(translateText)).andMatching(RpcV2Cbor.body(
                equalToJson("{\"Text\":\"Hello\",\"SourceLanguageCode\":\"en\",\"TargetLanguageCode\":\"es\"}"))));
    }

    @Test
    void rekognitionBlobFromFilebAndFloatsAsSent(@TempDir Path dir) throws Exception {
        byte[] img = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3};
        Path f = dir.resolve("a.jpg");
        Files.write(f, img);
        wm.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("RekognitionService.DetectLabels"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"Labels\":[{\"Name\":\"Scooter\",\"Confidence\":98.4417724609375,\"Instances\":[],"
                                + "\"Parents\":[{\"Name\":\"Vehicle\"}]}],\"LabelModelVersion\":\"3.0\"}")));
        JsonNode j = json(AwsjRun.run(env, "rekognition", "detect-labels",
                "--image", "{\"Bytes\":\"" + Base64.getEncoder().encodeToString(img) + "\"}", "--max-labels", "5"));
        assertEquals("Scooter", j.at("/Labels/0/Name").asText());
        assertEquals("98.4417724609375", j.at("/Labels/0/Confidence").asText());
        assertEquals(0, j.at("/Labels/0/Instances").size(), "an empty list the service sent is kept");
        wm.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(equalToJson(
                "{\"Image\":{\"Bytes\":\"" + Base64.getEncoder().encodeToString(img) + "\"},\"MaxLabels\":5}")));

        // The same blob from a file with fileb://, through --cli-input-json's sibling option form.
        Result viaFile = AwsjRun.run(env, "rekognition", "detect-labels", "--cli-input-json",
                "{\"Image\":{\"S3Object\":{\"Bucket\":\"photos\",\"Name\":\"k.jpg\"}}}");
        assertEquals(0, viaFile.exitCode(), viaFile.toString());
        wm.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(equalToJson(
                "{\"Image\":{\"S3Object\":{\"Bucket\":\"photos\",\"Name\":\"k.jpg\"}}}")));
    }

    @Test
    void pollySynthesizeSpeechWritesTheAudioFile(@TempDir Path dir) throws Exception {
        byte[] audio = {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0x64, 0, 0, 0, 0};
        wm.stubFor(post(urlEqualTo("/v1/speech")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "audio/mpeg").withHeader("x-amzn-RequestCharacters", "5").withBody(audio)));
        Path out = dir.resolve("hello.mp3");
        JsonNode j = json(AwsjRun.run(env, "polly", "synthesize-speech", "--text", "Hello", "--voice-id", "Joanna",
                "--output-format", "mp3", out.toString()));
        assertEquals("audio/mpeg", j.get("ContentType").asText());
        assertEquals(5, j.get("RequestCharacters").asInt());
        assertArrayEquals(audio, Files.readAllBytes(out));
        wm.verify(postRequestedFor(urlEqualTo("/v1/speech")).withRequestBody(
                equalToJson("{\"Text\":\"Hello\",\"VoiceId\":\"Joanna\",\"OutputFormat\":\"mp3\"}")));
    }

    @Test
    void comprehendServiceErrorIsExit254WithTheAwsWording() {
        wm.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"__type\":\"UnsupportedLanguageException\",\"Message\":\"Language xx is not supported\"}")));
        Result r = AwsjRun.run(env, "comprehend", "detect-sentiment", "--text", "great", "--language-code", "xx");
        assertEquals(254, r.exitCode(), r.toString());
        assertEquals("An error occurred (UnsupportedLanguageException) when calling the DetectSentiment operation: "
                + "Language xx is not supported\n", r.err());
        assertTrue(r.out().isEmpty());
    }
}
