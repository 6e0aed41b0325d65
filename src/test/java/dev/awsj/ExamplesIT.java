package dev.awsj;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.awsj.testing.AwsjRun;
import dev.awsj.testing.Emulators;
import dev.awsj.testing.RpcV2Cbor;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scripts of examples/ run as a user runs them (bash, with AWSJ pointing at the checkout's
 * launcher): 1 and 2 against S3Mock and fauxqs, 3 and 4 against WireMock stubs shaped as the AWS
 * API reference examples. So the examples cannot rot.
 */
class ExamplesIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path REPO = Path.of("").toAbsolutePath();
    private static final Path CACHE = REPO.resolve("target/examples-it-cache");
    private static WireMockServer wm;

    record Run(int code, String out, String err) {
    }

    @BeforeAll
    static void start() {
        System.setProperty("java.awt.headless", "true");
        // As surefire's configuration: awsj ships slf4j-nop, so S3Mock (Spring Boot) must not insist on Logback.
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        wm = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                .extensions(new RpcV2Cbor("software.amazon.awssdk.services.translate.model")));
        wm.start();
    }

    @AfterAll
    static void stop() {
        wm.stop();
    }

    @BeforeEach
    void reset() {
        wm.resetAll();
    }

    /** Test credentials and region, config files in a temp folder, and the given endpoint variables. */
    private static Map<String, String> env(Map<String, String> endpoints) {
        Map<String, String> env = AwsjRun.env(null);
        env.putAll(endpoints);
        return env;
    }

    private static Run script(Map<String, String> awsEnv, Path dir, String name, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("bash", REPO.resolve("examples").resolve(name).toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS"));
        env.putAll(awsEnv);
        env.put("AWSJ", REPO.resolve("awsj").toString());
        env.put("AWSJ_CACHE_DIR", CACHE.toString());
        Path out = dir.resolve(name + ".out");
        Path err = dir.resolve(name + ".err");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), name + " finished");
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static AwsjRun.Result awsj(Map<String, String> env, String... args) {
        AwsjRun.Result r = AwsjRun.run(env, args);
        assertEquals(0, r.exitCode(), String.join(" ", args) + ": " + r.err());
        return r;
    }

    private static JsonNode json(AwsjRun.Result r) throws Exception {
        return JSON.readTree(r.out());
    }

    // ---------------------------------------------------------------- 1. report-repository.sh

    @Test
    void reportRepositoryPublishesTheCountsAndAnIndexOfEveryReport(@TempDir Path dir) throws Exception {
        Map<String, String> env = env(Map.of("AWS_ENDPOINT_URL_S3", Emulators.s3Endpoint()));
        awsj(env, "s3", "mb", "s3://ex-requests");
        awsj(env, "s3", "mb", "s3://ex-reports");
        Map<String, String> raw = Map.of(
                "2019_jan_week1.csv", "request_id,service_name,date\n1,Pothole,2019-01-02\n2,Illegal Dumping,2019-01-03\n3,Pothole,2019-01-04\n",
                "2019_jan_week2.csv", "date,service_name,request_id\n2019-01-09,Graffiti,4\n2019-01-10,Pothole,5\n",
                "2019_feb_week1.csv", "request_id,service_name,date\n6,Graffiti,2019-02-01\n7,Graffiti,2019-02-02\n",
                "2019_jan_notes.txt", "service_name\nPothole\n");
        for (var e : raw.entrySet()) {
            Path f = dir.resolve(e.getKey());
            Files.writeString(f, e.getValue());
            awsj(env, "s3", "cp", f.toString(), "s3://ex-requests/" + e.getKey());
        }

        Run jan = script(env, dir, "report-repository.sh", "ex-requests", "2019_jan", "ex-reports", "2019/jan");
        assertEquals(0, jan.code(), jan.err());
        assertEquals(Emulators.s3Endpoint() + "/ex-reports/index.html\n", jan.out());
        // Requests per service of January only (the column is found by its header), largest first.
        assertEquals("service_name,count\nPothole,3\nGraffiti,1\nIllegal Dumping,1\n",
                awsj(env, "s3", "cp", "s3://ex-reports/2019/jan/final_report.csv", "-").out());
        String html = awsj(env, "s3", "cp", "s3://ex-reports/2019/jan/final_report.html", "-").out();
        assertTrue(html.contains("<tr><td>Pothole</td><td>3</td></tr>"), html);

        Run feb = script(env, dir, "report-repository.sh", "ex-requests", "2019_feb", "ex-reports", "2019/feb");
        assertEquals(0, feb.code(), feb.err());
        assertEquals("service_name,count\nGraffiti,2\n",
                awsj(env, "s3", "cp", "s3://ex-reports/2019/feb/final_report.csv", "-").out());

        Map<String, String> types = Map.of("2019/jan/final_report.csv", "text/csv", "2019/jan/final_report.html", "text/html",
                "2019/feb/final_report.csv", "text/csv", "2019/feb/final_report.html", "text/html", "index.html", "text/html");
        for (var e : types.entrySet()) {
            String type = json(awsj(env, "s3api", "head-object", "--bucket", "ex-reports", "--key", e.getKey())).path("ContentType").asText();
            assertTrue(type.startsWith(e.getValue()), e.getKey() + " is " + type);
            JsonNode grants = json(awsj(env, "s3api", "get-object-acl", "--bucket", "ex-reports", "--key", e.getKey())).path("Grants");
            boolean publicRead = false;
            for (JsonNode g : grants) {
                publicRead |= g.at("/Grantee/URI").asText().equals("http://acs.amazonaws.com/groups/global/AllUsers")
                        && g.path("Permission").asText().equals("READ");
            }
            assertTrue(publicRead, e.getKey() + " is public-read: " + grants);
        }

        // The index regenerated by the second run links the reports of both months.
        String index = awsj(env, "s3", "cp", "s3://ex-reports/index.html", "-").out();
        Set<String> links = new TreeSet<>();
        var m = java.util.regex.Pattern.compile("href=\"([^\"]+)\"").matcher(index);
        while (m.find()) {
            links.add(m.group(1));
        }
        String base = Emulators.s3Endpoint() + "/ex-reports/";
        assertEquals(new TreeSet<>(List.of(base + "2019/feb/final_report.csv", base + "2019/feb/final_report.html",
                base + "2019/jan/final_report.csv", base + "2019/jan/final_report.html")), links);
    }

    // ---------------------------------------------------------------- 2. notification-system.sh

    @Test
    void notificationSystemSubscribesEveryContactAndAlertsOnlyOverTheThreshold(@TempDir Path dir) throws Exception {
        Map<String, String> env = env(Map.of("AWS_ENDPOINT_URL_S3", Emulators.s3Endpoint(),
                "AWS_ENDPOINT_URL_SNS", Emulators.fauxqsEndpoint()));
        awsj(env, "s3", "mb", "s3://ex-notify");
        Path report = dir.resolve("final_report.csv");
        Files.writeString(report, "service_name,count\nPothole,31\nIllegal Dumping,100\nGraffiti,7\n");
        awsj(env, "s3", "cp", report.toString(), "s3://ex-notify/2019/feb/final_report.csv");
        Path contacts = dir.resolve("contacts.csv");
        Files.writeString(contacts, """
                Department,Name,Phone,Email
                trash,Ana Lopez,+15555550101,ana@example.com
                streets,Bo Chen,+15555550102,bo@example.com
                trash,Cy Diaz,+15555550103,cy@example.com
                """);

        // Trash: 100 is not over 100, no alert. Streets: 31 is over 30, alert.
        Run r = script(env, dir, "notification-system.sh", contacts.toString(), "s3://ex-notify/2019/feb/final_report.csv", "100", "30");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("counts trash=100 streets=31\n"), r.out());
        assertTrue(r.out().matches("(?s).*\\nalert streets [0-9a-f-]{36}\\n$"), r.out());
        assertFalse(r.out().contains("alert trash"), r.out());

        JsonNode topics = json(awsj(env, "sns", "list-topics")).path("Topics");
        String trash = null;
        String streets = null;
        for (JsonNode t : topics) {
            String arn = t.path("TopicArn").asText();
            trash = arn.endsWith(":trash_notifications") ? arn : trash;
            streets = arn.endsWith(":streets_notifications") ? arn : streets;
        }
        assertTrue(trash != null && streets != null, "a topic per department: " + topics);
        assertEquals(Set.of("sms +15555550101", "email ana@example.com", "sms +15555550103", "email cy@example.com"),
                subscriptions(env, trash));
        assertEquals(Set.of("sms +15555550102", "email bo@example.com"), subscriptions(env, streets));

        // Over both thresholds: both alerts; run again, the topics and subscriptions stay as they are.
        Run both = script(env, dir, "notification-system.sh", contacts.toString(), "s3://ex-notify/2019/feb/final_report.csv", "99", "30");
        assertEquals(0, both.code(), both.err());
        assertTrue(both.out().matches("(?s).*\\nalert trash [0-9a-f-]{36}\\nalert streets [0-9a-f-]{36}\\n$"), both.out());
        assertEquals(2, subscriptions(env, streets).size());
    }

    private static Set<String> subscriptions(Map<String, String> env, String topicArn) throws Exception {
        Set<String> subs = new TreeSet<>();
        for (JsonNode s : json(awsj(env, "sns", "list-subscriptions-by-topic", "--topic-arn", topicArn)).path("Subscriptions")) {
            subs.add(s.path("Protocol").asText() + " " + s.path("Endpoint").asText());
        }
        return subs;
    }

    // ---------------------------------------------------------------- 3. scooter-sentiment.sh

    private static void stubJson(String target, String bodyJsonPath, String bodyValue, String response) {
        var mapping = post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target));
        if (bodyJsonPath != null) {
            mapping = mapping.withRequestBody(matchingJsonPath(bodyJsonPath, equalTo(bodyValue)));
        }
        wm.stubFor(mapping.willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/x-amz-json-1.1").withBody(response)));
    }

    private static final String TRANSLATE_TEXT = RpcV2Cbor.path("AWSShineFrontendService_20170701", "TranslateText");

    private static void translation(String text, String english) throws Exception {
        // Shaped as the TranslateText API reference example; Translate speaks Smithy RPC v2 CBOR.
        wm.stubFor(post(urlEqualTo(TRANSLATE_TEXT)).andMatching(RpcV2Cbor.body(matchingJsonPath("$.Text", equalTo(text))))
                .willReturn(aResponse().withStatus(200).withBody(JSON.writeValueAsString(Map.of(
                        "TranslatedText", english, "SourceLanguageCode", "es", "TargetLanguageCode", "en")))));
    }

    private static String labels(String... names) {
        // Shaped as the DetectLabels API reference example.
        StringBuilder b = new StringBuilder("{\"Labels\":[");
        for (int i = 0; i < names.length; i++) {
            b.append(i > 0 ? "," : "").append("{\"Name\":\"").append(names[i])
                    .append("\",\"Confidence\":98.5,\"Instances\":[],\"Parents\":[]}");
        }
        return b.append("],\"LabelModelVersion\":\"3.0\"}").toString();
    }

    private static String sentiment(int index, String sentiment) {
        return "{\"Index\":" + index + ",\"Sentiment\":\"" + sentiment + "\",\"SentimentScore\":{\"Positive\":0.1,"
                + "\"Negative\":0.8,\"Neutral\":0.05,\"Mixed\":0.05}}";
    }

    @Test
    void scooterSentimentListsTheNegativeRequestsThatShowAScooter(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("requests.csv");
        Files.writeString(csv, """
                id,image,description
                101,2019/a.png,"La patineta bloquea la acera, otra vez"
                102,2019/b.png,Un carril bici nuevo y bonito
                103,2019/c.png,Basura por todas partes
                104,2019/d.png,Otro patinete tirado en medio
                105,2019/e.png,Un patinete aparcado
                """);
        translation("La patineta bloquea la acera, otra vez", "The scooter blocks the sidewalk, again");
        translation("Un carril bici nuevo y bonito", "A nice new bike lane");
        translation("Basura por todas partes", "Trash everywhere");
        translation("Otro patinete tirado en medio", "Another scooter lying in the way");
        translation("Un patinete aparcado", "A parked scooter");
        stubJson("Comprehend_20171127.BatchDetectSentiment", null, null, "{\"ResultList\":[" + sentiment(0, "NEGATIVE") + ","
                + sentiment(1, "POSITIVE") + "," + sentiment(2, "NEGATIVE") + "," + sentiment(3, "NEGATIVE") + ","
                + sentiment(4, "NEUTRAL") + "],\"ErrorList\":[]}");
        String detectLabels = "RekognitionService.DetectLabels";
        stubJson(detectLabels, "$.Image.S3Object.Name", "2019/a.png", labels("Scooter", "Road"));
        stubJson(detectLabels, "$.Image.S3Object.Name", "2019/b.png", labels("Scooter", "Bicycle"));
        stubJson(detectLabels, "$.Image.S3Object.Name", "2019/c.png", labels("Trash", "Road"));
        stubJson(detectLabels, "$.Image.S3Object.Name", "2019/d.png", labels("Road", "Scooter"));
        stubJson(detectLabels, "$.Image.S3Object.Name", "2019/e.png", labels("Scooter"));

        Run r = script(env(Map.of("AWS_ENDPOINT_URL", wm.baseUrl())), dir, "scooter-sentiment.sh", csv.toString(), "s3://gid-images/");
        assertEquals(0, r.code(), r.err());
        assertEquals("101\tThe scooter blocks the sidewalk, again\n104\tAnother scooter lying in the way\n", r.out());
        assertEquals("", r.err());
        // One batch call with the English texts, in order; each image read by Rekognition from S3.
        wm.verify(1, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("Comprehend_20171127.BatchDetectSentiment"))
                .withRequestBody(equalToJson("{\"LanguageCode\":\"en\",\"TextList\":[\"The scooter blocks the sidewalk, again\","
                        + "\"A nice new bike lane\",\"Trash everywhere\",\"Another scooter lying in the way\",\"A parked scooter\"]}")));
        wm.verify(5, postRequestedFor(urlEqualTo(TRANSLATE_TEXT))
                .andMatching(RpcV2Cbor.body(matchingJsonPath("$.SourceLanguageCode", equalTo("auto"))))
                .andMatching(RpcV2Cbor.body(matchingJsonPath("$.TargetLanguageCode", equalTo("en")))));
        wm.verify(1, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(detectLabels))
                .withRequestBody(equalToJson("{\"Image\":{\"S3Object\":{\"Bucket\":\"gid-images\",\"Name\":\"2019/d.png\"}},"
                        + "\"MinConfidence\":80.0}")));
    }

    @Test
    void scooterSentimentReportsAFailedImageAndGoesOn(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("requests.csv");
        Files.writeString(csv, "description,id,image\nPatinete en la acera,7,x.png\nOtro patinete,8,gone.png\n");
        translation("Patinete en la acera", "Scooter on the sidewalk");
        translation("Otro patinete", "Another scooter");
        stubJson("Comprehend_20171127.BatchDetectSentiment", null, null,
                "{\"ResultList\":[" + sentiment(0, "NEGATIVE") + "," + sentiment(1, "NEGATIVE") + "],\"ErrorList\":[]}");
        stubJson("RekognitionService.DetectLabels", "$.Image.S3Object.Name", "x.png", labels("Scooter"));
        wm.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("RekognitionService.DetectLabels"))
                .withRequestBody(matchingJsonPath("$.Image.S3Object.Name", equalTo("gone.png")))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"__type\":\"InvalidS3ObjectException\",\"Message\":\"Unable to get object metadata from S3.\"}")));

        Run r = script(env(Map.of("AWS_ENDPOINT_URL", wm.baseUrl())), dir, "scooter-sentiment.sh", csv.toString(), "s3://gid-images/");
        assertEquals(0, r.code(), r.err());
        assertEquals("7\tScooter on the sidewalk\n", r.out());
        assertTrue(r.err().contains("InvalidS3ObjectException"), r.err());
    }

    // ---------------------------------------------------------------- 4. speak.sh and faces.sh

    /** Three silent MPEG-1 Layer III frames (128 kb/s, 44.1 kHz). */
    static byte[] mp3() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < 3; i++) {
            byte[] f = new byte[417];
            f[0] = (byte) 0xFF;
            f[1] = (byte) 0xFB;
            f[2] = (byte) 0x90;
            f[3] = (byte) 0x64;
            f[36] = (byte) i;
            out.writeBytes(f);
        }
        return out.toByteArray();
    }

    @Test
    void speakWritesTheMp3(@TempDir Path dir) throws Exception {
        byte[] audio = mp3();
        wm.stubFor(post(urlEqualTo("/v1/speech")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "audio/mpeg").withHeader("x-amzn-RequestCharacters", "27").withBody(audio)));
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "The pothole is fixed today.", StandardCharsets.UTF_8);
        Path mp3 = dir.resolve("notes.mp3");

        Run r = script(env(Map.of("AWS_ENDPOINT_URL", wm.baseUrl())), dir, "speak.sh", text.toString(), mp3.toString(), "Matthew");
        assertEquals(0, r.code(), r.err());
        assertArrayEquals(audio, Files.readAllBytes(mp3));
        assertEquals(27, JSON.readTree(r.out()).path("RequestCharacters").asInt(), r.out());
        wm.verify(1, postRequestedFor(urlEqualTo("/v1/speech")).withRequestBody(equalToJson(
                "{\"OutputFormat\":\"mp3\",\"Text\":\"The pothole is fixed today.\",\"VoiceId\":\"Matthew\"}", true, true)));
    }

    @Test
    void facesPrintsEachFaceAndWritesAnAnnotatedPng(@TempDir Path dir) throws Exception {
        BufferedImage img = new BufferedImage(400, 200, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 400, 200);
        g.dispose();
        Path photo = dir.resolve("street.png");
        ImageIO.write(img, "png", photo.toFile());
        // Shaped as the DetectFaces API reference example (Attributes ALL).
        stubJson("RekognitionService.DetectFaces", null, null, """
                {"FaceDetails": [
                  {"BoundingBox": {"Width": 0.25, "Height": 0.5, "Left": 0.5, "Top": 0.25}, "AgeRange": {"Low": 29, "High": 41},
                   "Smile": {"Value": true, "Confidence": 96.5}, "Emotions": [{"Type": "HAPPY", "Confidence": 95.25},
                   {"Type": "CALM", "Confidence": 2.5}], "Confidence": 99.875},
                  {"BoundingBox": {"Width": 0.125, "Height": 0.25, "Left": 0.0625, "Top": 0.5}, "AgeRange": {"Low": 8, "High": 14},
                   "Emotions": [{"Type": "CALM", "Confidence": 80.5}], "Confidence": 98.5}],
                 "OrientationCorrection": "ROTATE_0"}""");
        Path out = dir.resolve("street-faces.png");

        Run r = script(env(Map.of("AWS_ENDPOINT_URL", wm.baseUrl())), dir, "faces.sh", photo.toString(), out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("29\t41\tHAPPY\n8\t14\tCALM\n", r.out());
        BufferedImage annotated = ImageIO.read(out.toFile());
        assertEquals(400, annotated.getWidth());
        assertEquals(200, annotated.getHeight());
        // The first face's box spans x 200..300, y 50..150: its left edge is drawn, its inside stays white.
        assertNotEquals(Color.WHITE.getRGB(), annotated.getRGB(200, 120), "box edge");
        assertEquals(Color.WHITE.getRGB(), annotated.getRGB(250, 100), "inside the box");
        wm.verify(1, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("RekognitionService.DetectFaces"))
                .withRequestBody(matchingJsonPath("$.Attributes[0]", equalTo("ALL"))));
    }
}
