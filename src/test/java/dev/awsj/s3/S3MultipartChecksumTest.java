package dev.awsj.s3;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.awsj.json.SdkJson;
import dev.awsj.testing.AwsjRun;
import dev.awsj.testing.AwsjRun.Result;
import dev.awsj.testing.Emulators;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code --checksum-algorithm} on a multipart upload, as newer aws sends it: CreateMultipartUpload
 * asks for the algorithm, every part carries its checksum, the complete request lists them, and
 * what S3Mock stores is what the parts' bytes give (docs/s3-transfers.md, "Integrity"). Requests
 * are recorded by a WireMock proxy in front of S3Mock.
 */
class S3MultipartChecksumTest {
    static final int PART = 5 * 1024 * 1024;
    static WireMockServer wm;
    static Map<String, String> env;
    static String bucket;
    static byte[] data;
    static Path file;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        wm = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        wm.start();
        wm.stubFor(any(anyUrl()).willReturn(aResponse().proxiedFrom(Emulators.s3Endpoint())));
        env = AwsjRun.env(wm.baseUrl());
        Path config = Path.of(env.get("AWS_CONFIG_FILE"));
        Files.createDirectories(config.getParent());
        Files.writeString(config, "[default]\ns3 =\n  multipart_threshold = 5MB\n  multipart_chunksize = 5MB\n");
        bucket = "sums-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(0, AwsjRun.run(env, "s3", "mb", "s3://" + bucket).exitCode());
        data = new byte[2 * PART + 700_001]; // parts of 5, 5 and a bit less than 1 MiB
        new Random(5).nextBytes(data);
        file = Files.write(dir.resolve("big.bin"), data);
    }

    @AfterAll
    static void stop() {
        wm.stop();
    }

    @ParameterizedTest
    @ValueSource(strings = {"SHA256", "SHA1", "CRC32C", "CRC32", "CRC64NVME"})
    void eachPartCarriesTheChosenChecksumAndS3StoresIt(String algorithm) throws Exception {
        String key = "big-" + algorithm + ".bin";
        String path = "/" + bucket + "/" + key;
        List<byte[]> parts = List.of(Arrays.copyOfRange(data, 0, PART), Arrays.copyOfRange(data, PART, 2 * PART),
                Arrays.copyOfRange(data, 2 * PART, data.length));
        List<String> local = parts.stream().map(p -> digest(algorithm, p)).toList();

        Result r = AwsjRun.run(env, "s3", "cp", file.toString(), "s3://" + bucket + "/" + key, "--checksum-algorithm",
                algorithm);
        assertEquals(0, r.exitCode(), r.toString());

        LoggedRequest create = only(wm.findAll(postRequestedFor(urlPathEqualTo(path)).withQueryParam("uploads", matching(".*"))));
        assertEquals(algorithm, create.getHeader("x-amz-checksum-algorithm"));
        boolean sha = algorithm.startsWith("SHA");
        // SHA-1 and SHA-256 can only be composite (aws sends no type); the CRCs are asked for whole.
        assertEquals(sha ? null : "FULL_OBJECT", create.containsHeader("x-amz-checksum-type")
                ? create.getHeader("x-amz-checksum-type") : null);

        String header = "x-amz-checksum-" + algorithm.toLowerCase(Locale.ROOT);
        List<LoggedRequest> sent = new ArrayList<>(wm.findAll(putRequestedFor(urlPathEqualTo(path))
                .withQueryParam("partNumber", matching(".*"))));
        assertEquals(3, sent.size());
        for (LoggedRequest part : sent) {
            int n = Integer.parseInt(part.queryParameter("partNumber").firstValue());
            String value = local.get(n - 1);
            // The value travels as a header (CRC64NVME, computed by awsj) or as the body's trailer (the SDK's).
            boolean inHeader = part.containsHeader(header) && value.equals(part.getHeader(header));
            boolean inTrailer = new String(part.getBody(), StandardCharsets.ISO_8859_1).contains(header + ":" + value);
            assertTrue(inHeader || inTrailer, "part " + n + " carries its " + algorithm + " " + value);
        }

        LoggedRequest complete = only(wm.findAll(postRequestedFor(urlPathEqualTo(path)).withQueryParam("uploadId",
                matching(".*"))));
        Element doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(complete.getBody())).getDocumentElement();
        NodeList listed = doc.getElementsByTagName("Part");
        assertEquals(3, listed.getLength());
        String member = "Checksum" + algorithm;
        for (int i = 0; i < listed.getLength(); i++) {
            Element p = (Element) listed.item(i);
            int n = Integer.parseInt(p.getElementsByTagName("PartNumber").item(0).getTextContent());
            assertEquals(local.get(n - 1), p.getElementsByTagName(member).item(0).getTextContent(), "part " + n);
        }

        Result head = AwsjRun.run(env, "s3api", "head-object", "--bucket", bucket, "--key", key, "--checksum-mode",
                "ENABLED");
        assertEquals(0, head.exitCode(), head.toString());
        JsonNode h = SdkJson.MAPPER.readTree(head.out());
        String stored = h.path(member).asText(null);
        // Composite: the checksum of the parts' checksums and the part count (S3Mock 4.11 stores that
        // form for the CRCs too); full-object: the checksum of the whole object.
        String expected = stored != null && stored.contains("-") ? composite(algorithm, local) : digest(algorithm, data);
        assertEquals(expected, stored, h.toString());

        Result back = AwsjRun.run(env, "s3", "cp", "s3://" + bucket + "/" + key, "-");
        assertEquals(0, back.exitCode(), back.err());
        assertArrayEquals(data, back.outBytes());
    }

    @Test
    void anUnknownAlgorithmIsRefusedBeforeAnyRequest() {
        wm.resetRequests();
        Result r = AwsjRun.run(env, "s3", "cp", file.toString(), "s3://" + bucket + "/x.bin", "--checksum-algorithm", "MD5");
        assertEquals(252, r.exitCode(), r.toString());
        assertEquals("argument --checksum-algorithm: Invalid choice, valid choices are: CRC32 | CRC32C | SHA1 | SHA256 | "
                + "CRC64NVME (got \"MD5\")", r.err().lines().findFirst().orElse(""));
        assertEquals(0, wm.getAllServeEvents().size(), "nothing was sent");
    }

    static LoggedRequest only(List<LoggedRequest> requests) {
        assertEquals(1, requests.size(), requests.toString());
        return requests.get(0);
    }

    /** The base64 checksum of {@code bytes}, computed here (CRC64NVME by its definition, bit by bit). */
    static String digest(String algorithm, byte[] bytes) {
        try {
            byte[] value = switch (algorithm) {
                case "SHA256" -> MessageDigest.getInstance("SHA-256").digest(bytes);
                case "SHA1" -> MessageDigest.getInstance("SHA-1").digest(bytes);
                case "CRC32" -> crc(new CRC32(), bytes);
                case "CRC32C" -> crc(new CRC32C(), bytes);
                case "CRC64NVME" -> java.nio.ByteBuffer.allocate(8).putLong(crc64nvme(bytes)).array();
                default -> throw new IllegalArgumentException(algorithm);
            };
            return Base64.getEncoder().encodeToString(value);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String composite(String algorithm, List<String> parts) {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (String p : parts) {
            all.writeBytes(Base64.getDecoder().decode(p));
        }
        return digest(algorithm, all.toByteArray()) + "-" + parts.size();
    }

    static byte[] crc(Checksum c, byte[] bytes) {
        c.update(bytes, 0, bytes.length);
        return Arrays.copyOfRange(java.nio.ByteBuffer.allocate(8).putLong(c.getValue()).array(), 4, 8);
    }

    /** CRC-64/NVME bit by bit: reflected polynomial 0x9a6c9329ac4bc9b5, all ones in and out. */
    static long crc64nvme(byte[] bytes) {
        long crc = -1L;
        for (byte b : bytes) {
            crc ^= b & 0xffL;
            for (int k = 0; k < 8; k++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0x9a6c9329ac4bc9b5L : crc >>> 1;
            }
        }
        return ~crc;
    }
}
