package dev.awsj.s3;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.awsj.json.SdkJson;
import dev.awsj.testing.AwsjRun;
import dev.awsj.testing.AwsjRun.Result;
import dev.awsj.testing.Emulators;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retries in one layer (a request is sent max_attempts times, not retried again on top), and
 * Ctrl-C while a multipart upload is being created: it is let answer, then aborted; an abort that
 * fails prints the upload's id and the command that aborts it (docs/reliability.md).
 */
class S3RetriesAndInterruptsTest {
    WireMockServer wm;
    String s3;
    String bucket;

    @BeforeEach
    void start() {
        s3 = Emulators.s3Endpoint();
        wm = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        wm.start();
        bucket = "ri-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(0, AwsjRun.run(AwsjRun.env(s3), "s3", "mb", "s3://" + bucket).exitCode());
        wm.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(s3)));
    }

    @AfterEach
    void stop() {
        wm.stop();
    }

    Map<String, String> env(String maxAttempts) throws Exception {
        Map<String, String> env = AwsjRun.env(wm.baseUrl());
        if (maxAttempts != null) {
            env.put("AWS_MAX_ATTEMPTS", maxAttempts);
        }
        Path config = Path.of(env.get("AWS_CONFIG_FILE"));
        Files.createDirectories(config.getParent());
        Files.writeString(config, "[default]\ns3 =\n  multipart_threshold = 5MB\n  multipart_chunksize = 5MB\n");
        return env;
    }

    @Test
    void aRequestIsSentMaxAttemptsTimesAndNoMore(@TempDir Path dir) throws Exception {
        wm.stubFor(put(urlPathEqualTo("/" + bucket + "/k.txt")).atPriority(1).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/xml")
                .withBody("<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>")));
        Path f = Files.writeString(dir.resolve("k.txt"), "hello");
        for (String attempts : List.of("1", "3")) {
            wm.resetRequests();
            Result r = AwsjRun.run(env(attempts), "s3", "cp", f.toString(), "s3://" + bucket + "/k.txt");
            assertEquals(1, r.exitCode(), r.toString());
            assertTrue(r.err().contains("(SlowDown) when calling the PutObject operation"), r.err());
            assertEquals(Integer.parseInt(attempts), wm.countRequestsMatching(putRequestedFor(urlPathEqualTo("/" + bucket + "/k.txt"))
                    .build()).getCount(), "AWS_MAX_ATTEMPTS=" + attempts);
        }
    }

    @Test
    void anAbortThatFailsPrintsTheUploadIdAndTheCommand(@TempDir Path dir) throws Exception {
        // Part 2 fails for good (after its attempts), and so does the abort.
        wm.stubFor(put(urlPathEqualTo("/" + bucket + "/big.bin")).withQueryParam("partNumber",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo("2")).atPriority(1)
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/xml")
                        .withBody("<Error><Code>InvalidRequest</Code><Message>no</Message></Error>")));
        wm.stubFor(delete(urlPathEqualTo("/" + bucket + "/big.bin")).atPriority(1).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/xml")
                .withBody("<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>")));
        byte[] data = new byte[11 * 1024 * 1024];
        new Random(3).nextBytes(data);
        Path big = Files.write(dir.resolve("big.bin"), data);
        Result r = AwsjRun.run(env("1"), "s3", "cp", big.toString(), "s3://" + bucket + "/big.bin");
        assertEquals(1, r.exitCode(), r.toString());
        List<String> open = openUploads();
        assertEquals(1, open.size(), "the upload the abort could not remove: " + open);
        String id = open.get(0);
        assertTrue(r.err().contains("awsj s3api abort-multipart-upload --bucket " + bucket + " --key 'big.bin' --upload-id " + id),
                r.err());
        assertTrue(r.err().contains("Could not abort the multipart upload of s3://" + bucket + "/big.bin"), r.err());
        // The line it printed works.
        Result abort = AwsjRun.run(AwsjRun.env(s3), "s3api", "abort-multipart-upload", "--bucket", bucket, "--key", "big.bin",
                "--upload-id", id);
        assertEquals(0, abort.exitCode(), abort.toString());
        assertEquals(List.of(), openUploads());
    }

    @Test
    void ctrlCWhileTheUploadIsBeingCreatedLeavesNoUploadBehind(@TempDir Path dir) throws Exception {
        // CreateMultipartUpload reaches S3 at once, but its answer takes 10 s to come back: long
        // enough for the polling below to see the upload and send Ctrl-C on a loaded machine.
        wm.stubFor(post(urlPathMatching("/" + bucket + "/big\\.bin")).atPriority(1)
                .willReturn(aResponse().proxiedFrom(s3).withFixedDelay(10_000)));
        byte[] data = new byte[11 * 1024 * 1024];
        new Random(4).nextBytes(data);
        Path big = Files.write(dir.resolve("big.bin"), data);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.awsj.Main", "s3", "cp", big.toString(),
                "s3://" + bucket + "/big.bin"));
        ProcessBuilder pb = new ProcessBuilder(dev.awsj.testing.SigintDefault.wrap(cmd)).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        pb.environment().clear();
        pb.environment().putAll(env(null));
        Process p = pb.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (openUploads().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertEquals(1, openUploads().size(), "the upload was created while awsj waits for the answer");
            assertTrue(p.isAlive(), "still waiting for CreateMultipartUpload's answer");
            new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start().waitFor();
            assertTrue(p.waitFor(40, TimeUnit.SECONDS), "exits");
            assertEquals(130, p.exitValue(), Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
            assertEquals(List.of(), openUploads(), "the upload was aborted once its id arrived");
        } finally {
            p.destroyForcibly();
        }
    }

    List<String> openUploads() throws Exception {
        Result r = AwsjRun.run(AwsjRun.env(s3), "s3api", "list-multipart-uploads", "--bucket", bucket);
        assertEquals(0, r.exitCode(), r.toString());
        JsonNode uploads = SdkJson.MAPPER.readTree(r.out().isBlank() ? "{}" : r.out()).path("Uploads");
        List<String> ids = new ArrayList<>();
        uploads.forEach(u -> ids.add(u.get("UploadId").asText()));
        return ids;
    }
}
