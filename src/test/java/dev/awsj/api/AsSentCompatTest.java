package dev.awsj.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.awsj.json.SdkJson;
import dev.awsj.testing.AwsCli;
import dev.awsj.testing.AwsjRun;
import dev.awsj.testing.AwsjRun.Result;
import dev.awsj.testing.Emulators;
import dev.awsj.testing.RpcV2Cbor;
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
 * Numbers and timestamps as the service sent them, side by side with the AWS CLI on the same line
 * and the same stub or emulator: JSON equal (number types included: {@code 100} is not
 * {@code 100.0}), {@code --query} and {@code --output text} identical. Floating-point members
 * print the text of the JSON body; with {@code cli_timestamp_format = wire} timestamps print as
 * sent (epoch numbers of JSON bodies, S3's XML and header strings).
 */
class AsSentCompatTest {
    /** Texts that single precision would print otherwise: 0.9914 is 0.9914000034332275 as a float. */
    static final String LABELS = """
            {"Labels": [{"Name": "Scooter", "Confidence": 0.9914, "Instances": [{"BoundingBox":
              {"Width": 1e-05, "Height": 100, "Left": 100.0, "Top": 99.9364013671875}, "Confidence": 99.9364013671875}],
              "Parents": [{"Name": "Vehicle"}]}], "LabelModelVersion": "3.0"}""";
    static final String SENTIMENT = """
            {"Sentiment": "POSITIVE", "SentimentScore": {"Mixed": 99.9364013671875, "Negative": 1e-05,
             "Neutral": 100, "Positive": 0.9914}}""";
    static final String COLLECTION = """
            {"CollectionARN": "arn:aws:rekognition:us-east-1:123456789012:collection/c", "FaceCount": 3,
             "FaceModelVersion": "6.0", "CreationTimestamp": %s}""";

    static WireMockServer wm;
    Map<String, String> env;

    @BeforeAll
    static void start() {
        AwsCli.assumeInstalled("AsSentCompatTest");
        wm = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                .extensions(new RpcV2Cbor("software.amazon.awssdk.services.translate.model")));
        wm.start();
    }

    @AfterAll
    static void stop() {
        if (wm != null) {
            wm.stop();
        }
    }

    @BeforeEach
    void reset() {
        wm.resetAll();
        env = AwsjRun.env(wm.baseUrl());
    }

    static void stub(String target, String body) {
        wm.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body)));
    }

    /** awsj prints what aws prints for {@code args}: JSON equal, number types included. */
    static JsonNode sameJson(Map<String, String> env, String... args) throws Exception {
        Result aws = AwsCli.run(env, args);
        assertEquals(0, aws.exitCode(), "aws " + String.join(" ", args) + ": " + aws.err());
        Result awsj = AwsjRun.run(env, args);
        assertEquals(0, awsj.exitCode(), awsj.toString());
        JsonNode expected = SdkJson.MAPPER.readTree(aws.out());
        JsonNode actual = SdkJson.MAPPER.readTree(awsj.out());
        for (String newer : AwsCliCompatTest.NEWER_THAN_AWS_2_9) {
            actual.findParents(newer).forEach(o -> ((com.fasterxml.jackson.databind.node.ObjectNode) o).remove(newer));
        }
        assertEquals(expected, actual, "awsj " + String.join(" ", args) + "\n--- aws\n" + aws.out() + "--- awsj\n" + awsj.out());
        return actual;
    }

    /** awsj prints the same bytes as aws for {@code args}. */
    static String sameText(Map<String, String> env, String... args) {
        Result aws = AwsCli.run(env, args);
        assertEquals(0, aws.exitCode(), "aws " + String.join(" ", args) + ": " + aws.err());
        Result awsj = AwsjRun.run(env, args);
        assertEquals(0, awsj.exitCode(), awsj.toString());
        assertEquals(aws.out(), awsj.out(), "awsj " + String.join(" ", args));
        return awsj.out();
    }

    static String[] plus(String[] args, String... more) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void floatsPrintAsTheJsonBodyWroteThem() throws Exception {
        stub("RekognitionService.DetectLabels", LABELS);
        stub("Comprehend_20171127.DetectSentiment", SENTIMENT);
        String[] labels = {"rekognition", "detect-labels", "--image", "{\"S3Object\":{\"Bucket\":\"my-bucket\",\"Name\":\"k.jpg\"}}"};
        String[] sentiment = {"comprehend", "detect-sentiment", "--text", "great", "--language-code", "en"};

        JsonNode j = sameJson(env, labels);
        assertEquals("0.9914", j.at("/Labels/0/Confidence").toString());
        assertEquals("1.0E-5", j.at("/Labels/0/Instances/0/BoundingBox/Width").toString());
        assertTrue(j.at("/Labels/0/Instances/0/BoundingBox/Height").isIntegralNumber(), "100 stays an integer");
        assertTrue(j.at("/Labels/0/Instances/0/BoundingBox/Left").isDouble(), "100.0 stays a float");
        assertTrue(AwsjRun.run(env, labels).out().contains("\"Width\": 1e-05,"), "Python's notation");
        sameText(env, plus(labels, "--output", "text"));
        sameText(env, plus(labels, "--query", "Labels[].Instances[].BoundingBox"));
        sameText(env, plus(labels, "--query", "Labels[?Confidence < `1`].Name", "--output", "text"));

        JsonNode s = sameJson(env, sentiment);
        assertEquals("0.9914", s.at("/SentimentScore/Positive").toString());
        assertEquals("100", s.at("/SentimentScore/Neutral").toString());
        sameText(env, plus(sentiment, "--output", "text"));
        sameText(env, plus(sentiment, "--query", "SentimentScore.[Positive, Negative, Neutral, Mixed]"));
        sameText(env, plus(sentiment, "--query", "SentimentScore.Negative", "--output", "text"));
    }

    /** Each page of a paginated call keeps its own texts: list-faces over two pages. */
    @Test
    void everyPageOfAPaginatedCallPrintsItsNumbersAsSent() throws Exception {
        String face = """
                {"FaceId": "%s", "ImageId": "i", "Confidence": %s, "BoundingBox": {"Width": %s, "Height": 0.5, "Left": 0, "Top": 0.1}}""";
        wm.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("RekognitionService.ListFaces"))
                .withRequestBody(notContaining("NextToken"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"Faces\": [" + face.formatted("f1", "99.9364013671875", "0.9914") + "], "
                                + "\"NextToken\": \"page2\", \"FaceModelVersion\": \"6.0\"}")));
        wm.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("RekognitionService.ListFaces"))
                .withRequestBody(containing("page2"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"Faces\": [" + face.formatted("f2", "100", "1e-05") + "], \"FaceModelVersion\": \"6.0\"}")));
        String[] list = {"rekognition", "list-faces", "--collection-id", "c"};
        JsonNode j = sameJson(env, list);
        assertEquals(2, j.get("Faces").size(), j.toString());
        assertEquals("0.9914", j.at("/Faces/0/BoundingBox/Width").toString());
        assertEquals("100", j.at("/Faces/1/Confidence").toString());
        assertEquals("0", j.at("/Faces/1/BoundingBox/Left").toString());
        sameText(env, plus(list, "--output", "text"));
        sameText(env, plus(list, "--query", "Faces[].[Confidence, BoundingBox.Width]", "--output", "text"));
        // aws's YAML sorts the keys of objects, awsj's keeps their order: a list compares the numbers.
        sameText(env, plus(list, "--query", "Faces[].[Confidence, BoundingBox.Width, BoundingBox.Left]", "--output", "yaml"));
        sameText(env, plus(list, "--output", "table"));
    }

    private void config(String lines) throws Exception {
        Path config = Path.of(env.get("AWS_CONFIG_FILE"));
        Files.createDirectories(config.getParent());
        Files.writeString(config, "[default]\n" + lines);
    }

    @Test
    void wireTimestampsOfAJsonBodyAreTheNumbersSent() throws Exception {
        String[] describe = {"rekognition", "describe-collection", "--collection-id", "c"};
        for (String sent : List.of("1700000000.123", "1700000000", "1.7000000001E9")) {
            stub("RekognitionService.DescribeCollection", COLLECTION.formatted(sent));
            config("cli_timestamp_format = wire\n");
            JsonNode j = sameJson(env, describe);
            assertTrue(j.get("CreationTimestamp").isNumber(), j.toString());
            sameText(env, plus(describe, "--output", "text"));
            sameText(env, plus(describe, "--query", "CreationTimestamp"));
        }
        for (String iso : List.of("cli_timestamp_format = iso8601\n", "")) {
            config(iso);
            JsonNode i = sameJson(env, describe);
            assertTrue(i.get("CreationTimestamp").isTextual(), i.toString());
            sameText(env, plus(describe, "--output", "text"));
        }
    }

    /**
     * Translate: aws reads JSON, awsj's SDK client CBOR (no text to keep), so awsj writes epoch
     * seconds as a float: what aws prints when the service writes a float, as it does; an integer
     * the service wrote prints as a float in awsj (docs/configuration.md, "Timestamps").
     */
    @Test
    void wireTimestampsOfTranslateAreEpochSeconds() throws Exception {
        String job = """
                {"TextTranslationJobProperties": {"JobId": "j1", "JobStatus": "COMPLETED", "SubmittedTime": %s}}""";
        String[] describe = {"translate", "describe-text-translation-job", "--job-id", "j1"};
        config("cli_timestamp_format = wire\n");
        for (String sent : List.of("1654024200.5", "1.6540242E9")) {
            stub("AWSShineFrontendService_20170701.DescribeTextTranslationJob", job.formatted(sent));
            wm.stubFor(post(urlEqualTo(RpcV2Cbor.path("AWSShineFrontendService_20170701", "DescribeTextTranslationJob")))
                    .willReturn(aResponse().withStatus(200).withBody(job.formatted(sent))));
            sameJson(env, describe);
            sameText(env, plus(describe, "--output", "text"));
        }
        stub("AWSShineFrontendService_20170701.DescribeTextTranslationJob", job.formatted("1654024200"));
        wm.stubFor(post(urlEqualTo(RpcV2Cbor.path("AWSShineFrontendService_20170701", "DescribeTextTranslationJob")))
                .willReturn(aResponse().withStatus(200).withBody(job.formatted("1654024200"))));
        assertEquals("1654024200\n", AwsCli.run(env, plus(describe, "--query", "TextTranslationJobProperties.SubmittedTime")).out());
        assertEquals("1654024200.0\n", AwsjRun.run(env, plus(describe, "--query", "TextTranslationJobProperties.SubmittedTime")).out());
    }

    @Test
    void wireTimestampsOfS3AreTheStringsSent() throws Exception {
        for (String endpoint : List.of(Emulators.s3Endpoint(), Emulators.fauxqsEndpoint())) {
            env = AwsjRun.env(endpoint);
            String bucket = "wire-ts-" + (endpoint.equals(Emulators.s3Endpoint()) ? "s3mock" : "fauxqs");
            assertEquals(0, AwsjRun.run(env, "s3api", "create-bucket", "--bucket", bucket).exitCode());
            Path f = Files.createTempFile("wire", ".txt");
            Files.writeString(f, "as sent");
            Result put = AwsjRun.run(env, "s3api", "put-object", "--bucket", bucket, "--key", "a.txt", "--body", f.toString());
            assertEquals(0, put.exitCode(), put.toString());
            String[] list = {"s3api", "list-objects-v2", "--bucket", bucket};
            String[] head = {"s3api", "head-object", "--bucket", bucket, "--key", "a.txt"};

            config("cli_timestamp_format = wire\n");
            JsonNode listed = sameJson(env, list);
            assertTrue(listed.at("/Contents/0/LastModified").asText().endsWith("Z"), endpoint + ": " + listed);
            JsonNode headed = sameJson(env, head);
            assertTrue(headed.get("LastModified").asText().endsWith(" GMT"), endpoint + ": " + headed);
            // Members aws 2.9 does not know (ChecksumType) left out of the rows.
            sameText(env, plus(list, "--query", "Contents[].[Key, LastModified, Size]", "--output", "text"));
            sameText(env, plus(head, "--query", "LastModified", "--output", "text"));
            sameText(env, plus(head, "--query", "[LastModified, ContentLength]"));

            for (String iso : List.of("cli_timestamp_format = iso8601\n", "")) {
                config(iso);
                assertTrue(sameJson(env, head).get("LastModified").asText().endsWith("+00:00"));
                sameText(env, plus(list, "--query", "Contents[].[Key, LastModified, Size]", "--output", "text"));
            }
        }
    }

    /** As aws: an unknown value stops every command (configure's too) with one line and 253, before anything is sent. */
    @Test
    void anUnknownTimestampFormatIsAConfigurationError() throws Exception {
        stub("RekognitionService.DescribeCollection", COLLECTION.formatted("1700000000"));
        config("cli_timestamp_format = WIRE\n");
        for (String[] line : List.of(new String[] {"rekognition", "describe-collection", "--collection-id", "c"},
                new String[] {"sns", "list-topics"}, new String[] {"configure", "get", "region"})) {
            Result aws = AwsCli.run(env, line);
            Result awsj = AwsjRun.run(env, line);
            assertEquals(253, aws.exitCode(), aws.err());
            assertEquals(aws.exitCode(), awsj.exitCode(), awsj.toString());
            assertEquals(aws.err().strip(), awsj.err().strip());
            assertEquals("Unknown cli_timestamp_format value: WIRE, valid values are \"wire\" or \"iso8601\"\n", awsj.err());
        }
        assertEquals(0, wm.getAllServeEvents().size(), "nothing was sent");
    }
}
