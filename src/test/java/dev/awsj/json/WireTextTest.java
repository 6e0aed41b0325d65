package dev.awsj.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.traits.TimestampFormatTrait;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.rekognition.model.BoundingBox;
import software.amazon.awssdk.services.rekognition.model.DescribeCollectionResponse;
import software.amazon.awssdk.services.rekognition.model.DetectLabelsResponse;
import software.amazon.awssdk.services.rekognition.model.Instance;
import software.amazon.awssdk.services.rekognition.model.Label;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * {@link WireText} on SDK objects as the SDK's unmarshaller leaves them: the texts reach the copy
 * of a response the SDK hands back, and leave with the response.
 */
class WireTextTest {
    static final TimestampFormatTrait.Format EPOCH = TimestampFormatTrait.Format.UNIX_TIMESTAMP;

    static DetectLabelsResponse labels(float confidence, float width, float left) {
        return DetectLabelsResponse.builder().labels(Label.builder().name("Scooter").confidence(confidence)
                .instances(Instance.builder().confidence(confidence)
                        .boundingBox(BoundingBox.builder().width(width).left(left).build()).build()).build())
                .labelModelVersion("3.0").build();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theTextsReachTheCopyTheSdkHandsBack() {
        DetectLabelsResponse r = labels(0.9914f, 1e-05f, 100f);
        WireText.record(r, utf8("""
                {"Labels": [{"Name": "Scooter", "Unknown": {"Confidence": 5}, "Confidence": 0.9914,
                 "Instances": [{"Confidence": 0.9914, "BoundingBox": {"Width": 1e-05, "Left": 100}}]}],
                 "LabelModelVersion": "3.0"}"""), null, false, EPOCH);
        // The SDK adds its HTTP metadata to a copy: the same value objects.
        DetectLabelsResponse copy = (DetectLabelsResponse) r.toBuilder()
                .sdkHttpResponse(SdkHttpResponse.builder().statusCode(200).build()).build();
        JsonNode j = SdkJson.toJson(copy);
        assertEquals("0.9914", j.at("/Labels/0/Confidence").toString());
        assertEquals("0.9914", j.at("/Labels/0/Instances/0/Confidence").toString());
        assertEquals("1.0E-5", j.at("/Labels/0/Instances/0/BoundingBox/Width").toString());
        assertTrue(j.at("/Labels/0/Instances/0/BoundingBox/Left").isIntegralNumber(), j.toString());

        // The same numbers read anew (another response, no text kept) print as the SDK read them.
        JsonNode other = SdkJson.toJson(labels(0.9914f, 1e-05f, 100f));
        assertEquals("0.9914000034332275", other.at("/Labels/0/Confidence").toString());
        assertEquals("100.0", other.at("/Labels/0/Instances/0/BoundingBox/Left").toString());
    }

    @Test
    void textsLiveAsLongAsTheirResponse() throws Exception {
        int before = WireText.kept();
        DetectLabelsResponse r = labels(0.5f, 0.25f, 0.125f);
        WireText.record(r, utf8("{\"Labels\": [{\"Confidence\": 0.50, \"Instances\": [{\"Confidence\": 0.50,"
                + " \"BoundingBox\": {\"Width\": 0.25, \"Left\": 0.125}}]}]}"), null, false, EPOCH);
        assertEquals(before + 4, WireText.kept());
        assertEquals("0.5", SdkJson.toJson(r).at("/Labels/0/Confidence").toString());
        r = null;
        for (int i = 0; i < 100 && WireText.kept() > before; i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertTrue(WireText.kept() <= before, "the texts of a response nobody holds are gone: " + WireText.kept());
    }

    @Test
    void notJsonOrNoFloatMembersKeepsNothing() {
        int before = WireText.kept();
        DetectLabelsResponse r = labels(1f, 1f, 1f);
        WireText.record(r, utf8("<xml/>"), null, false, EPOCH);
        WireText.record(r, utf8("{\"Labels\": [{\"Confidence\": tru"), null, false, EPOCH);
        DescribeCollectionResponse c = DescribeCollectionResponse.builder().faceCount(3L)
                .creationTimestamp(Instant.ofEpochMilli(1700000000123L)).build();
        WireText.record(c, utf8("{\"FaceCount\": 3, \"CreationTimestamp\": 1700000000.123}"), null, false, EPOCH);
        assertEquals(before, WireText.kept());
        assertEquals("2023-11-14T22:13:20.123000+00:00", SdkJson.toJson(c).get("CreationTimestamp").asText());
    }

    @Test
    void wireTimestampsFromTheBodyTheHeadersOrTheFormat() {
        DescribeCollectionResponse c = DescribeCollectionResponse.builder()
                .creationTimestamp(Instant.ofEpochMilli(1700000000123L)).build();
        WireText.record(c, utf8("{\"CreationTimestamp\": 1.700000000123E9}"), null, true, EPOCH);
        assertEquals("1.700000000123E9", SdkJson.toJson(c).get("CreationTimestamp").toString());

        DescribeCollectionResponse cbor = DescribeCollectionResponse.builder()
                .creationTimestamp(Instant.ofEpochMilli(1700000000500L)).build();
        WireText.record(cbor, null, null, true, EPOCH);
        assertEquals(1700000000.5, SdkJson.toJson(cbor).get("CreationTimestamp").doubleValue());

        Instant modified = Instant.parse("2026-11-30T12:00:00Z");
        HeadObjectResponse head = HeadObjectResponse.builder().lastModified(modified)
                .objectLockRetainUntilDate(Instant.parse("2027-01-02T03:04:05.600Z")).build();
        SdkHttpResponse http = SdkHttpResponse.builder().statusCode(200)
                .putHeader("Last-Modified", "Mon, 30 Nov 2026 12:00:00 GMT").build();
        WireText.record(head, null, http, true, TimestampFormatTrait.Format.ISO_8601);
        JsonNode j = SdkJson.toJson(head);
        assertEquals("Mon, 30 Nov 2026 12:00:00 GMT", j.get("LastModified").asText(), "the header as it came");
        // No header to read (not sent here): the member's own format, ISO 8601 for this one.
        assertEquals("2027-01-02T03:04:05.600Z", j.get("ObjectLockRetainUntilDate").asText());
    }

    @Test
    void numbersAsPythonReadsThem() {
        assertTrue(WireText.number("100").isLong());
        assertTrue(WireText.number("-7").isLong());
        assertTrue(WireText.number("123456789012345678901234567890").isBigInteger());
        assertEquals(100.0, WireText.number("100.0").doubleValue());
        assertTrue(WireText.number("100.0").isDouble());
        assertEquals(1e-05, WireText.number("1e-05").doubleValue());
        assertEquals(1.5e20, WireText.number("1.5E+20").doubleValue());
    }

    @Test
    void timestampFormatsAsTheServicesWriteThem() {
        DateTimeFormatter rfc822 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT);
        DateTimeFormatter iso = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");
        assertEquals("2026-11-30T12:00:00.000Z", WireText.iso8601(Instant.parse("2026-11-30T12:00:00Z")));
        assertEquals("2026-11-30T12:00:00.000123Z", WireText.iso8601(Instant.parse("2026-11-30T12:00:00.000123Z")));
        assertEquals("Mon, 30 Nov 2026 12:00:00 GMT", WireText.rfc822(Instant.parse("2026-11-30T12:00:00Z")));
        Random random = new Random(7);
        for (int i = 0; i < 5000; i++) {
            Instant t = Instant.ofEpochSecond(Math.floorMod(random.nextLong(), 250_000_000_000L), random.nextInt(1000) * 1_000_000);
            assertEquals(rfc822.format(t.atOffset(ZoneOffset.UTC)), WireText.rfc822(t), t.toString());
            assertEquals(iso.format(t.atOffset(ZoneOffset.UTC)), WireText.iso8601(t), t.toString());
        }
        assertNull(WireText.of(new Object()));
    }
}
