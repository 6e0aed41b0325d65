package dev.awsj.polly;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.awsj.testing.AwsjRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PollyCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final dev.awsj.documents.Responder SPEECH = new dev.awsj.documents.Responder("speech");
    private static WireMockServer wm;
    private Map<String, String> env;

    /**
     * Answers each SynthesizeSpeech with audio that names its part: the number after the first
     * "Part" (that many frames plus one) or "Sentence" (one frame) in the text marks every frame;
     * every part has ID3v2 and ID3v1 tags, as encoders write them.
     */
    @BeforeAll
    static void start() {
        wm = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort().extensions(SPEECH));
        wm.start();
        SPEECH.answer(req -> {
            try {
                JsonNode body = JSON.readTree(req.getBodyAsString());
                String text = body.get("Text").asText();
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("(Part|Sentence) (\\d+)").matcher(text);
                m.find();
                int part = Integer.parseInt(m.group(2));
                int frames = m.group(1).equals("Part") ? part + 1 : 1;
                String format = body.get("OutputFormat").asText();
                byte[] audio = format.equals("mp3") ? Mp3Frames.frames(frames, part, true, true)
                        : ("pcm" + part).getBytes(StandardCharsets.US_ASCII);
                return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                        .withHeader("Content-Type", format.equals("mp3") ? "audio/mpeg" : "audio/pcm")
                        .withHeader("x-amzn-RequestCharacters", String.valueOf(text.length()))
                        .withBody(audio).build();
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
    void shortTextIsOneRequestAndTheFileIsTheAudio(@TempDir Path dir) throws Exception {
        byte[] audio = Mp3Frames.frames(3, 7, false, false);
        wm.stubFor(post(urlEqualTo("/v1/speech")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "audio/mpeg").withHeader("x-amzn-RequestCharacters", "37").withBody(audio)));
        Path out = dir.resolve("hello.mp3");
        AwsjRun.Result r = AwsjRun.run(env, "polly", "synthesize-speech", "--text", "Hello world, this is a Polly test.",
                "--voice-id", "Joanna", "--engine", "neural", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("{\n    \"ContentType\": \"audio/mpeg\",\n    \"RequestCharacters\": 37\n}\n", r.out());
        assertArrayEquals(audio, Files.readAllBytes(out));
        wm.verify(postRequestedFor(urlEqualTo("/v1/speech")).withRequestBody(equalToJson(
                "{\"Text\":\"Hello world, this is a Polly test.\",\"VoiceId\":\"Joanna\",\"OutputFormat\":\"mp3\","
                        + "\"Engine\":\"neural\"}")));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(out), files.toList(), "no temporary file left beside OUTFILE");
        }
    }

    private static String longText(int parts) {
        StringBuilder sb = new StringBuilder();
        // Paragraphs of about 2,000 characters: two never fit one request, so each is a part.
        for (int p = 0; p < parts; p++) {
            sb.append("Part ").append(p).append(".");
            while (sb.length() < (p + 1) * 2000 + p * 2) {
                sb.append(" The scooter was left on the sidewalk again.");
            }
            sb.append("\n\n");
        }
        return sb.toString();
    }

    @Test
    void longTextIsSplitAtSentencesAndMp3PartsJoinIntoOneStream(@TempDir Path dir) throws Exception {
        wm.stubFor(post(urlEqualTo("/v1/speech")).willReturn(aResponse().withTransformers("speech")));
        String text = longText(4);
        Path in = dir.resolve("story.txt");
        Files.writeString(in, text);
        Path out = dir.resolve("story.mp3");
        AwsjRun.Result r = AwsjRun.run(env, "polly", "synthesize-speech", "--text-file", in.toString(),
                "--voice-id", "Matthew", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<LoggedRequest> reqs = wm.findAll(postRequestedFor(urlEqualTo("/v1/speech")));
        StringBuilder sent = new StringBuilder();
        int total = 0;
        for (LoggedRequest req : reqs.stream().sorted((a, b) -> a.getLoggedDate().compareTo(b.getLoggedDate())).toList()) {
            String part = JSON.readTree(req.getBodyAsString()).get("Text").asText();
            assertTrue(part.length() <= 3000, "within the limit: " + part.length());
            assertTrue(part.startsWith("Part ") && part.endsWith("again."), "cut at paragraph ends: " + part);
            total += part.length();
        }
        assertEquals(4, reqs.size());
        byte[] joined = Files.readAllBytes(out);
        // One ID3v2 tag at the start, then the frames of parts 0..3 in order (1, 2, 3, 4 frames),
        // no tag in between, and the last part's ID3v1 tag at the end.
        int[] markers = Mp3Frames.markers(joined);
        assertArrayEquals(new int[] {0, 1, 1, 2, 2, 2, 3, 3, 3, 3}, markers);
        assertEquals(30 + 10 * Mp3Frames.FRAME + 128, joined.length);
        assertEquals("TAG", new String(joined, joined.length - 128, 3, StandardCharsets.US_ASCII));
        assertEquals(total, JSON.readTree(r.out()).get("RequestCharacters").asInt(), "characters of all parts");
    }

    @Test
    void pcmPartsConcatenateAndDashWritesAudioToStdout() {
        wm.stubFor(post(urlEqualTo("/v1/speech")).willReturn(aResponse().withTransformers("speech")));
        AwsjRun.Result r = AwsjRun.run(env, longText(3).getBytes(StandardCharsets.UTF_8), "polly", "synthesize-speech",
                "--voice-id", "Joanna", "--output-format", "pcm", "--sample-rate", "16000", "-", "-");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("pcm0pcm1pcm2", r.out(), "audio only on stdout, in order");
        wm.verify(3, postRequestedFor(urlEqualTo("/v1/speech"))
                .withRequestBody(equalToJson("{\"SampleRate\":\"16000\",\"OutputFormat\":\"pcm\"}", true, true)));
    }

    @Test
    void ssmlIsSplitIntoWellFormedSpeakDocumentsNeverInsideAnElementThatMustStayWhole(@TempDir Path dir) throws Exception {
        wm.stubFor(post(urlEqualTo("/v1/speech")).willReturn(aResponse().withTransformers("speech")));
        StringBuilder ssml = new StringBuilder("<speak>");
        int n = 0;
        for (int p = 0; p < 3; p++) {
            ssml.append("<p><prosody rate=\"slow\">");
            for (int i = 0; i < 60; i++) {
                ssml.append("Sentence ").append(n++).append(": call <say-as interpret-as=\"telephone\">555 0100</say-as> now. ");
            }
            ssml.append("</prosody></p>");
        }
        ssml.append("</speak>");
        Path out = dir.resolve("ssml.mp3");
        AwsjRun.Result r = AwsjRun.run(env, "polly", "synthesize-speech", "--text", ssml.toString(), "--text-type", "ssml",
                "--voice-id", "Joanna", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<LoggedRequest> reqs = wm.findAll(postRequestedFor(urlEqualTo("/v1/speech")));
        assertTrue(reqs.size() >= 3, "total length forces parts: " + reqs.size());
        var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        StringBuilder spoken = new StringBuilder();
        java.util.TreeMap<Integer, String> byFirstSentence = new java.util.TreeMap<>();
        for (LoggedRequest req : reqs) {
            JsonNode body = JSON.readTree(req.getBodyAsString());
            assertEquals("ssml", body.get("TextType").asText());
            String part = body.get("Text").asText();
            assertTrue(part.length() <= 6000, "total length " + part.length());
            var doc = factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(part.getBytes(StandardCharsets.UTF_8)));
            assertEquals("speak", doc.getDocumentElement().getTagName());
            assertTrue(doc.getDocumentElement().getTextContent().length() <= 3000);
            assertTrue(part.startsWith("<speak><p><prosody rate=\"slow\">"), "open elements reopened: " + part.substring(0, 40));
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("Sentence (\\d+)").matcher(part);
            m.find();
            byFirstSentence.put(Integer.parseInt(m.group(1)), doc.getDocumentElement().getTextContent());
        }
        byFirstSentence.values().forEach(spoken::append);
        var whole = factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(ssml.toString().getBytes(StandardCharsets.UTF_8)));
        assertEquals(whole.getDocumentElement().getTextContent(), spoken.toString(), "every word once, in order");
        int[] expected = byFirstSentence.keySet().stream().mapToInt(Integer::intValue).toArray();
        assertArrayEquals(expected, Mp3Frames.markers(Files.readAllBytes(out)), "audio joined in text order");
    }

    @Test
    void describeVoicesFetchesEveryPage() throws Exception {
        // From the DescribeVoices API reference example, split over two pages.
        wm.stubFor(get(urlPathEqualTo("/v1/voices")).withQueryParam("LanguageCode", equalTo("en-GB"))
                .withQueryParam("NextToken", absent())
                .willReturn(aResponse().withStatus(200).withBody("{\"Voices\": [{\"Gender\": \"Female\", \"Id\": \"Emma\","
                        + " \"LanguageCode\": \"en-GB\", \"LanguageName\": \"British English\", \"Name\": \"Emma\"}],"
                        + " \"NextToken\": \"t2\"}")));
        wm.stubFor(get(urlPathEqualTo("/v1/voices")).withQueryParam("NextToken", equalTo("t2"))
                .willReturn(aResponse().withStatus(200).withBody("{\"Voices\": [{\"Gender\": \"Male\", \"Id\": \"Brian\","
                        + " \"LanguageCode\": \"en-GB\", \"LanguageName\": \"British English\", \"Name\": \"Brian\"}]}")));
        AwsjRun.Result r = AwsjRun.run(env, "polly", "describe-voices", "--language-code", "en-GB");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode voices = JSON.readTree(r.out()).get("Voices");
        assertEquals(List.of("Emma", "Brian"), IntStream.range(0, voices.size()).mapToObj(i -> voices.get(i).get("Id").asText()).toList());
        assertFalse(r.out().contains("NextToken"));
        AwsjRun.Result first = AwsjRun.run(env, "polly", "describe-voices", "--language-code", "en-GB", "--no-paginate");
        assertEquals(0, first.exitCode(), first.err());
        assertEquals(1, JSON.readTree(first.out()).get("Voices").size());
        assertEquals("t2", JSON.readTree(first.out()).get("NextToken").asText());
    }

    @Test
    void unknownVoiceIsTheServiceErrorAndNoFileIsLeft(@TempDir Path dir) throws Exception {
        wm.stubFor(post(urlEqualTo("/v1/speech")).willReturn(aResponse().withStatus(400)
                .withHeader("x-amzn-ErrorType", "ValidationException").withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"1 validation error detected: Value 'Bob' at 'voiceId' failed to satisfy constraint\"}")));
        Path out = dir.resolve("x.mp3");
        AwsjRun.Result r = AwsjRun.run(env, "polly", "synthesize-speech", "--text", "hi", "--voice-id", "Bob", out.toString());
        assertEquals(254, r.exitCode());
        assertTrue(r.err().startsWith("An error occurred (ValidationException) when calling the SynthesizeSpeech operation: "
                + "1 validation error"), r.err());
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "neither OUTFILE nor a temporary file");
        }
    }

    @Test
    void emptyTextAndMissingFileAreRefusedBeforeAnyCall(@TempDir Path dir) {
        AwsjRun.Result empty = AwsjRun.run(env, "polly", "synthesize-speech", "--text", "", "--voice-id", "Joanna",
                dir.resolve("a.mp3").toString());
        assertEquals(252, empty.exitCode());
        assertTrue(empty.err().startsWith("Empty text"), empty.err());
        AwsjRun.Result missing = AwsjRun.run(env, "polly", "synthesize-speech", "--text-file", dir.resolve("none.txt").toString(),
                "--voice-id", "Joanna", dir.resolve("a.mp3").toString());
        assertEquals(252, missing.exitCode());
        assertTrue(missing.err().startsWith("--text-file: no such file: "), missing.err());
        assertEquals(0, wm.getAllServeEvents().size());
    }
}
