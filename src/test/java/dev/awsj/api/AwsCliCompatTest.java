package dev.awsj.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * awsj prints the same JSON as the AWS CLI for the same call against the same emulator. Runs
 * where the AWS CLI is installed ({@code /usr/bin/aws}, or {@code AWSJ_COMPAT_AWS}).
 */
class AwsCliCompatTest {
    static String aws;

    @BeforeAll
    static void findAws() {
        String configured = System.getenv("AWSJ_COMPAT_AWS");
        aws = configured != null ? configured : "/usr/bin/aws";
        if (!Files.isExecutable(Path.of(aws))) {
            System.err.println("AwsCliCompatTest skipped: no AWS CLI at " + aws);
        }
        Assumptions.assumeTrue(Files.isExecutable(Path.of(aws)), "no AWS CLI at " + aws);
    }

    static JsonNode awsJson(Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(aws));
        cmd.addAll(List.of(args));
        // Older AWS CLI releases (Debian's 2.9) do not read AWS_ENDPOINT_URL.
        cmd.add("--endpoint-url");
        cmd.add(env.get("AWS_ENDPOINT_URL"));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env);
        pb.environment().put("AWS_PAGER", "");
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue(), "aws " + String.join(" ", args) + ": " + err);
        return SdkJson.MAPPER.readTree(out);
    }

    /**
     * Members the S3 API gained after the models of Debian's AWS CLI 2.9 (which drops what it does
     * not know); a newer AWS CLI prints them as awsj does.
     */
    static final List<String> NEWER_THAN_AWS_2_9 = List.of("BucketRegion", "ChecksumType");

    static void same(Map<String, String> env, String... args) throws Exception {
        JsonNode expected = awsJson(env, args);
        Result r = AwsjRun.run(env, args);
        assertEquals(0, r.exitCode(), r.toString());
        JsonNode actual = SdkJson.MAPPER.readTree(r.out());
        for (String newer : NEWER_THAN_AWS_2_9) {
            actual.findParents(newer).forEach(o -> ((com.fasterxml.jackson.databind.node.ObjectNode) o).remove(newer));
        }
        // Newer AWS CLI releases keep the echoed Prefix of a merged listing (a non-aggregate key); 2.9 drops it.
        if (args[1].startsWith("list-objects") && !expected.has("Prefix")) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) actual).remove("Prefix");
        }
        assertEquals(expected, actual, "awsj " + String.join(" ", args));
    }

    @Test
    void snsOnFauxqs() throws Exception {
        Map<String, String> env = AwsjRun.env(Emulators.fauxqsEndpoint());
        same(env, "sns", "create-topic", "--name", "compat");
        String arn = SdkJson.MAPPER.readTree(AwsjRun.run(env, "sns", "create-topic", "--name", "compat").out())
                .get("TopicArn").asText();
        AwsjRun.run(env, "sns", "subscribe", "--topic-arn", arn, "--protocol", "email",
                "--notification-endpoint", "a@example.com");
        same(env, "sns", "list-topics");
        same(env, "sns", "list-subscriptions");
        same(env, "sns", "get-topic-attributes", "--topic-arn", arn);
    }

    @Test
    void s3OnS3Mock() throws Exception {
        Map<String, String> env = AwsjRun.env(Emulators.s3Endpoint());
        assertEquals(0, AwsjRun.run(env, "s3api", "create-bucket", "--bucket", "compat-bucket").exitCode());
        Path f = Files.createTempFile("compat", ".txt");
        Files.writeString(f, "compare me");
        assertEquals(0, AwsjRun.run(env, "s3api", "put-object", "--bucket", "compat-bucket", "--key", "a/b.txt",
                "--body", f.toString(), "--content-type", "text/plain").exitCode());
        same(env, "s3api", "list-buckets");
        same(env, "s3api", "list-objects-v2", "--bucket", "compat-bucket");
        same(env, "s3api", "head-object", "--bucket", "compat-bucket", "--key", "a/b.txt");
    }

    /** --query as the AWS CLI's jmespath evaluates it: elided-quote literals, string ordering. */
    @Test
    void queriesMeanWhatTheyMeanInAws() throws Exception {
        Map<String, String> env = AwsjRun.env(Emulators.fauxqsEndpoint());
        for (String name : List.of("prod-orders", "prod-users", "dev-orders")) {
            assertEquals(0, AwsjRun.run(env, "sns", "create-topic", "--name", name).exitCode());
        }
        for (String query : List.of(
                "Topics[?contains(TopicArn, `prod`)].TopicArn",
                "Topics[?contains(TopicArn, ` prod`)].TopicArn",
                "Topics[?TopicArn >= 'arn:aws:sns:us-east-1:000000000000:prod'].TopicArn",
                "Topics[?TopicArn < `arn:aws:sns:us-east-1:000000000000:e`].TopicArn",
                "length(Topics[?contains(TopicArn, `orders`)])")) {
            same(env, "sns", "list-topics", "--query", query);
        }
        JsonNode prod = SdkJson.MAPPER.readTree(AwsjRun.run(env, "sns", "list-topics", "--query",
                "Topics[?contains(TopicArn, `prod`)].TopicArn").out());
        assertTrue(prod.size() >= 2, "the elided-quote literal matched: " + prod);
    }

    /** With no region anywhere, S3 works in us-east-1 as in aws; SNS still needs one. */
    @Test
    void s3WithoutARegionUsesUsEast1() throws Exception {
        Map<String, String> env = AwsjRun.env(Emulators.s3Endpoint());
        env.remove("AWS_REGION");
        Result awsj = AwsjRun.run(env, "s3", "presign", "s3://no-region/k.txt");
        assertEquals(0, awsj.exitCode(), awsj.toString());
        List<String> cmd = List.of(aws, "s3", "presign", "s3://no-region/k.txt", "--endpoint-url", env.get("AWS_ENDPOINT_URL"));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env);
        pb.environment().remove("AWS_REGION");
        pb.environment().remove("AWS_DEFAULT_REGION");
        Process p = pb.start();
        p.getOutputStream().close();
        String awsOut = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue(), awsOut);
        java.util.regex.Pattern scope = java.util.regex.Pattern.compile("X-Amz-Credential=[^&%]+(?:%2F|/)\\d{8}(?:%2F|/)([a-z0-9-]+)(?:%2F|/)s3");
        java.util.regex.Matcher a = scope.matcher(awsOut);
        java.util.regex.Matcher j = scope.matcher(awsj.out());
        assertTrue(a.find() && j.find(), awsOut + "\n" + awsj.out());
        assertEquals(a.group(1), j.group(1), "the same signing region as aws");
        assertEquals("us-east-1", j.group(1));
        assertEquals(0, AwsjRun.run(env, "s3api", "list-buckets").exitCode());
        assertEquals(0, AwsjRun.run(env, "s3", "ls").exitCode());
        assertEquals(253, AwsjRun.run(env, "sns", "list-topics").exitCode());
    }
}
