package dev.awsj.rekognition;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.awsj.testing.AwsjRun;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RekognitionCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TARGET = "RekognitionService.";
    private static WireMockServer wm;
    private Map<String, String> env;

    /** Shaped as the DetectLabels API reference example; ratios chosen to be exact in binary. */
    private static final String LABELS = """
            {"Labels": [{"Name": "Scooter", "Confidence": 99.5, "Instances": [{"BoundingBox":
              {"Width": 0.5, "Height": 0.5, "Left": 0.25, "Top": 0.25}, "Confidence": 99.5}],
              "Parents": [{"Name": "Vehicle"}]},
             {"Name": "Road", "Confidence": 87.25, "Instances": [], "Parents": []}],
             "LabelModelVersion": "3.0"}""";

    @BeforeAll
    static void start() {
        System.setProperty("java.awt.headless", "true");
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

    static byte[] image(String format, int w, int h) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    @Test
    void detectLabelsSendsTheFileBytesAndPrintsTheResponse(@TempDir Path dir) throws Exception {
        byte[] png = image("png", 400, 200);
        Path file = dir.resolve("report.png");
        Files.write(file, png);
        stub("DetectLabels", LABELS);
        AwsjRun.Result r = AwsjRun.run(env, "rekognition", "detect-labels", "--image", file.toString(),
                "--max-labels", "10", "--min-confidence", "95");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(JSON.readTree(LABELS), JSON.readTree(r.out()));
        wm.verify(1, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET + "DetectLabels"))
                .withRequestBody(equalToJson("{\"Image\":{\"Bytes\":\"" + Base64.getEncoder().encodeToString(png)
                        + "\"},\"MaxLabels\":10,\"MinConfidence\":95.0}")));
    }

    @Test
    void annotateDrawsTheInstanceBoxesOnACopy(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("street.png");
        Files.write(file, image("png", 400, 200));
        Path out = dir.resolve("street-boxes.png");
        stub("DetectLabels", LABELS);
        AwsjRun.Result r = AwsjRun.run(env, "rekognition", "detect-labels", "--image", file.toString(), "--annotate", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        BufferedImage img = ImageIO.read(out.toFile());
        assertEquals(400, img.getWidth());
        assertEquals(200, img.getHeight());
        // The box spans x 100..300, y 50..150: its edges are in the label colour, its inside and outside stay white.
        assertEquals(Box.LABEL.getRGB(), img.getRGB(200, 150), "bottom edge");
        assertEquals(Box.LABEL.getRGB(), img.getRGB(100, 120), "left edge");
        assertEquals(Box.LABEL.getRGB(), img.getRGB(300, 120), "right edge");
        assertEquals(Color.WHITE.getRGB(), img.getRGB(200, 100), "inside");
        assertEquals(Color.WHITE.getRGB(), img.getRGB(20, 180), "outside");
        assertEquals(Color.WHITE.getRGB(), ImageIO.read(file.toFile()).getRGB(100, 120), "the original is untouched");
    }

    @Test
    void detectFacesReadsStdinAndAnnotatesAJpeg(@TempDir Path dir) throws Exception {
        // Shaped as the DetectFaces API reference example.
        stub("DetectFaces", """
                {"FaceDetails": [{"BoundingBox": {"Width": 0.25, "Height": 0.5, "Left": 0.5, "Top": 0.25},
                  "Confidence": 99.875, "Landmarks": [{"Type": "eyeLeft", "X": 0.5625, "Y": 0.375}]}],
                 "OrientationCorrection": "ROTATE_0"}""");
        Path out = dir.resolve("faces.jpg");
        byte[] jpeg = image("jpg", 400, 200);
        AwsjRun.Result r = AwsjRun.run(env, jpeg, "rekognition", "detect-faces", "--image", "-", "--attributes", "ALL",
                "--annotate", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(99.875, JSON.readTree(r.out()).at("/FaceDetails/0/Confidence").asDouble());
        wm.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(equalToJson(
                "{\"Image\":{\"Bytes\":\"" + Base64.getEncoder().encodeToString(jpeg) + "\"},\"Attributes\":[\"ALL\"]}")));
        BufferedImage img = ImageIO.read(out.toFile());
        Color edge = new Color(img.getRGB(250, 150)); // bottom edge of x 200..300, y 50..150
        assertTrue(edge.getRed() > 200 && edge.getGreen() < 80 && edge.getBlue() > 200,
                "face colour on the box edge (JPEG is lossy): " + edge);
    }

    @Test
    void detectTextSendsAnS3ObjectWithItsVersion() throws Exception {
        // From the DetectText API reference example (one line, one word).
        String body = """
                {"TextDetections": [{"Confidence": 99.5, "DetectedText": "IT'S", "Geometry": {"BoundingBox":
                  {"Height": 0.25, "Left": 0.125, "Top": 0.0625, "Width": 0.5}}, "Id": 0, "Type": "LINE"},
                 {"Confidence": 99.5, "DetectedText": "IT'S", "Geometry": {"BoundingBox":
                  {"Height": 0.25, "Left": 0.125, "Top": 0.0625, "Width": 0.5}}, "Id": 1, "ParentId": 0, "Type": "WORD"}]}""";
        stub("DetectText", body);
        AwsjRun.Result r = AwsjRun.run(env, "rekognition", "detect-text", "--image", "s3://datacamp-img/report.jpg",
                "--image-version", "v2");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(JSON.readTree(body), JSON.readTree(r.out()));
        wm.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET + "DetectText"))
                .withRequestBody(equalToJson("{\"Image\":{\"S3Object\":{\"Bucket\":\"datacamp-img\",\"Name\":\"report.jpg\","
                        + "\"Version\":\"v2\"}}}")));
    }

    @Test
    void httpImagesAreFetchedAndChecked() throws Exception {
        byte[] png = image("png", 10, 10);
        wm.stubFor(get(urlEqualTo("/img/scooter.png")).willReturn(aResponse().withStatus(200).withBody(png)));
        wm.stubFor(get(urlEqualTo("/img/page.html")).willReturn(aResponse().withStatus(200).withBody("<html>not an image</html>")));
        wm.stubFor(get(urlEqualTo("/img/huge.jpg")).willReturn(aResponse().withStatus(200)
                .withBody(new byte[ImageInput.MAX_BYTES + 1])));
        wm.stubFor(get(urlEqualTo("/img/gone.png")).willReturn(aResponse().withStatus(404)));
        wm.stubFor(get(urlEqualTo("/img/moved.png")).willReturn(aResponse().withStatus(301).withHeader("Location", "scooter.png")));
        stub("RecognizeCelebrities", """
                {"CelebrityFaces": [{"Face": {"BoundingBox": {"Height": 0.5, "Left": 0.25, "Top": 0.25, "Width": 0.5},
                  "Confidence": 99.5}, "Id": "1SK7cR8M", "MatchConfidence": 100.0, "Name": "Celeb A",
                  "Urls": ["www.imdb.com/name/nm0000001"]}], "UnrecognizedFaces": []}""");
        AwsjRun.Result ok = AwsjRun.run(env, "rekognition", "recognize-celebrities", "--image", wm.baseUrl() + "/img/scooter.png");
        assertEquals(0, ok.exitCode(), ok.err());
        assertEquals("Celeb A", JSON.readTree(ok.out()).at("/CelebrityFaces/0/Name").asText());
        wm.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(
                equalToJson("{\"Image\":{\"Bytes\":\"" + Base64.getEncoder().encodeToString(png) + "\"}}")));

        AwsjRun.Result html = AwsjRun.run(env, "rekognition", "recognize-celebrities", "--image", wm.baseUrl() + "/img/page.html");
        assertEquals(252, html.exitCode());
        assertEquals("--image: " + wm.baseUrl() + "/img/page.html is not a JPEG or PNG image.", html.err().lines().findFirst().orElse(""));
        AwsjRun.Result huge = AwsjRun.run(env, "rekognition", "recognize-celebrities", "--image", wm.baseUrl() + "/img/huge.jpg");
        assertEquals(252, huge.exitCode());
        assertTrue(huge.err().startsWith("--image: " + wm.baseUrl() + "/img/huge.jpg is too large: 5242881 bytes"), huge.err());
        AwsjRun.Result gone = AwsjRun.run(env, "rekognition", "recognize-celebrities", "--image", wm.baseUrl() + "/img/gone.png");
        assertEquals(255, gone.exitCode());
        assertTrue(gone.err().contains("HTTP 404"), gone.err());
        AwsjRun.Result moved = AwsjRun.run(env, "rekognition", "recognize-celebrities", "--image", wm.baseUrl() + "/img/moved.png");
        assertEquals(0, moved.exitCode(), moved.err());
        wm.verify(2, postRequestedFor(urlEqualTo("/")));
        wm.verify(2, getRequestedFor(urlEqualTo("/img/scooter.png")));
    }

    @Test
    void localFilesAreCheckedBeforeAnyCall(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.png");
        byte[] bytes = new byte[ImageInput.MAX_BYTES + 1];
        System.arraycopy(image("png", 2, 2), 0, bytes, 0, 8);
        Files.write(big, bytes);
        AwsjRun.Result tooBig = AwsjRun.run(env, "rekognition", "detect-labels", "--image", big.toString());
        assertEquals(252, tooBig.exitCode());
        assertTrue(tooBig.err().contains("is too large: 5242881 bytes; Rekognition takes at most 5 MB"), tooBig.err());
        Path text = dir.resolve("notes.jpg");
        Files.writeString(text, "hello");
        AwsjRun.Result notImage = AwsjRun.run(env, "rekognition", "detect-labels", "--image", text.toString());
        assertEquals(252, notImage.exitCode());
        assertTrue(notImage.err().startsWith("--image: " + text + " is not a JPEG or PNG image."), notImage.err());
        AwsjRun.Result missing = AwsjRun.run(env, "rekognition", "detect-faces", "--image", dir.resolve("nope.jpg").toString());
        assertEquals(252, missing.exitCode());
        assertTrue(missing.err().startsWith("--image: no such file: "), missing.err());
        AwsjRun.Result badOut = AwsjRun.run(env, "rekognition", "detect-faces", "--image", text.toString(), "--annotate", "x.gif");
        assertEquals(252, badOut.exitCode());
        assertTrue(badOut.err().startsWith("--annotate: x.gif must end in .png, .jpg or .jpeg."), badOut.err());
        assertEquals(0, wm.getAllServeEvents().size());
    }

    @Test
    void compareFacesSendsBothImagesAndAnnotatesTheTarget(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("src.png");
        Files.write(src, image("png", 100, 100));
        Path tgt = dir.resolve("tgt.png");
        byte[] target = image("png", 200, 200);
        Files.write(tgt, target);
        // Shaped as the CompareFaces API reference example.
        stub("CompareFaces", """
                {"FaceMatches": [{"Face": {"BoundingBox": {"Height": 0.25, "Left": 0.25, "Top": 0.5, "Width": 0.25},
                  "Confidence": 99.5}, "Similarity": 100.0}],
                 "SourceImageFace": {"BoundingBox": {"Height": 0.5, "Left": 0.25, "Top": 0.25, "Width": 0.5}, "Confidence": 99.5},
                 "UnmatchedFaces": [{"BoundingBox": {"Height": 0.125, "Left": 0.75, "Top": 0.125, "Width": 0.125}, "Confidence": 98.5}]}""");
        Path out = dir.resolve("compare.png");
        AwsjRun.Result r = AwsjRun.run(env, "rekognition", "compare-faces", "--source-image", src.toString(),
                "--target-image", tgt.toString(), "--similarity-threshold", "90", "--annotate", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(100.0, JSON.readTree(r.out()).at("/FaceMatches/0/Similarity").asDouble());
        wm.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET + "CompareFaces"))
                .withRequestBody(equalToJson("{\"SourceImage\":{\"Bytes\":\"" + Base64.getEncoder().encodeToString(Files.readAllBytes(src))
                        + "\"},\"TargetImage\":{\"Bytes\":\"" + Base64.getEncoder().encodeToString(target)
                        + "\"},\"SimilarityThreshold\":90.0}")));
        BufferedImage img = ImageIO.read(out.toFile());
        assertEquals(Box.FACE.getRGB(), img.getRGB(75, 150), "matched face: left edge of x 50..100, y 100..150");
        assertEquals(Box.UNMATCHED.getRGB(), img.getRGB(175, 40), "unmatched face: right edge of x 150..175, y 25..50");
    }

    @Test
    void annotatingAnS3ImageFetchesItFromS3(@TempDir Path dir) throws Exception {
        Map<String, String> s3env = AwsjRun.env(dev.awsj.testing.Emulators.s3Endpoint());
        Path file = dir.resolve("scooter.png");
        Files.write(file, image("png", 400, 200));
        assertEquals(0, AwsjRun.run(s3env, "s3api", "create-bucket", "--bucket", "gid-images").exitCode());
        assertEquals(0, AwsjRun.run(s3env, "s3api", "put-object", "--bucket", "gid-images", "--key", "2019/scooter.png",
                "--body", file.toString()).exitCode());
        stub("DetectLabels", LABELS);
        s3env.put("AWS_ENDPOINT_URL_REKOGNITION", wm.baseUrl());
        Path out = dir.resolve("boxes.png");
        AwsjRun.Result r = AwsjRun.run(s3env, "rekognition", "detect-labels", "--image", "s3://gid-images/2019/scooter.png",
                "--annotate", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        wm.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(
                equalToJson("{\"Image\":{\"S3Object\":{\"Bucket\":\"gid-images\",\"Name\":\"2019/scooter.png\"}}}")));
        assertEquals(Box.LABEL.getRGB(), ImageIO.read(out.toFile()).getRGB(200, 150), "box drawn on the S3 image");
    }

    @Test
    void awsJsonImagesAndCliInputJsonWorkAsWithAws() {
        stub("DetectLabels", LABELS);
        AwsjRun.Result json = AwsjRun.run(env, "rekognition", "detect-labels",
                "--image", "{\"S3Object\":{\"Bucket\":\"photos\",\"Name\":\"k.jpg\"}}");
        assertEquals(0, json.exitCode(), json.err());
        wm.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(
                equalToJson("{\"Image\":{\"S3Object\":{\"Bucket\":\"photos\",\"Name\":\"k.jpg\"}}}")));
        wm.resetRequests();
        AwsjRun.Result input = AwsjRun.run(env, "rekognition", "detect-labels", "--cli-input-json",
                "{\"Image\":{\"S3Object\":{\"Bucket\":\"photos\",\"Name\":\"k.jpg\"}},\"MaxLabels\":3}", "--min-confidence", "90");
        assertEquals(0, input.exitCode(), input.err());
        wm.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(equalToJson(
                "{\"Image\":{\"S3Object\":{\"Bucket\":\"photos\",\"Name\":\"k.jpg\"}},\"MaxLabels\":3,\"MinConfidence\":90.0}")));
        wm.resetRequests();
        // Members awsj has no option of its own for still work, as with aws.
        AwsjRun.Result features = AwsjRun.run(env, "rekognition", "detect-labels", "--image", "s3://photos/k.jpg",
                "--features", "GENERAL_LABELS", "IMAGE_PROPERTIES", "--settings", "{\"GeneralLabels\":{\"LabelInclusionFilters\":[\"Car\"]}}");
        assertEquals(0, features.exitCode(), features.err());
        wm.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(equalToJson("{\"Image\":{\"S3Object\":{\"Bucket\":\"photos\","
                + "\"Name\":\"k.jpg\"}},\"Features\":[\"GENERAL_LABELS\",\"IMAGE_PROPERTIES\"],"
                + "\"Settings\":{\"GeneralLabels\":{\"LabelInclusionFilters\":[\"Car\"]}}}")));
        AwsjRun.Result typo = AwsjRun.run(env, "rekognition", "detect-labels", "--cli-input-json", "{\"Imag\":{}}");
        assertEquals(252, typo.exitCode());
        assertTrue(typo.err().startsWith("Unknown parameter in --cli-input-json: \"Imag\""), typo.err());
        AwsjRun.Result none = AwsjRun.run(env, "rekognition", "compare-faces", "--source-image", "s3://photos/a.jpg");
        assertEquals(252, none.exitCode());
        assertTrue(none.err().startsWith("Missing required option: '--target-image=IMAGE'"), none.err());
        wm.verify(1, postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void serviceErrorsExit254() {
        wm.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"__type\":\"InvalidS3ObjectException\",\"Message\":\"Unable to get object metadata from S3.\"}")));
        AwsjRun.Result r = AwsjRun.run(env, "rekognition", "detect-labels", "--image", "s3://nobucket/none.jpg");
        assertEquals(254, r.exitCode());
        assertEquals("An error occurred (InvalidS3ObjectException) when calling the DetectLabels operation: "
                + "Unable to get object metadata from S3.", r.err().trim());
        assertFalse(r.out().contains("{"));
        assertNotNull(r.err());
    }
}
