package dev.awsj.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.awsj.testing.AwsCli;
import dev.awsj.testing.AwsjRun;
import dev.awsj.testing.AwsjRun.Result;
import dev.awsj.testing.Emulators;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The waiters of the service models, as aws runs them: silent success (exit 0), failure with
 * botocore's message (exit 255). On S3Mock, and on a WireMock stub for Rekognition.
 */
class WaitersTest {
    /** Same exit code and output as aws where it is installed. */
    private static Result same(Map<String, String> env, String... line) {
        Result r = AwsjRun.run(env, line);
        if (AwsCli.installed("WaitersTest")) {
            Result aws = AwsCli.run(env, line);
            assertEquals(aws.exitCode(), r.exitCode(), "aws: " + aws + "\nawsj: " + r);
            assertEquals(aws.out(), r.out(), String.join(" ", line));
            assertEquals(aws.err().strip(), r.err().strip(), String.join(" ", line));
        }
        return r;
    }

    @Test
    void bucketExistsSucceedsOnceTheBucketIsMade() throws Exception {
        Map<String, String> env = AwsjRun.env(Emulators.s3Endpoint());
        CompletableFuture<Result> waiting = CompletableFuture.supplyAsync(
                () -> AwsjRun.run(env, "s3api", "wait", "bucket-exists", "--bucket", "made-while-waiting"));
        // The first HEAD answers 404 (retry) or, on a slow machine, 200 after the create: both end in success.
        assertEquals(0, AwsjRun.run(env, "s3api", "create-bucket", "--bucket", "made-while-waiting").exitCode());
        Result r = waiting.get();
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("", r.out(), "silent on success");
    }

    @Test
    void notExistsWaitersSucceedAtOnceOnWhatIsAbsent() {
        Map<String, String> env = AwsjRun.env(Emulators.s3Endpoint());
        assertEquals(0, AwsjRun.run(env, "s3api", "create-bucket", "--bucket", "wait-here").exitCode());
        Result r = same(env, "s3api", "wait", "object-not-exists", "--bucket", "wait-here", "--key", "absent");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("", r.out());
        assertEquals(0, same(env, "s3api", "wait", "bucket-not-exists", "--bucket", "no-such-bucket-here").exitCode());
    }

    @Test
    void aFailureStateEndsTheWaitWithBotocoresMessage() {
        WireMockServer wm = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        wm.start();
        try {
            wm.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/x-amz-json-1.1")
                    .withBody("{\"ProjectVersionDescriptions\":[{\"ProjectVersionArn\":\"arn:v1\",\"Status\":\"FAILED\"}]}")));
            Map<String, String> env = AwsjRun.env(wm.baseUrl());
            Result r = same(env, "rekognition", "wait", "project-version-running", "--project-arn",
                    "arn:aws:rekognition:us-east-1:111122223333:project/p/1690000000000");
            assertEquals(255, r.exitCode(), r.toString());
            assertEquals("Waiter ProjectVersionRunning failed: Waiter encountered a terminal failure state: For expression"
                    + " \"ProjectVersionDescriptions[].Status\" we matched expected path: \"FAILED\" at least once",
                    r.err().strip());
        } finally {
            wm.stop();
        }
    }

    @Test
    void aMissingMemberOfTheWaitersOperationIsAUsageError() {
        Result r = AwsjRun.run(AwsjRun.env("http://127.0.0.1:9"), "s3api", "wait", "bucket-exists");
        assertEquals(252, r.exitCode(), r.toString());
        assertEquals("the following arguments are required: --bucket", r.err().lines().findFirst().orElse(""));
    }
}
