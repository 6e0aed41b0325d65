package dev.awsj.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsj.json.SdkJson;
import dev.awsj.testing.AwsjRun;
import dev.awsj.testing.AwsjRun.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * S3 and SNS against LocalStack in Docker, where a Docker engine exists (GitHub Actions); skipped
 * with the reason printed elsewhere.
 */
class LocalStackTest {
    static LocalStackContainer localstack;
    static Map<String, String> env;
    static Boolean docker;

    /** Per test, so a machine without Docker reports each test as skipped with the reason. */
    @BeforeEach
    void start() {
        if (docker == null) {
            docker = dockerAvailable();
            if (!docker) {
                System.err.println("LocalStackTest skipped: no Docker engine on this machine (the S3Mock/fauxqs suites cover S3 and SNS)");
            }
        }
        Assumptions.assumeTrue(docker, "no Docker engine: LocalStack suite skipped");
        if (localstack == null) {
            localstack = new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4")).withServices("s3", "sns");
            localstack.start();
            env = AwsjRun.env(localstack.getEndpoint().toString());
            env.put("AWS_REGION", localstack.getRegion());
        }
    }

    static boolean dockerAvailable() {
        boolean docker;
        try {
            docker = DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            docker = false;
        }
        return docker;
    }

    @AfterAll
    static void stop() {
        if (localstack != null) {
            localstack.stop();
        }
    }

    static JsonNode json(Result r) throws Exception {
        assertEquals(0, r.exitCode(), r.toString());
        return SdkJson.MAPPER.readTree(r.out());
    }

    @Test
    void s3RoundTrip(@TempDir Path dir) throws Exception {
        assertEquals(0, AwsjRun.run(env, "s3api", "create-bucket", "--bucket", "ls-bucket").exitCode());
        Path f = dir.resolve("a.txt");
        Files.writeString(f, "hello localstack");
        json(AwsjRun.run(env, "s3api", "put-object", "--bucket", "ls-bucket", "--key", "a.txt", "--body", f.toString()));
        JsonNode list = json(AwsjRun.run(env, "s3api", "list-objects-v2", "--bucket", "ls-bucket"));
        assertEquals("a.txt", list.at("/Contents/0/Key").asText());
        Path out = dir.resolve("b.txt");
        json(AwsjRun.run(env, "s3api", "get-object", "--bucket", "ls-bucket", "--key", "a.txt", out.toString()));
        assertEquals("hello localstack", Files.readString(out));
    }

    @Test
    void snsTopicsAndPublish() throws Exception {
        String arn = json(AwsjRun.run(env, "sns", "create-topic", "--name", "ls-topic")).get("TopicArn").asText();
        JsonNode topics = json(AwsjRun.run(env, "sns", "list-topics"));
        assertTrue(topics.toString().contains(arn));
        JsonNode pub = json(AwsjRun.run(env, "sns", "publish", "--topic-arn", arn, "--message", "hi"));
        assertTrue(pub.has("MessageId"));
        JsonNode sms = json(AwsjRun.run(env, "sns", "publish", "--phone-number", "+15555550100", "--message", "hi"));
        assertTrue(sms.has("MessageId"));
    }
}
