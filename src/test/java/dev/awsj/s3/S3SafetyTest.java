package dev.awsj.s3;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.awsj.json.SdkJson;
import dev.awsj.testing.AwsjRun;
import dev.awsj.testing.AwsjRun.Result;
import dev.awsj.testing.Emulators;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The safety rules of docs/s3-transfers.md, each one a test: no half-written download, no multipart
 * upload left open after a failure, no key written outside the destination folder.
 */
class S3SafetyTest {
    WireMockServer wm;

    @BeforeEach
    void startWireMock() {
        wm = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        wm.start();
    }

    @AfterEach
    void stopWireMock() {
        wm.stop();
    }

    Map<String, String> env() {
        Map<String, String> env = AwsjRun.env(wm.baseUrl());
        env.put("AWS_MAX_ATTEMPTS", "2");
        return env;
    }

    static String listing(String bucket, String... keys) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>" + bucket + "</Name>"
                + "<Prefix></Prefix><KeyCount>" + keys.length + "</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>");
        for (String k : keys) {
            sb.append("<Contents><Key>").append(k.replace("&", "&amp;").replace("<", "&lt;"))
                    .append("</Key><LastModified>2026-01-02T03:04:05.000Z</LastModified><ETag>&quot;0123456789abcdef0123456789abcdef&quot;</ETag>")
                    .append("<Size>3</Size><StorageClass>STANDARD</StorageClass></Contents>");
        }
        return sb.append("</ListBucketResult>").toString();
    }

    @Test
    void keysThatWouldLeaveTheDestinationAreRefusedAndReported(@TempDir Path tmp) throws Exception {
        Path dest = tmp.resolve("a/b/dest");
        Path outside = tmp.resolve("outside");
        Files.createDirectories(dest);
        Files.createDirectories(outside);
        Files.createSymbolicLink(dest.resolve("link"), outside);
        wm.stubFor(get(urlPathEqualTo("/evil")).withQueryParam("list-type", equalTo("2"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/xml")
                        .withBody(listing("evil", "../../etc/x", "../../../outside/y", "/abs/z", "a/../../b", "link/x", "ok.txt"))));
        wm.stubFor(get(urlPathMatching("/evil/.+")).willReturn(aResponse().withStatus(200)
                .withHeader("Last-Modified", "Fri, 02 Jan 2026 03:04:05 GMT").withBody("bad")));
        wm.stubFor(get(urlPathEqualTo("/evil/ok.txt")).atPriority(1).willReturn(aResponse().withStatus(200)
                .withHeader("Last-Modified", "Fri, 02 Jan 2026 03:04:05 GMT").withBody("ok!")));

        Result r = AwsjRun.run(env(), "s3", "cp", "s3://evil", dest.toString(), "--recursive");
        assertEquals(2, r.exitCode(), r.toString());
        JsonNode sum = SdkJson.MAPPER.readTree(r.out());
        assertEquals(1, sum.get("Transferred").size(), sum.toString());
        assertEquals(5, sum.get("Skipped").size(), sum.toString());
        for (JsonNode s : sum.get("Skipped")) {
            assertTrue(s.get("Reason").asText().startsWith("Refusing to write the key outside the destination folder"), s.toString());
        }
        assertTrue(r.err().contains("warning: Skipping file s3://evil/../../etc/x. Refusing"), r.err());
        assertEquals("ok!", Files.readString(dest.resolve("ok.txt")));
        assertFalse(Files.exists(tmp.resolve("a/etc/x")));
        assertFalse(Files.exists(tmp.resolve("outside/y")));
        assertFalse(Files.exists(Path.of("/abs/z")));
        assertFalse(Files.exists(tmp.resolve("a/b/b")));
        try (var s = Files.list(outside)) {
            assertEquals(0, s.count(), "nothing written through the symbolic link");
        }
        wm.verify(1, getRequestedFor(urlPathMatching("/evil/.+")));

        // sync follows the same rule
        Result sync = AwsjRun.run(env(), "s3", "sync", "s3://evil", dest.toString());
        assertEquals(2, sync.exitCode(), sync.toString());
        assertFalse(Files.exists(tmp.resolve("a/etc/x")));
    }

    @Test
    void aFailedDownloadLeavesNoFileBehind(@TempDir Path tmp) throws Exception {
        wm.stubFor(head(urlPathEqualTo("/b/data.bin")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Length", "100000").withHeader("ETag", "\"0123456789abcdef0123456789abcdef\"")
                .withHeader("Last-Modified", "Fri, 02 Jan 2026 03:04:05 GMT")));
        wm.stubFor(get(urlPathEqualTo("/b/data.bin")).willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
        wm.stubFor(get(urlPathEqualTo("/b")).withQueryParam("list-type", equalTo("2"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/xml")
                        .withBody(listing("b", "data.bin").replace("<Size>3</Size>", "<Size>100000</Size>"))));
        Path dest = tmp.resolve("dest");
        Files.createDirectories(dest);

        Result r = AwsjRun.run(env(), "s3", "cp", "s3://b/data.bin", dest.resolve("data.bin").toString());
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.err().startsWith("download failed: s3://b/data.bin to " + dest.resolve("data.bin")), r.err());
        Result sync = AwsjRun.run(env(), "s3", "sync", "s3://b", dest.toString());
        assertEquals(1, sync.exitCode(), sync.toString());
        try (var s = Files.list(dest)) {
            assertEquals(List.of(), s.toList(), "neither the target nor a temporary file is left");
        }
    }

    @Test
    void aFailedMultipartUploadIsAborted(@TempDir Path tmp) throws Exception {
        String s3 = Emulators.s3Endpoint();
        Map<String, String> direct = AwsjRun.env(s3);
        String bucket = "abort-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(0, AwsjRun.run(direct, "s3", "mb", "s3://" + bucket).exitCode());
        wm.stubFor(any(anyUrl()).willReturn(aResponse().proxiedFrom(s3)));
        wm.stubFor(put(urlPathEqualTo("/" + bucket + "/big.bin")).withQueryParam("partNumber", equalTo("2")).atPriority(1)
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/xml")
                        .withBody("<Error><Code>InvalidPart</Code><Message>part two refused</Message></Error>")));
        Map<String, String> env = env();
        Path config = Path.of(env.get("AWS_CONFIG_FILE"));
        Files.createDirectories(config.getParent());
        Files.writeString(config, "[default]\ns3 =\n  multipart_threshold = 5MB\n  multipart_chunksize = 5MB\n");
        Path big = tmp.resolve("big.bin");
        byte[] data = new byte[11 * 1024 * 1024];
        new Random(5).nextBytes(data);
        Files.write(big, data);

        Result r = AwsjRun.run(env, "s3", "cp", big.toString(), "s3://" + bucket + "/big.bin");
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.err().contains("part two refused"), r.err());
        String listed = AwsjRun.run(direct, "s3api", "list-multipart-uploads", "--bucket", bucket).out();
        JsonNode uploads = SdkJson.MAPPER.readTree(listed.isBlank() ? "{}" : listed);
        assertTrue(!uploads.has("Uploads") || uploads.get("Uploads").isEmpty(), "no upload left open: " + uploads);
        assertEquals(254, AwsjRun.run(direct, "s3api", "head-object", "--bucket", bucket, "--key", "big.bin").exitCode(),
                "no object was created");
        assertTrue(Files.exists(big), "the source file is untouched");
    }

    @Test
    void cannedAclAndTypeAreSentOnUpload(@TempDir Path tmp) throws Exception {
        wm.stubFor(put(urlPathMatching("/b/.*")).willReturn(aResponse().withStatus(200).withHeader("ETag", "\"x\"")));
        Path f = tmp.resolve("potholes.csv");
        Files.writeString(f, "a,b\n");
        Result r = AwsjRun.run(env(), "s3", "cp", f.toString(), "s3://b/2019/", "--acl", "public-read",
                "--storage-class", "STANDARD_IA", "--sse", "--metadata", "{\"owner\":\"ana\"}");
        assertEquals(0, r.exitCode(), r.toString());
        wm.verify(putRequestedFor(urlPathEqualTo("/b/2019/potholes.csv"))
                .withHeader("x-amz-acl", equalTo("public-read"))
                .withHeader("Content-Type", equalTo("text/csv"))
                .withHeader("x-amz-storage-class", equalTo("STANDARD_IA"))
                .withHeader("x-amz-server-side-encryption", equalTo("AES256"))
                .withHeader("x-amz-meta-owner", equalTo("ana"))
                // A small file's CRC32 goes as a header (docs/s3-transfers.md, Integrity): S3 checks the body against it.
                .withHeader("x-amz-content-sha256", equalTo("UNSIGNED-PAYLOAD"))
                .withHeader("x-amz-checksum-crc32", equalTo(crc32("a,b\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.matching("AWS4-HMAC-SHA256 .*")));

        // A larger single-request body keeps the streaming CRC32 trailer.
        Path big = tmp.resolve("big.bin");
        Files.write(big, new byte[300 * 1024]);
        r = AwsjRun.run(env(), "s3", "cp", big.toString(), "s3://b/2019/");
        assertEquals(0, r.exitCode(), r.toString());
        wm.verify(putRequestedFor(urlPathEqualTo("/b/2019/big.bin"))
                .withHeader("x-amz-content-sha256", equalTo("STREAMING-UNSIGNED-PAYLOAD-TRAILER"))
                .withHeader("x-amz-trailer", equalTo("x-amz-checksum-crc32")));
    }

    static String crc32(byte[] bytes) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bytes);
        return java.util.Base64.getEncoder().encodeToString(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    @Test
    void aRangedDownloadThatDoesNotMatchTheStoredChecksumIsRejected(@TempDir Path tmp) throws Exception {
        int size = 9 * 1024 * 1024;
        byte[] data = new byte[size];
        new Random(8).nextBytes(data);
        int split = 8 * 1024 * 1024;
        String lm = "Fri, 02 Jan 2026 03:04:05 GMT";
        for (boolean good : new boolean[] {true, false}) {
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(data);
            long v = good ? crc.getValue() : crc.getValue() ^ 1;
            String b64 = java.util.Base64.getEncoder().encodeToString(
                    new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v});
            wm.resetAll();
            wm.stubFor(head(urlPathEqualTo("/b/big.bin")).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Length", String.valueOf(size)).withHeader("ETag", "\"abc-2\"")
                    .withHeader("Last-Modified", lm).withHeader("x-amz-checksum-crc32", b64)
                    .withHeader("x-amz-checksum-type", "FULL_OBJECT")));
            wm.stubFor(get(urlPathEqualTo("/b/big.bin")).withHeader("Range", equalTo("bytes=0-" + (split - 1)))
                    .willReturn(aResponse().withStatus(206).withHeader("Last-Modified", lm)
                            .withBody(java.util.Arrays.copyOfRange(data, 0, split))));
            wm.stubFor(get(urlPathEqualTo("/b/big.bin")).withHeader("Range", equalTo("bytes=" + split + "-" + (size - 1)))
                    .willReturn(aResponse().withStatus(206).withHeader("Last-Modified", lm)
                            .withBody(java.util.Arrays.copyOfRange(data, split, size))));
            Path dest = tmp.resolve(good ? "good" : "bad");
            Files.createDirectories(dest);
            Result r = AwsjRun.run(env(), "s3", "cp", "s3://b/big.bin", dest.resolve("big.bin").toString());
            if (good) {
                assertEquals(0, r.exitCode(), r.toString());
                assertTrue(java.util.Arrays.equals(data, Files.readAllBytes(dest.resolve("big.bin"))));
            } else {
                assertEquals(1, r.exitCode(), r.toString());
                assertTrue(r.err().contains("Checksum mismatch for s3://b/big.bin"), r.err());
                try (var s = Files.list(dest)) {
                    assertEquals(List.of(), s.toList(), "a download that fails verification leaves nothing");
                }
            }
        }
    }
}
