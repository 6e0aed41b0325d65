package dev.awsj.translate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.awsj.testing.AwsjRun;
import dev.awsj.testing.RpcV2Cbor;
import dev.awsj.documents.Responder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranslateCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SERVICE = "AWSShineFrontendService_20170701";
    private static final Responder UPPER = new Responder("upper");
    private static WireMockServer wm;
    private Map<String, String> env;

    @BeforeAll
    static void start() {
        wm = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                .extensions(UPPER, new RpcV2Cbor("software.amazon.awssdk.services.translate.model")));
        wm.start();
        // "Translates" by upper-casing, so joined output shows every part came back in its place.
        UPPER.answer(req -> {
            try {
                JsonNode body = RpcV2Cbor.json(req.getBody());
                String text = body.get("Text").asText();
                if (text.contains("FAIL")) {
                    return ResponseDefinitionBuilder.responseDefinition().withStatus(400)
                            .withBody("{\"__type\":\"DetectedLanguageLowConfidenceException\",\"Message\":\"Low confidence\"}").build();
                }
                return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                        .withBody(JSON.createObjectNode().put("TranslatedText", text.toUpperCase(Locale.ROOT))
                                .put("SourceLanguageCode", "en").put("TargetLanguageCode", body.get("TargetLanguageCode").asText())
                                .toString()).build();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @AfterAll
    static void stop() {
        wm.stop();
    }

    @BeforeEach
    void reset() {
        wm.resetAll();
        env = AwsjRun.env(wm.baseUrl());
    }

    @Test
    void translateTextSendsTheRequestAndPrintsTheResponse() throws Exception {
        // From the TranslateText API reference example.
        String body = "{\"SourceLanguageCode\": \"en\", \"TargetLanguageCode\": \"es\", \"TranslatedText\": \"Hola, ¿cómo estás?\"}";
        wm.stubFor(post(urlEqualTo(RpcV2Cbor.path(SERVICE, "TranslateText")))
                .willReturn(aResponse().withStatus(200).withBody(body)));
        AwsjRun.Result r = AwsjRun.run(env, "translate", "translate-text", "--text", "Hello, how are you?",
                "--source-language-code", "auto", "--target-language-code", "es",
                "--settings", "Formality=FORMAL,Profanity=MASK", "--terminology-names", "scooters");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(JSON.readTree(body), JSON.readTree(r.out()));
        wm.verify(1, postRequestedFor(urlEqualTo(RpcV2Cbor.path(SERVICE, "TranslateText")))
                .andMatching(RpcV2Cbor.body(equalToJson("{\"Text\":\"Hello, how are you?\",\"SourceLanguageCode\":\"auto\","
                        + "\"TargetLanguageCode\":\"es\",\"TerminologyNames\":[\"scooters\"],"
                        + "\"Settings\":{\"Formality\":\"FORMAL\",\"Profanity\":\"MASK\"}}"))));
    }

    @Test
    void longTextIsSplitBelowTheLimitAndJoinedInOrder(@TempDir Path dir) throws Exception {
        wm.stubFor(post(urlEqualTo(RpcV2Cbor.path(SERVICE, "TranslateText"))).willReturn(aResponse().withTransformers("upper")));
        StringBuilder text = new StringBuilder();
        for (int p = 0; p < 24; p++) {
            for (int s = 0; s < 40; s++) {
                text.append("Paragraph ").append(p).append(" sentence ").append(s).append(" é. ");
            }
            text.setLength(text.length() - 1);
            text.append("\n\n");
        }
        Path file = dir.resolve("long.txt");
        Files.writeString(file, text);
        assertTrue(text.toString().getBytes(StandardCharsets.UTF_8).length > 25_000);
        AwsjRun.Result r = AwsjRun.run(env, "translate", "translate-text", "--text-file", file.toString(),
                "--source-language-code", "en", "--target-language-code", "fr");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(text.toString().toUpperCase(Locale.ROOT), JSON.readTree(r.out()).get("TranslatedText").asText());
        List<LoggedRequest> reqs = wm.findAll(postRequestedFor(urlEqualTo(RpcV2Cbor.path(SERVICE, "TranslateText"))));
        assertTrue(reqs.size() >= 3, "parts: " + reqs.size());
        for (LoggedRequest req : reqs) {
            String part = RpcV2Cbor.json(req.getBody()).get("Text").asText();
            assertTrue(part.getBytes(StandardCharsets.UTF_8).length <= 10_000);
            assertTrue(part.startsWith("Paragraph ") && part.endsWith("é."), "split at paragraph boundaries: " + part);
        }
    }

    @Test
    void inputFilePrintsOneResultALineInOrderAndFailsOnlyTheBadLine(@TempDir Path dir) throws Exception {
        wm.stubFor(post(urlEqualTo(RpcV2Cbor.path(SERVICE, "TranslateText"))).willReturn(aResponse().withTransformers("upper")));
        Path file = dir.resolve("descriptions.txt");
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= 20; i++) {
            sb.append(i == 4 ? "FAIL me" : "scooter " + i).append('\n');
        }
        Files.writeString(file, sb);
        AwsjRun.Result r = AwsjRun.run(env, "translate", "translate-text", "--input-file", file.toString(),
                "--source-language-code", "auto", "--target-language-code", "en");
        assertEquals(254, r.exitCode(), r.err());
        String[] lines = r.out().split("\n");
        assertEquals(20, lines.length);
        assertEquals("{\"Line\":1,\"TranslatedText\":\"SCOOTER 1\",\"SourceLanguageCode\":\"en\",\"TargetLanguageCode\":\"en\"}", lines[0]);
        assertEquals("{\"Line\":4,\"Error\":{\"Code\":\"DetectedLanguageLowConfidenceException\",\"Message\":\"Low confidence\"}}", lines[3]);
        assertEquals("{\"Line\":20,\"TranslatedText\":\"SCOOTER 20\",\"SourceLanguageCode\":\"en\",\"TargetLanguageCode\":\"en\"}", lines[19]);
        assertTrue(r.err().contains("1 of 20 documents failed"), r.err());

        Path withBlank = dir.resolve("blank.txt");
        Files.writeString(withBlank, "one\n\ntwo\n");
        AwsjRun.Result aligned = AwsjRun.run(env, "translate", "translate-text", "--input-file", withBlank.toString(),
                "--source-language-code", "en", "--target-language-code", "de", "--query", "TranslatedText", "--output", "text");
        assertEquals(0, aligned.exitCode(), aligned.err());
        assertEquals("ONE\nNone\nTWO\n", aligned.out(), "a line out for every line in, as aws prints a null");
    }

    @Test
    void cliInputJsonGivesTheRequest() {
        wm.stubFor(post(urlEqualTo(RpcV2Cbor.path(SERVICE, "TranslateText"))).willReturn(aResponse().withTransformers("upper")));
        AwsjRun.Result r = AwsjRun.run(env, "translate", "translate-text", "--cli-input-json",
                "{\"Text\":\"hello\",\"SourceLanguageCode\":\"en\",\"TargetLanguageCode\":\"de\"}");
        assertEquals(0, r.exitCode(), r.err());
        wm.verify(postRequestedFor(urlEqualTo(RpcV2Cbor.path(SERVICE, "TranslateText"))).andMatching(RpcV2Cbor.body(
                equalToJson("{\"Text\":\"hello\",\"SourceLanguageCode\":\"en\",\"TargetLanguageCode\":\"de\"}"))));
        AwsjRun.Result noTarget = AwsjRun.run(env, "translate", "translate-text", "--text", "x", "--source-language-code", "en");
        assertEquals(252, noTarget.exitCode());
        assertTrue(noTarget.err().startsWith("Missing required option: '--target-language-code=CODE'"), noTarget.err());
    }

    @Test
    void listLanguagesFetchesEveryPage() throws Exception {
        wm.stubFor(post(urlEqualTo(RpcV2Cbor.path(SERVICE, "ListLanguages")))
                .andMatching(RpcV2Cbor.body(matchingJsonPath("$.NextToken", absent())))
                .willReturn(aResponse().withStatus(200).withBody("{\"Languages\":[{\"LanguageName\":\"Afrikaans\","
                        + "\"LanguageCode\":\"af\"}],\"DisplayLanguageCode\":\"en\",\"NextToken\":\"page2\"}")));
        wm.stubFor(post(urlEqualTo(RpcV2Cbor.path(SERVICE, "ListLanguages")))
                .andMatching(RpcV2Cbor.body(matchingJsonPath("$.NextToken", equalTo("page2"))))
                .willReturn(aResponse().withStatus(200).withBody("{\"Languages\":[{\"LanguageName\":\"Albanian\","
                        + "\"LanguageCode\":\"sq\"}],\"DisplayLanguageCode\":\"en\"}")));
        AwsjRun.Result r = AwsjRun.run(env, "translate", "list-languages");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(JSON.readTree("{\"Languages\":[{\"LanguageName\":\"Afrikaans\",\"LanguageCode\":\"af\"},"
                + "{\"LanguageName\":\"Albanian\",\"LanguageCode\":\"sq\"}],\"DisplayLanguageCode\":\"en\"}"), JSON.readTree(r.out()));
    }

    @Test
    void listLanguagesMaxItemsPrintsATokenThatStartingTokenResumes() throws Exception {
        String[] pages = {"{\"Languages\":[{\"LanguageName\":\"Afrikaans\",\"LanguageCode\":\"af\"},"
                + "{\"LanguageName\":\"Albanian\",\"LanguageCode\":\"sq\"}],\"DisplayLanguageCode\":\"en\",\"NextToken\":\"page2\"}",
            "{\"Languages\":[{\"LanguageName\":\"Amharic\",\"LanguageCode\":\"am\"}],\"DisplayLanguageCode\":\"en\","
                + "\"NextToken\":\"page3\"}",
            "{\"Languages\":[{\"LanguageName\":\"Arabic\",\"LanguageCode\":\"ar\"}],\"DisplayLanguageCode\":\"en\"}"};
        wm.stubFor(post(urlEqualTo(RpcV2Cbor.path(SERVICE, "ListLanguages")))
                .andMatching(RpcV2Cbor.body(matchingJsonPath("$.NextToken", absent()))).willReturn(aResponse().withStatus(200).withBody(pages[0])));
        for (int i = 2; i <= 3; i++) {
            wm.stubFor(post(urlEqualTo(RpcV2Cbor.path(SERVICE, "ListLanguages")))
                    .andMatching(RpcV2Cbor.body(matchingJsonPath("$.NextToken", equalTo("page" + i))))
                    .willReturn(aResponse().withStatus(200).withBody(pages[i - 1])));
        }
        AwsjRun.Result first = AwsjRun.run(env, "translate", "list-languages", "--max-items", "3");
        assertEquals(0, first.exitCode(), first.err());
        JsonNode head = JSON.readTree(first.out());
        assertEquals(List.of("Languages", "DisplayLanguageCode", "NextToken"), fieldNames(head));
        assertEquals(List.of("af", "sq", "am"), codes(head));
        AwsjRun.Result rest = AwsjRun.run(env, "translate", "list-languages", "--starting-token", head.get("NextToken").asText());
        assertEquals(0, rest.exitCode(), rest.err());
        assertEquals(JSON.readTree("{\"Languages\":[{\"LanguageName\":\"Arabic\",\"LanguageCode\":\"ar\"}],"
                + "\"DisplayLanguageCode\":\"en\"}"), JSON.readTree(rest.out()));

        // Inside a page: the token resumes after the items already printed.
        JsonNode one = JSON.readTree(AwsjRun.run(env, "translate", "list-languages", "--max-items", "1").out());
        assertEquals(List.of("af"), codes(one));
        JsonNode after = JSON.readTree(AwsjRun.run(env, "translate", "list-languages", "--starting-token",
                one.get("NextToken").asText(), "--max-items", "2").out());
        assertEquals(List.of("sq", "am"), codes(after));

        // A page token of the API's own turns paging off, as in aws: that page as it came.
        AwsjRun.Result page = AwsjRun.run(env, "translate", "list-languages", "--next-token", "page2");
        assertEquals(0, page.exitCode(), page.err());
        assertEquals(JSON.readTree(pages[1]), JSON.readTree(page.out()));

        AwsjRun.Result bad = AwsjRun.run(env, "translate", "list-languages", "--page-size", "0");
        assertEquals(252, bad.exitCode());
        assertEquals("Bad value for --page-size: 0 (give a whole number of 1 or more)", bad.err().lines().findFirst().orElse(""));
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> names = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> codes(JsonNode n) {
        List<String> codes = new java.util.ArrayList<>();
        n.get("Languages").forEach(l -> codes.add(l.get("LanguageCode").asText()));
        return codes;
    }

    @Test
    void unknownLanguageCodeIsTheServiceError() {
        wm.stubFor(post(urlEqualTo(RpcV2Cbor.path(SERVICE, "TranslateText"))).willReturn(aResponse().withStatus(400)
                .withBody("{\"__type\":\"UnsupportedLanguagePairException\",\"Message\":\"Unsupported language pair: en to xx.\"}")));
        AwsjRun.Result r = AwsjRun.run(env, "translate", "translate-text", "--text", "hi",
                "--source-language-code", "en", "--target-language-code", "xx");
        assertEquals(254, r.exitCode());
        assertEquals("An error occurred (UnsupportedLanguagePairException) when calling the TranslateText operation: "
                + "Unsupported language pair: en to xx.", r.err().trim());
    }

    @Test
    void stdinDashAndMissingFile(@TempDir Path dir) {
        wm.stubFor(post(urlEqualTo(RpcV2Cbor.path(SERVICE, "TranslateText"))).willReturn(aResponse().withTransformers("upper")));
        AwsjRun.Result r = AwsjRun.run(env, "hola".getBytes(StandardCharsets.UTF_8), "translate", "translate-text", "-",
                "--source-language-code", "es", "--target-language-code", "en");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("\"TranslatedText\": \"HOLA\""), r.out());
        Path file = dir.resolve("in.txt");
        try {
            java.nio.file.Files.writeString(file, "adios");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        AwsjRun.Result viaFileUrl = AwsjRun.run(env, "translate", "translate-text", "--text", "file://" + file,
                "--source-language-code", "es", "--target-language-code", "en");
        assertEquals(0, viaFileUrl.exitCode(), viaFileUrl.err());
        assertTrue(viaFileUrl.out().contains("\"TranslatedText\": \"ADIOS\""), "file:// as aws: " + viaFileUrl.out());
        AwsjRun.Result missing = AwsjRun.run(env, "translate", "translate-text", "--text-file", dir.resolve("x.txt").toString(),
                "--source-language-code", "es", "--target-language-code", "en");
        assertEquals(252, missing.exitCode());
        assertTrue(missing.err().startsWith("--text-file: no such file: "), missing.err());
    }
}
