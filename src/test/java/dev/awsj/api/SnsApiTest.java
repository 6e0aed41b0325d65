package dev.awsj.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsj.json.SdkJson;
import dev.awsj.testing.AwsjRun;
import dev.awsj.testing.AwsjRun.Result;
import dev.awsj.testing.Emulators;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The generic SNS operations against fauxqs, with --query and the output formats. */
class SnsApiTest {
    static Map<String, String> env;

    @BeforeAll
    static void start() {
        env = AwsjRun.env(Emulators.fauxqsEndpoint());
    }

    static JsonNode json(Result r) throws Exception {
        assertEquals(0, r.exitCode(), r.toString());
        return SdkJson.MAPPER.readTree(r.out());
    }

    @Test
    void createListAttributesAndQuery() throws Exception {
        String name = "t-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode created = json(AwsjRun.run(env, "sns", "create-topic", "--name", name));
        String arn = created.get("TopicArn").asText();
        assertTrue(arn.startsWith("arn:aws:sns:us-east-1:") && arn.endsWith(":" + name), arn);
        assertEquals(1, created.size(), "only TopicArn, no response metadata: " + created);

        JsonNode topics = json(AwsjRun.run(env, "sns", "list-topics"));
        boolean found = false;
        for (JsonNode t : topics.get("Topics")) {
            found |= t.get("TopicArn").asText().equals(arn);
        }
        assertTrue(found, topics.toString());

        Result text = AwsjRun.run(env, "sns", "list-topics", "--query", "Topics[].TopicArn", "--output", "text");
        assertEquals(0, text.exitCode(), text.toString());
        assertTrue(text.out().endsWith("\n") && !text.out().contains("\n\n"));
        assertTrue(java.util.List.of(text.out().trim().split("\t")).contains(arn), text.out());

        Result set = AwsjRun.run(env, "sns", "set-topic-attributes", "--topic-arn", arn,
                "--attribute-name", "DisplayName", "--attribute-value", "Ops alerts");
        assertEquals(0, set.exitCode(), set.toString());
        assertEquals("", set.out(), "an empty response prints nothing, as aws does");

        JsonNode attrs = json(AwsjRun.run(env, "sns", "get-topic-attributes", "--topic-arn", arn));
        assertEquals("Ops alerts", attrs.get("Attributes").get("DisplayName").asText());
        assertEquals(arn, attrs.get("Attributes").get("TopicArn").asText());

        Result display = AwsjRun.run(env, "sns", "get-topic-attributes", "--topic-arn", arn,
                "--query", "Attributes.DisplayName", "--output", "text");
        assertEquals("Ops alerts\n", display.out());

        Result yaml = AwsjRun.run(env, "sns", "get-topic-attributes", "--topic-arn", arn, "--output", "yaml",
                "--query", "{Name: Attributes.DisplayName}");
        assertEquals("Name: Ops alerts\n", yaml.out());

        assertEquals(0, AwsjRun.run(env, "sns", "delete-topic", "--topic-arn", arn).exitCode());
    }

    @Test
    void subscribeAndPublishWithStructuredAttributes() throws Exception {
        String arn = json(AwsjRun.run(env, "sns", "create-topic", "--name", "s-" + UUID.randomUUID().toString().substring(0, 8)))
                .get("TopicArn").asText();
        JsonNode sub = json(AwsjRun.run(env, "sns", "subscribe", "--topic-arn", arn, "--protocol", "email",
                "--notification-endpoint", "ops@example.com", "--return-subscription-arn"));
        assertTrue(sub.get("SubscriptionArn").asText().startsWith(arn), sub.toString());

        JsonNode subs = json(AwsjRun.run(env, "sns", "list-subscriptions-by-topic", "--topic-arn", arn));
        assertEquals("ops@example.com", subs.get("Subscriptions").get(0).get("Endpoint").asText());
        assertEquals("email", subs.get("Subscriptions").get(0).get("Protocol").asText());

        JsonNode pub = json(AwsjRun.run(env, "sns", "publish", "--topic-arn", arn, "--message", "disk full",
                "--message-attributes", "{\"severity\":{\"DataType\":\"String\",\"StringValue\":\"high\"}}"));
        assertTrue(pub.get("MessageId").asText().length() > 8, pub.toString());
    }

    @Test
    void unknownMemberInCliInputJsonIsABadCommandLine() {
        Result r = AwsjRun.run(env, "sns", "create-topic", "--cli-input-json", "{\"Nmae\":\"x\"}");
        assertEquals(252, r.exitCode(), r.toString());
        assertTrue(r.err().contains("Unknown parameter in --cli-input-json: \"Nmae\", must be one of: Name"), r.err());
    }

    @Test
    void aMemberTheServiceModelRequiresIsCheckedBeforeSending() {
        // The SNS jar carries no "required" marks; the rules from the service model do, as aws's.
        Result r = AwsjRun.run(env, "sns", "create-topic");
        assertEquals(252, r.exitCode(), r.toString());
        assertTrue(r.err().startsWith("the following arguments are required: --name"), r.err());
    }
}
