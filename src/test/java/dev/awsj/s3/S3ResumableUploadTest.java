package dev.awsj.s3;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.awsj.testing.AwsCli;
import dev.awsj.testing.AwsjRun;
import dev.awsj.testing.AwsjRun.Result;
import dev.awsj.testing.Emulators;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.MultipartUpload;

/**
 * A large upload left unfinished (Ctrl-C, a killed run) is carried on by the same command: only
 * the parts S3 lacks are sent, and the object is the file's bytes. An upload whose parts are not
 * the file's is left alone; {@code --no-resume} starts over (docs/s3-transfers.md, "Resumable uploads").
 */
class S3ResumableUploadTest {
    static final int PART = 5 * 1024 * 1024;
    WireMockServer wm;
    S3Client direct;
    String bucket;
    byte[] data;
    Path file;

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        String s3 = Emulators.s3Endpoint();
        wm = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        wm.start();
        wm.stubFor(any(anyUrl()).willReturn(aResponse().proxiedFrom(s3)));
        direct = S3Client.builder().endpointOverride(URI.create(s3)).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build();
        bucket = "resume-" + UUID.randomUUID().toString().substring(0, 8);
        direct.createBucket(b -> b.bucket(bucket));
        data = new byte[2 * PART + 1024 * 1024]; // parts of 5, 5 and 1 MiB
        new Random(11).nextBytes(data);
        file = Files.write(dir.resolve("big.bin"), data);
    }

    @AfterEach
    void stop() {
        wm.stop();
        direct.close();
    }

    /** An upload as an interrupted run leaves it: created as awsj creates it, with some parts stored. */
    String leftBehind(byte[] partOne) {
        String id = direct.createMultipartUpload(b -> b.bucket(bucket).key("big.bin").checksumAlgorithm(ChecksumAlgorithm.CRC32)
                .checksumType(ChecksumType.FULL_OBJECT)).uploadId();
        direct.uploadPart(b -> b.bucket(bucket).key("big.bin").uploadId(id).partNumber(1).checksumAlgorithm(ChecksumAlgorithm.CRC32),
                RequestBody.fromBytes(partOne));
        return id;
    }

    Result cp(String... extra) throws Exception {
        return AwsjRun.run(multipartEnv(), cpLine(bucket, extra));
    }

    /** Test settings with the multipart threshold and part size at 5 MiB, so that the file goes in 3 parts. */
    Map<String, String> multipartEnv() throws Exception {
        Map<String, String> env = AwsjRun.env(wm.baseUrl());
        Path config = Path.of(env.get("AWS_CONFIG_FILE"));
        Files.createDirectories(config.getParent());
        Files.writeString(config, "[default]\ns3 =\n  multipart_threshold = 5MB\n  multipart_chunksize = 5MB\n");
        return env;
    }

    String[] cpLine(String toBucket, String... extra) {
        String[] args = {"s3", "cp", file.toString(), "s3://" + toBucket + "/big.bin"};
        String[] all = Arrays.copyOf(args, args.length + extra.length);
        System.arraycopy(extra, 0, all, args.length, extra.length);
        return all;
    }

    int partsSent() {
        return wm.findAll(putRequestedFor(urlPathEqualTo("/" + bucket + "/big.bin")).withQueryParam("partNumber", matching(".*")))
                .size();
    }

    List<String> openUploads() {
        return direct.listMultipartUploads(b -> b.bucket(bucket)).uploads().stream().map(MultipartUpload::uploadId).toList();
    }

    byte[] object() {
        return direct.getObjectAsBytes(b -> b.bucket(bucket).key("big.bin")).asByteArray();
    }

    @Test
    void aResumedUploadSendsOnlyTheMissingParts() throws Exception {
        leftBehind(Arrays.copyOfRange(data, 0, PART));

        Result r = cp();

        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(2, partsSent(), "parts 2 and 3 only");
        assertArrayEquals(data, object());
        assertEquals(List.of(), openUploads(), "the upload was completed");
    }

    /** An upload made with --checksum-algorithm SHA256 is carried on by the same line, and only by it. */
    @Test
    void aResumedUploadKeepsItsChecksumAlgorithm() throws Exception {
        String id = direct.createMultipartUpload(b -> b.bucket(bucket).key("big.bin").checksumAlgorithm(ChecksumAlgorithm.SHA256))
                .uploadId();
        direct.uploadPart(b -> b.bucket(bucket).key("big.bin").uploadId(id).partNumber(1)
                .checksumAlgorithm(ChecksumAlgorithm.SHA256), RequestBody.fromBytes(Arrays.copyOfRange(data, 0, PART)));

        Result other = cp("--checksum-algorithm", "CRC32C");
        assertEquals(0, other.exitCode(), other.toString());
        assertEquals(3, partsSent(), "another algorithm's upload is not carried on");
        assertEquals(List.of(id), openUploads());

        wm.resetRequests();
        Result r = cp("--checksum-algorithm", "SHA256");

        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(2, partsSent(), "parts 2 and 3 only");
        assertArrayEquals(data, object());
        assertEquals(List.of(), openUploads(), "the upload was completed");
    }

    @Test
    void anUploadWhosePartsAreNotTheFilesIsLeftAlone() throws Exception {
        byte[] other = Arrays.copyOfRange(data, 0, PART);
        other[12345] ^= 1;
        String foreign = leftBehind(other);

        Result r = cp();

        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(3, partsSent(), "a new upload of every part");
        assertArrayEquals(data, object());
        assertEquals(List.of(foreign), openUploads(), "the other upload is untouched");
    }

    @Test
    void noResumeStartsOverAndLeavesTheOldUploadAlone() throws Exception {
        String old = leftBehind(Arrays.copyOfRange(data, 0, PART));

        Result r = cp("--no-resume");

        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(3, partsSent());
        assertArrayEquals(data, object());
        assertEquals(List.of(old), openUploads());
        assertTrue(r.err().isEmpty() || !r.err().contains("Exception"), r.err());
    }

    /**
     * The resume look-up is an optimisation: a bucket that does not exist fails the upload at
     * CreateMultipartUpload, as in aws — the same line on stderr and exit code 1.
     */
    @Test
    void aMissingBucketFailsAtCreateMultipartUploadAsInAws() throws Exception {
        Map<String, String> env = multipartEnv();
        String missing = "no-such-" + UUID.randomUUID().toString().substring(0, 8);

        Result r = AwsjRun.run(env, cpLine(missing));

        assertEquals(1, r.exitCode(), r.toString());
        assertEquals("upload failed: " + file + " to s3://" + missing + "/big.bin An error occurred (NoSuchBucket) when calling"
                + " the CreateMultipartUpload operation: The specified bucket does not exist.\n", r.err());
        if (AwsCli.installed("S3ResumableUploadTest")) {
            Result aws = AwsCli.run(env, cpLine(missing));
            assertEquals(aws.exitCode(), r.exitCode(), aws.toString());
            // aws shows the file relative to its working folder; awsj as given. The rest is the same.
            assertEquals(aws.err().substring(aws.err().indexOf(" to s3://")), r.err().substring(r.err().indexOf(" to s3://")));
        }
    }

    /** A policy that allows PutObject but not ListMultipartUploads (a common one) still uploads. */
    @Test
    void aRefusedLookUpStillUploads() throws Exception {
        wm.stubFor(get(urlPathMatching("/" + bucket + "/?")).withQueryParam("uploads", matching(".*")).atPriority(1)
                .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/xml")
                        .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>AccessDenied</Code>"
                                + "<Message>Access Denied</Message></Error>")));
        leftBehind(Arrays.copyOfRange(data, 0, PART));

        Result r = cp();

        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(1, wm.findAll(getRequestedFor(anyUrl()).withQueryParam("uploads", matching(".*"))).size(),
                "the look-up was tried");
        assertEquals(3, partsSent(), "a new upload of every part");
        assertArrayEquals(data, object());
    }
}
