package dev.awsj.comprehend;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.awsj.testing.AwsjRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComprehendCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TARGET = "Comprehend_20171127.";
    private static WireMockServer wm;
    private Map<String, String> env;

    /** From the DetectSentiment API reference example. */
    private static final String SENTIMENT = """
            {"Sentiment": "POSITIVE", "SentimentScore": {"Mixed": 0.0033542951568961143,
             "Negative": 0.0001414237276185304, "Neutral": 0.0033906102180480957, "Positive": 0.9931137561798096}}""";

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
        env = AwsjRun.env(wm.baseUrl());
    }

    private static void stub(String op, String body) {
        wm.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET + op))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body)));
    }

    @Test
    void detectSentimentSendsTextAndLanguageAndPrintsTheResponse() throws Exception {
        stub("DetectSentiment", SENTIMENT);
        AwsjRun.Result r = AwsjRun.run(env, "comprehend", "detect-sentiment", "--text", "DataCamp students are amazing.",
                "--language-code", "en");
        assertEquals(0, r.exitCode(), r.err());
        // The SDK models the scores as 32-bit floats: compare at float precision.
        JsonNode out = JSON.readTree(r.out());
        JsonNode expected = JSON.readTree(SENTIMENT);
        assertEquals("POSITIVE", out.get("Sentiment").asText());
        assertEquals(2, out.size());
        for (String k : List.of("Positive", "Negative", "Neutral", "Mixed")) {
            assertEquals(expected.get("SentimentScore").get(k).asDouble(), out.get("SentimentScore").get(k).asDouble(), 1e-7, k);
        }
        assertEquals(4, out.get("SentimentScore").size());
        wm.verify(1, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET + "DetectSentiment"))
                .withRequestBody(equalToJson("{\"Text\":\"DataCamp students are amazing.\",\"LanguageCode\":\"en\"}")));
    }

    @Test
    void detectDominantLanguageReadsStdin() throws Exception {
        String body = "{\"Languages\": [{\"LanguageCode\": \"es\", \"Score\": 0.9955}]}";
        stub("DetectDominantLanguage", body);
        AwsjRun.Result r = AwsjRun.run(env, "Hay basura por todas partes.\n".getBytes(StandardCharsets.UTF_8),
                "comprehend", "detect-dominant-language", "-");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("es", JSON.readTree(r.out()).at("/Languages/0/LanguageCode").asText());
        wm.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(equalToJson("{\"Text\":\"Hay basura por todas partes.\\n\"}")));
    }

    @Test
    void cliInputJsonGivesTheRequestAndOptionsOverrideIt(@TempDir Path dir) throws Exception {
        stub("DetectSentiment", SENTIMENT);
        AwsjRun.Result r = AwsjRun.run(env, "comprehend", "detect-sentiment", "--cli-input-json",
                "{\"Text\":\"Great ride\",\"LanguageCode\":\"es\"}", "--language-code", "en");
        assertEquals(0, r.exitCode(), r.err());
        wm.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(equalToJson("{\"Text\":\"Great ride\",\"LanguageCode\":\"en\"}")));
        Path file = dir.resolve("d.txt");
        Files.writeString(file, "a\n");
        AwsjRun.Result both = AwsjRun.run(env, "comprehend", "detect-sentiment", "--cli-input-json", "{\"LanguageCode\":\"en\"}",
                "--input-file", file.toString());
        assertEquals(252, both.exitCode());
        AwsjRun.Result noLang = AwsjRun.run(env, "comprehend", "detect-sentiment", "--cli-input-json", "{\"Text\":\"x\"}");
        assertEquals(252, noLang.exitCode());
        assertTrue(noLang.err().startsWith("detect-sentiment needs --language-code"), noLang.err());
        wm.verify(1, postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void queryAppliesToTheSingleResult() {
        stub("DetectSentiment", SENTIMENT);
        AwsjRun.Result r = AwsjRun.run(env, "comprehend", "detect-sentiment", "--text", "ok", "--language-code", "en",
                "--query", "Sentiment", "--output", "text");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("POSITIVE", r.out().trim());
    }

    /** Echoes a batch: a result per sent text, the sentiment named after the text; "fail" texts go to ErrorList. */
    private static String batchResponse(List<String> texts) {
        ObjectNode resp = JSON.createObjectNode();
        ArrayNode results = resp.putArray("ResultList");
        ArrayNode errors = resp.putArray("ErrorList");
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i).startsWith("fail")) {
                errors.addObject().put("Index", i).put("ErrorCode", "INTERNAL_SERVER_ERROR").put("ErrorMessage", "Unexpected Server Error");
            } else {
                results.addObject().put("Index", i).put("Sentiment", texts.get(i).startsWith("bad") ? "NEGATIVE" : "POSITIVE");
            }
        }
        return resp.toString();
    }

    @Test
    void inputFileUsesBatchesOf25InOrderWithPerLineErrors(@TempDir Path dir) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            lines.add(i == 3 ? "x".repeat(5001) : i == 7 ? "fail " + i : i % 2 == 0 ? "bad " + i : "good " + i);
        }
        lines.add(10 - 1, "");  // a blank line 10: not sent, answered with {"Line":10}
        Path file = dir.resolve("docs.txt");
        Files.write(file, lines);
        // Batch 1: lines 1-25, of which line 3 is too long and line 10 blank (23 sent);
        // batch 2: lines 26-50; batch 3: lines 51-61.
        List<List<String>> batches = new ArrayList<>();
        for (int i = 0; i < lines.size(); i += 25) {
            List<String> sent = new ArrayList<>(lines.subList(i, Math.min(lines.size(), i + 25)));
            sent.removeIf(s -> s.length() > 5000 || s.isBlank());
            batches.add(sent);
            wm.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET + "BatchDetectSentiment"))
                    .withRequestBody(matchingJsonPath("$.TextList[0]", equalTo(sent.get(0))))
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                            .withBody(batchResponse(sent))));
        }
        AwsjRun.Result r = AwsjRun.run(env, "comprehend", "detect-sentiment", "--language-code", "en",
                "--input-file", file.toString());
        assertEquals(254, r.exitCode(), r.err());
        String[] out = r.out().split("\n");
        assertEquals(61, out.length, "one result a line, blank ones included");
        int expectedLine = 0;
        for (String o : out) {
            JsonNode n = JSON.readTree(o);
            expectedLine++;
            assertEquals(expectedLine, n.get("Line").asInt(), o);
            String doc = lines.get(expectedLine - 1);
            if (doc.isBlank()) {
                assertEquals("{\"Line\":10}", o);
            } else if (doc.length() > 5000) {
                assertEquals("TextSizeLimitExceededException", n.at("/Error/Code").asText());
            } else if (doc.startsWith("fail")) {
                assertEquals("{\"Line\":7,\"Error\":{\"Code\":\"INTERNAL_SERVER_ERROR\",\"Message\":\"Unexpected Server Error\"}}", o);
            } else {
                assertEquals(doc.startsWith("bad") ? "NEGATIVE" : "POSITIVE", n.get("Sentiment").asText(), o);
                assertTrue(!n.has("Index"), o);
            }
        }
        List<LoggedRequest> reqs = wm.findAll(postRequestedFor(urlEqualTo("/")));
        assertEquals(3, reqs.size());
        for (LoggedRequest req : reqs) {
            JsonNode body = JSON.readTree(req.getBodyAsString());
            assertEquals("en", body.get("LanguageCode").asText());
            assertTrue(batches.stream().anyMatch(b -> JSON.valueToTree(b).equals(body.get("TextList"))), body.toString());
        }
        assertTrue(r.err().contains("2 of 61 documents failed"), r.err());
        assertTrue(!r.err().contains("Processed"), "no progress when stderr is not a terminal");
    }

    @Test
    void csvColumnKeepsFileLineNumbersAndShowsProgressOnATerminal(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("reports.csv");
        Files.writeString(file, "id,public_description\n1,\"Scooter on the sidewalk,\nagain\"\n2,\n3,Great service\n");
        stub("BatchDetectDominantLanguage", """
                {"ResultList": [{"Index": 0, "Languages": [{"LanguageCode": "en", "Score": 0.9921875}]},
                 {"Index": 1, "Languages": [{"LanguageCode": "en", "Score": 1e-05}]}], "ErrorList": []}""");
        env.put("AWSJ_FORCE_TTY", "1");
        AwsjRun.Result r = AwsjRun.run(env, "comprehend", "detect-dominant-language", "--input-file", file.toString(),
                "--column", "public_description");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("{\"Line\":2,\"Languages\":[{\"LanguageCode\":\"en\",\"Score\":0.9921875}]}\n"
                + "{\"Line\":4}\n"
                + "{\"Line\":5,\"Languages\":[{\"LanguageCode\":\"en\",\"Score\":1e-05}]}\n", r.out()); // floats as Python writes them
        wm.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(
                equalToJson("{\"TextList\":[\"Scooter on the sidewalk,\\nagain\",\"Great service\"]}")));
        assertTrue(r.err().contains("Processed 3/3 documents"), r.err());
    }

    @Test
    void queryAndTextOutputApplyToEachLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("docs.txt");
        Files.writeString(file, "good one\nbad two\n");
        stub("BatchDetectSentiment", batchResponse(List.of("good one", "bad two")));
        AwsjRun.Result r = AwsjRun.run(env, "comprehend", "detect-sentiment", "--language-code", "en",
                "--input-file", file.toString(), "--query", "[Line, Sentiment]", "--output", "text");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("1\tPOSITIVE\n2\tNEGATIVE\n", r.out());
    }

    @Test
    void piiEntitiesHasNoBatchApiSoEachDocumentIsOneCall(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("docs.txt");
        Files.writeString(file, "Call 555-0100\nnothing here\nMy card 4111\n");
        wm.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET + "DetectPiiEntities"))
                .withRequestBody(matchingJsonPath("$.Text", equalTo("nothing here")))
                .willReturn(aResponse().withStatus(200).withBody("{\"Entities\": []}")));
        wm.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET + "DetectPiiEntities"))
                .withRequestBody(matchingJsonPath("$.Text", equalTo("Call 555-0100")))
                .willReturn(aResponse().withStatus(200).withBody(
                        "{\"Entities\": [{\"Score\": 0.5, \"Type\": \"PHONE\", \"BeginOffset\": 5, \"EndOffset\": 13}]}")));
        wm.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET + "DetectPiiEntities"))
                .withRequestBody(matchingJsonPath("$.Text", equalTo("My card 4111")))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"__type\":\"TextSizeLimitExceededException\",\"Message\":\"Input text size exceeds limit.\"}")));
        AwsjRun.Result r = AwsjRun.run(env, "comprehend", "detect-pii-entities", "--language-code", "en",
                "--input-file", file.toString());
        assertEquals(254, r.exitCode(), r.err());
        assertEquals("{\"Line\":1,\"Entities\":[{\"Score\":0.5,\"Type\":\"PHONE\",\"BeginOffset\":5,\"EndOffset\":13}]}\n"
                + "{\"Line\":2,\"Entities\":[]}\n"
                + "{\"Line\":3,\"Error\":{\"Code\":\"TextSizeLimitExceededException\",\"Message\":\"Input text size exceeds limit.\"}}\n",
                r.out());
        wm.verify(3, postRequestedFor(urlEqualTo("/")).withRequestBody(matchingJsonPath("$.LanguageCode", equalTo("en"))));
    }

    @Test
    void unsupportedLanguageIsTheServiceError() {
        wm.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"__type\":\"UnsupportedLanguageException\",\"Message\":\"Unsupported language: xx\"}")));
        AwsjRun.Result r = AwsjRun.run(env, "comprehend", "detect-key-phrases", "--text", "hello", "--language-code", "xx");
        assertEquals(254, r.exitCode());
        assertEquals("An error occurred (UnsupportedLanguageException) when calling the DetectKeyPhrases operation: "
                + "Unsupported language: xx", r.err().trim());
    }

    @Test
    void badInputIsOneClearLineBeforeAnyCall(@TempDir Path dir) {
        AwsjRun.Result noLang = AwsjRun.run(env, "comprehend", "detect-sentiment", "--text", "hi");
        assertEquals(252, noLang.exitCode());
        assertTrue(noLang.err().startsWith("detect-sentiment needs --language-code"), noLang.err());
        AwsjRun.Result missing = AwsjRun.run(env, "comprehend", "detect-entities", "--language-code", "en",
                "--input-file", dir.resolve("nope.txt").toString());
        assertEquals(252, missing.exitCode());
        assertTrue(missing.err().startsWith("--input-file: no such file: "), missing.err());
        AwsjRun.Result empty = AwsjRun.run(env, "comprehend", "detect-syntax", "--language-code", "en", "--text", "  ");
        assertEquals(252, empty.exitCode());
        assertTrue(empty.err().startsWith("Empty text"), empty.err());
        AwsjRun.Result noColumn = AwsjRun.run(env, "comprehend", "detect-dominant-language", "--text", "x", "--column", "a");
        assertEquals(252, noColumn.exitCode());
        assertEquals(0, wm.getAllServeEvents().size());
    }
}
