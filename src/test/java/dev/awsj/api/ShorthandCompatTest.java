package dev.awsj.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.awsj.testing.AwsCli;
import dev.awsj.testing.AwsjRun;
import dev.awsj.testing.AwsjRun.Result;
import dev.awsj.testing.Emulators;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Shorthand values of aws lines (nested structures and lists, repeated structures as separate
 * words, keys given twice) mean in awsj what they mean in aws, checked on the emulators; where the
 * AWS CLI is installed, it runs the same lines and both results are compared.
 */
class ShorthandCompatTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode ok(Result r) throws Exception {
        assertEquals(0, r.exitCode(), r.toString());
        return JSON.readTree(r.out().isBlank() ? "{}" : r.out());
    }

    /** The tags of the Tagging XML a PutBucketTagging request carried, as key=value lines. */
    private static String tagsSent(com.github.tomakehurst.wiremock.WireMockServer wm) {
        var requests = wm.findAll(com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/shorthand-tags?tagging")));
        assertEquals(1, requests.size(), "one PutBucketTagging");
        String xml = requests.get(0).getBodyAsString();
        StringBuilder b = new StringBuilder();
        var m = java.util.regex.Pattern.compile("<Key>(.*?)</Key>\\s*<Value>(.*?)</Value>").matcher(xml);
        while (m.find()) {
            b.append(m.group(1)).append('=').append(m.group(2)).append('\n');
        }
        return b.toString();
    }

    @Test
    void nestedListOfStructuresSetsBucketTags() throws Exception {
        // Neither emulator keeps bucket tags: a stub records the request each tool sends.
        var wm = new com.github.tomakehurst.wiremock.WireMockServer(
                com.github.tomakehurst.wiremock.core.WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        wm.start();
        try {
            wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.put(
                    com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/shorthand-tags?tagging"))
                    .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(204)));
            Map<String, String> env = AwsjRun.env(wm.baseUrl());
            String[] line = {"s3api", "put-bucket-tagging", "--bucket", "shorthand-tags",
                "--tagging", "TagSet=[{Key=k,Value=v},{Key=team,Value='a, b'}]"};
            ok(AwsjRun.run(env, line));
            assertEquals("k=v\nteam=a, b\n", tagsSent(wm));
            if (AwsCli.installed()) {
                wm.resetRequests();
                ok(AwsCli.run(env, line));
                assertEquals("k=v\nteam=a, b\n", tagsSent(wm));
            } else {
                System.err.println("ShorthandCompatTest: the AWS CLI side skipped: no AWS CLI at " + AwsCli.path());
            }
        } finally {
            wm.stop();
        }
    }

    @Test
    void mapOfStructuresAndRepeatedStructuresOnSns() throws Exception {
        Map<String, String> env = AwsjRun.env(Emulators.fauxqsEndpoint());
        String arn = ok(AwsjRun.run(env, "sns", "create-topic", "--name", "shorthand",
                "--tags", "Key=a,Value=b", "Key=c,Value=d")).get("TopicArn").asText();
        JsonNode tags = ok(AwsjRun.run(env, "sns", "list-tags-for-resource", "--resource-arn", arn));
        assertEquals(JSON.readTree("{\"Tags\":[{\"Key\":\"a\",\"Value\":\"b\"},{\"Key\":\"c\",\"Value\":\"d\"}]}"), tags);

        Result published = AwsjRun.run(env, "sns", "publish", "--topic-arn", arn, "--message", "m",
                "--message-attributes", "k={DataType=String,StringValue=p}");
        assertTrue(ok(published).has("MessageId"), published.toString());
        Result generic = AwsjRun.run(env, "sns", "set-topic-attributes", "--topic-arn", arn,
                "--attribute-name", "DisplayName", "--attribute-value", "x");
        ok(generic);

        if (AwsCli.installed()) {
            String awsArn = ok(AwsCli.run(env, "sns", "create-topic", "--name", "shorthand-aws",
                    "--tags", "Key=a,Value=b", "Key=c,Value=d")).get("TopicArn").asText();
            assertEquals(tags, ok(AwsCli.run(env, "sns", "list-tags-for-resource", "--resource-arn", awsArn)));
            assertTrue(ok(AwsCli.run(env, "sns", "publish", "--topic-arn", awsArn, "--message", "m",
                    "--message-attributes", "k={DataType=String,StringValue=p}")).has("MessageId"));
        } else {
            System.err.println("ShorthandCompatTest: the AWS CLI side skipped: no AWS CLI at " + AwsCli.path());
        }
    }

    @Test
    void aKeyGivenTwiceInOneStructureIsRefusedBeforeSending() throws Exception {
        Map<String, String> env = AwsjRun.env(Emulators.fauxqsEndpoint());
        String[][] lines = {
            {"sns", "create-topic", "--name", "twice", "--tags", "Key=a,Value=b,Key=c"},
            {"sns", "create-topic", "--name", "twice", "--attributes", "DisplayName=a,DisplayName=b"},
        };
        for (String[] line : lines) {
            Result r = AwsjRun.run(env, line);
            assertEquals(252, r.exitCode(), r.toString());
            assertTrue(r.err().startsWith("Error parsing parameter '" + line[4] + "': Second instance of key"), r.err());
            assertFalse(r.err().contains("\tat "), r.err());
            if (AwsCli.installed()) {
                // aws refuses the line too (2.9 with exit 255, newer releases with 252) and sends nothing.
                Result aws = AwsCli.run(env, line);
                assertNotEquals(0, aws.exitCode(), aws.toString());
                assertTrue(aws.err().contains("Second instance of key"), aws.err());
            }
        }
        JsonNode topics = ok(AwsjRun.run(env, "sns", "list-topics"));
        assertFalse(topics.toString().contains(":twice\""), "no topic was created: " + topics);
    }
}
