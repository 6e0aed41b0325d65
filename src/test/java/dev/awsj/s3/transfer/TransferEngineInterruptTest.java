package dev.awsj.s3.transfer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.awsj.testing.Emulators;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** What the Ctrl-C hook does: open multipart uploads are aborted while a part is still in flight. */
class TransferEngineInterruptTest {
    static S3Client client(String endpoint) {
        return S3Client.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @Test
    void interruptAbortsOpenMultipartUploads(@TempDir Path dir) throws Exception {
        String s3 = Emulators.s3Endpoint();
        WireMockServer wm = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        wm.start();
        try (S3Client direct = client(s3); S3Client proxied = client(wm.baseUrl())) {
            String bucket = "intr-" + UUID.randomUUID().toString().substring(0, 8);
            direct.createBucket(b -> b.bucket(bucket));
            wm.stubFor(any(anyUrl()).willReturn(aResponse().proxiedFrom(s3)));
            wm.stubFor(put(urlPathEqualTo("/" + bucket + "/big.bin")).withQueryParam("partNumber", equalTo("2")).atPriority(1)
                    .willReturn(aResponse().proxiedFrom(s3).withFixedDelay(3000)));
            Path big = dir.resolve("big.bin");
            byte[] data = new byte[11 * 1024 * 1024];
            new Random(1).nextBytes(data);
            Files.write(big, data);
            List<TransferResult> results = new CopyOnWriteArrayList<>();
            // Resuming off: an upload that could be resumed is kept instead (below).
            TransferEngine engine = new TransferEngine(proxied, new TransferConfig(4, 5L << 20, 5L << 20).withResume(false),
                    ObjectOptions.NONE,
                    Progress.disabled(), results::add, Throwable::toString, System.err::println);
            engine.upload(big, data.length, new S3Uri(bucket, "big.bin"), big.toString(), false);
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (engine.openUploadIds().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(1, direct.listMultipartUploads(b -> b.bucket(bucket)).uploads().size(), "the upload is open");

            engine.cleanUpOnExit(); // what the shutdown hook runs on Ctrl-C

            assertTrue(direct.listMultipartUploads(b -> b.bucket(bucket)).uploads().isEmpty(), "aborted at once");
            engine.close();
        } finally {
            wm.stop();
        }
    }

    @Test
    void interruptKeepsAResumableUploadOnceAPartIsStoredAndSaysHowToResumeOrRemoveIt(@TempDir Path dir) throws Exception {
        String s3 = Emulators.s3Endpoint();
        WireMockServer wm = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        wm.start();
        try (S3Client direct = client(s3); S3Client proxied = client(wm.baseUrl())) {
            String bucket = "keep-" + UUID.randomUUID().toString().substring(0, 8);
            direct.createBucket(b -> b.bucket(bucket));
            wm.stubFor(any(anyUrl()).willReturn(aResponse().proxiedFrom(s3)));
            wm.stubFor(put(urlPathEqualTo("/" + bucket + "/big.bin")).withQueryParam("partNumber", equalTo("2")).atPriority(1)
                    .willReturn(aResponse().proxiedFrom(s3).withFixedDelay(3000)));
            Path big = dir.resolve("big.bin");
            byte[] data = new byte[11 * 1024 * 1024];
            new Random(2).nextBytes(data);
            Files.write(big, data);
            List<String> warnings = new CopyOnWriteArrayList<>();
            TransferEngine engine = new TransferEngine(proxied, new TransferConfig(4, 5L << 20, 5L << 20), ObjectOptions.NONE,
                    Progress.disabled(), r -> { }, Throwable::toString, warnings::add);
            engine.upload(big, data.length, new S3Uri(bucket, "big.bin"), big.toString(), false);
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (engine.storedParts() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(engine.storedParts() > 0, "a part is stored while part 2 is held back");
            String id = engine.openUploadIds().iterator().next();

            engine.cleanUpOnExit();

            assertEquals(List.of(id), direct.listMultipartUploads(b -> b.bucket(bucket)).uploads().stream()
                    .map(u -> u.uploadId()).toList(), "kept");
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).startsWith("Kept the unfinished upload of s3://" + bucket + "/big.bin ("), warnings.get(0));
            assertTrue(warnings.get(0).endsWith("run the same command again to resume it, or remove it: awsj s3api"
                    + " abort-multipart-upload --bucket " + bucket + " --key 'big.bin' --upload-id " + id), warnings.get(0));
            engine.close();
        } finally {
            wm.stop();
        }
    }
}
