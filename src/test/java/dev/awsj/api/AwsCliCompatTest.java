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
 * awsj prints the same JSON, and the same YAML, as the AWS CLI for the same call against the same
 * emulator. Runs where the AWS CLI is installed ({@code /usr/bin/aws}, or {@code AWSJ_COMPAT_AWS}).
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
        return SdkJson.MAPPER.readTree(awsOut(env, args));
    }

    /** What aws prints on stdout; it must succeed. */
    static String awsOut(Map<String, String> env, String... args) {
        dev.awsj.testing.AwsjRun.Result r = dev.awsj.testing.AwsCli.run(env, args);
        assertEquals(0, r.exitCode(), "aws " + String.join(" ", args) + ": " + r.err());
        return r.out();
    }

    /** What awsj prints on stdout; it must succeed. */
    static String awsjOut(Map<String, String> env, String... args) {
        Result r = AwsjRun.run(env, args);
        assertEquals(0, r.exitCode(), r.toString());
        return r.out();
    }

    /** awsj prints the same bytes as aws. */
    static void sameBytes(Map<String, String> env, String... args) throws Exception {
        assertEquals(awsOut(env, args), awsjOut(env, args), "awsj " + String.join(" ", args));
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

    /**
     * --output yaml and yaml-stream print what aws prints, byte for byte. A JMESPath literal as the
     * query sends any data through each tool's YAML writer: here strings that YAML would read as
     * something else, or reject, if they were not quoted.
     */
    @Test
    void yamlOnFauxqs() throws Exception {
        Map<String, String> env = AwsjRun.env(Emulators.fauxqsEndpoint());
        awsjOut(env, "sns", "create-topic", "--name", "yaml-a");
        awsjOut(env, "sns", "create-topic", "--name", "yaml-b");
        sameBytes(env, "sns", "list-topics", "--output", "yaml");
        sameBytes(env, "sns", "list-topics", "--output", "yaml-stream");
        sameBytes(env, "sns", "list-topics", "--output", "yaml-stream", "--query", "Topics[].TopicArn");
        // A bare scalar: JSON for yaml, a list of one for yaml-stream.
        sameBytes(env, "sns", "list-topics", "--output", "yaml", "--query", "Topics[0].TopicArn");
        sameBytes(env, "sns", "list-topics", "--output", "yaml-stream", "--query", "length(Topics)");
        List<String> tricky = List.of("foo:", "foo: bar", "a #b", "#x", "- x", "-", "? x", ":", "@x", "%x", "!x", "&x",
                "*x", "|x", ">x", "'x", "\"x", "[x", "{x", "=", "<<", "~", "", " lead", "trail ", "---", "...",
                ".inf", "-.inf", ".nan", "0x1F", "0o17", "017", "0b101", "1_000", "1e3", "1.0", ".5", "+1", "000000000000",
                "2024-01-01", "2024-01-01T00:00:00Z", "2019-12-31T23:59:59+00:00", "2024-01-01 10:00:00", "true", "True",
                "null", "NULL", "a\nb", "a\n", "a\tb", "\u0001", "x\u0085y", "\u00a0x", "é", "日本語", "C:\\dir", "it's",
                "arn:aws:sns:us-east-1:000000000000:a", "a:b", "http://x.com/a?b#c", "_", "word ".repeat(30),
                "x".repeat(100));
        // Keys in sorted order, as aws sorts them (see below).
        var values = SdkJson.MAPPER.createObjectNode();
        values.set("Nested", SdkJson.MAPPER.readTree("[[], {}, [[1, 2], []], [{\"x\": 1}], {\"only\": [{\"deep\": [\"a\", []]}]}]"));
        values.set("Numbers", SdkJson.MAPPER.readTree("[1, -1, 0, 1.5, 0.1, 100.0, 123456789.123, true, false, null]"));
        values.set("Strings", SdkJson.MAPPER.valueToTree(tricky));
        values.set("Tricky keys", SdkJson.MAPPER.readTree("{\"0x1F\": 1, \"123\": 2, \"2024-01-01\": 3, \"A\": 4,"
                + " \"a: b\": 5, \"null\": 6, \"true\": 7}"));
        String literal = "`" + values.toString().replace("`", "\\`") + "`";
        sameBytes(env, "sns", "list-topics", "--output", "yaml", "--query", literal);
        sameBytes(env, "sns", "list-topics", "--output", "yaml-stream", "--query", literal);
    }

    /**
     * Where awsj's YAML is not aws's byte for byte, on purpose or because SnakeYAML writes some
     * escapes otherwise: the values read back are the same, except for the YAML 1.1 booleans and
     * base-60 numbers, which awsj quotes and aws does not (a YAML 1.1 reader would take aws's
     * {@code yes} for true).
     */
    @Test
    void yamlDifferencesFromAwsAreOnlyInForm() throws Exception {
        Map<String, String> env = AwsjRun.env(Emulators.fauxqsEndpoint());
        String arn = SdkJson.MAPPER.readTree(awsjOut(env, "sns", "create-topic", "--name", "yaml-keys")).get("TopicArn").asText();
        com.fasterxml.jackson.dataformat.yaml.YAMLMapper yaml = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper();
        // aws (ruamel.yaml's safe dumper) sorts map keys; awsj keeps the order of the response, as its JSON does.
        String[] attributes = {"sns", "get-topic-attributes", "--topic-arn", arn, "--output", "yaml"};
        String awsYaml = awsOut(env, attributes);
        String awsjYaml = awsjOut(env, attributes);
        assertEquals(yaml.readTree(awsYaml), yaml.readTree(awsjYaml));
        List<String> awsjKeys = new ArrayList<>();
        yaml.readTree(awsjYaml).get("Attributes").fieldNames().forEachRemaining(awsjKeys::add);
        List<String> jsonKeys = new ArrayList<>();
        SdkJson.MAPPER.readTree(awsjOut(env, "sns", "get-topic-attributes", "--topic-arn", arn)).get("Attributes")
                .fieldNames().forEachRemaining(jsonKeys::add);
        assertEquals(jsonKeys, awsjKeys);
        // SnakeYAML writes \x7f for ruamel's \x7F, and leaves printable characters (the byte order mark,
        // emoji) unescaped.
        String[] escapes = {"sns", "list-topics", "--output", "yaml", "--query", "`[\"\\u007f\", \"\\ufeffx\", \"x\\ud83d\\ude00\"]`"};
        assertEquals(yaml.readTree(awsOut(env, escapes)), yaml.readTree(awsjOut(env, escapes)));
        String[] yaml11 = {"sns", "list-topics", "--output", "yaml", "--query", "`[\"yes\", \"Off\", \"y\", \"12:30\"]`"};
        assertEquals("- yes\n- Off\n- y\n- 12:30\n", awsOut(env, yaml11));
        assertEquals("- 'yes'\n- 'Off'\n- 'y'\n- '12:30'\n", awsjOut(env, yaml11));
    }

    /**
     * {@code s3 ls} in text prints each page as it comes, as aws does: a page's folders (PRE) and
     * then its objects, page after page, so a listing of folders and files across pages comes out
     * in aws's order, and memory does not grow with the listing.
     */
    @Test
    void s3LsTextPrintsPageAfterPageAsAws() throws Exception {
        Map<String, String> env = AwsjRun.env(Emulators.fauxqsEndpoint());
        String bucket = "ls-pages-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        awsjOut(env, "s3", "mb", "s3://" + bucket);
        Path body = Files.createTempFile("awsj-ls", ".txt");
        Files.writeString(body, "x");
        for (String key : List.of("d/a/1", "d/b", "d/c/2", "d/d", "d/e/3", "d/f", "d/g/4", "d/h", "top")) {
            awsjOut(env, "s3api", "put-object", "--bucket", bucket, "--key", key, "--body", body.toString());
        }
        for (String path : List.of("s3://" + bucket + "/d/", "s3://" + bucket + "/d", "s3://" + bucket)) {
            for (String pageSize : List.of("2", "3", "1000")) {
                String expected = awsOut(env, "s3", "ls", path, "--page-size", pageSize);
                assertEquals(expected, awsjOut(env, "s3", "ls", path, "--page-size", pageSize, "--output", "text"),
                        "awsj s3 ls " + path + " --page-size " + pageSize);
            }
        }
        String expected = awsOut(env, "s3", "ls", "s3://" + bucket, "--recursive", "--summarize", "--page-size", "2");
        assertEquals(expected, awsjOut(env, "s3", "ls", "s3://" + bucket, "--recursive", "--summarize", "--page-size", "2",
                "--output", "text"));
        Files.delete(body);
    }
}
