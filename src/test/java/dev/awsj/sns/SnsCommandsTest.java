package dev.awsj.sns;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.awsj.json.SdkJson;
import dev.awsj.testing.AwsjRun;
import dev.awsj.testing.Emulators;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SNS commands of the notification case study on fauxqs; SMS to a phone number on WireMock. */
class SnsCommandsTest {
    private static JsonNode json(AwsjRun.Result r) throws Exception {
        assertEquals(0, r.exitCode(), r.toString());
        return SdkJson.MAPPER.readTree(r.out());
    }

    private static List<String> values(JsonNode array, String member) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(member).asText()));
        return out;
    }

    @Test
    void topicsSubscriptionsAndPublishingOnFauxqs(@TempDir Path dir) throws Exception {
        Map<String, String> env = AwsjRun.env(Emulators.fauxqsEndpoint());
        String name = "trash_notifications_" + UUID.randomUUID().toString().substring(0, 8);
        String arn = json(AwsjRun.run(env, "sns", "create-topic", "--name", name)).get("TopicArn").asText();
        assertEquals(arn, json(AwsjRun.run(env, "sns", "create-topic", "--name", name)).get("TopicArn").asText(),
                "create-topic is idempotent");
        String other = json(AwsjRun.run(env, "sns", "create-topic", "--name", name + "_streets")).get("TopicArn").asText();
        assertTrue(values(json(AwsjRun.run(env, "sns", "list-topics")).get("Topics"), "TopicArn").containsAll(List.of(arn, other)));

        String sms = json(AwsjRun.run(env, "sns", "subscribe", "--topic-arn", arn, "--protocol", "sms",
                "--notification-endpoint", "+13125551123")).get("SubscriptionArn").asText();
        json(AwsjRun.run(env, "sns", "subscribe", "--topic-arn", arn, "--protocol", "email",
                "--notification-endpoint", "ops@example.com", "--return-subscription-arn"));
        json(AwsjRun.run(env, "sns", "subscribe", "--topic-arn", other, "--protocol", "email",
                "--notification-endpoint", "streets@example.com", "--return-subscription-arn"));

        JsonNode mine = json(AwsjRun.run(env, "sns", "list-subscriptions", "--topic-arn", arn)).get("Subscriptions");
        assertEquals(List.of("+13125551123", "ops@example.com"), values(mine, "Endpoint").stream().sorted().toList());
        assertEquals(List.of(arn, arn), values(mine, "TopicArn"));
        JsonNode all = json(AwsjRun.run(env, "sns", "list-subscriptions")).get("Subscriptions");
        assertTrue(values(all, "Endpoint").containsAll(List.of("+13125551123", "ops@example.com", "streets@example.com")));

        JsonNode pub = json(AwsjRun.run(env, "sns", "publish", "--topic-arn", arn, "--message",
                "Trash violations count is now 137", "--subject", "Trash Alert"));
        assertEquals(1, pub.size(), pub.toString());
        assertTrue(pub.get("MessageId").asText().length() > 8, pub.toString());
        Path message = dir.resolve("message.txt");
        Files.writeString(message, "There are 137 reports outstanding\n");
        json(AwsjRun.run(env, "sns", "publish", "--topic-arn", arn, "--message-file", message.toString()));
        json(AwsjRun.run(env, "report from stdin".getBytes(StandardCharsets.UTF_8), "sns", "publish", "--topic-arn", arn,
                "--message", "-", "--message-attributes", "{\"severity\":{\"DataType\":\"String\",\"StringValue\":\"high\"}}"));

        AwsjRun.Result unsub = AwsjRun.run(env, "sns", "unsubscribe", "--subscription-arn", sms);
        assertEquals(0, unsub.exitCode(), unsub.toString());
        assertEquals("", unsub.out());
        assertEquals(List.of("ops@example.com"),
                values(json(AwsjRun.run(env, "sns", "list-subscriptions", "--topic-arn", arn)).get("Subscriptions"), "Endpoint"));

        assertEquals(0, AwsjRun.run(env, "sns", "delete-topic", "--topic-arn", arn).exitCode());
        assertEquals(0, AwsjRun.run(env, "sns", "delete-topic", "--topic-arn", other).exitCode());
        List<String> left = values(json(AwsjRun.run(env, "sns", "list-topics")).get("Topics"), "TopicArn");
        assertTrue(!left.contains(arn) && !left.contains(other), left.toString());
    }

    /** Runs {@code list-subscriptions} with {@code args}: exit 0 and only the members aws prints. */
    private static JsonNode subscriptions(Map<String, String> env, List<String> args, String... more) throws Exception {
        List<String> line = new ArrayList<>(List.of("sns", "list-subscriptions"));
        line.addAll(args);
        line.addAll(List.of(more));
        JsonNode out = json(AwsjRun.run(env, line.toArray(String[]::new)));
        List<String> members = new ArrayList<>();
        out.fieldNames().forEachRemaining(members::add);
        assertTrue(members.equals(List.of("Subscriptions")) || members.equals(List.of("Subscriptions", "NextToken")),
                line + " printed " + out);
        return out;
    }

    @Test
    void listSubscriptionsTakesMaxItemsAndStartingTokenAsListTopicsDoes() throws Exception {
        // A fauxqs of its own: list-subscriptions without --topic-arn sees every subscription there is.
        Map<String, String> env = AwsjRun.env(Emulators.startFauxqs(0));
        String arn = json(AwsjRun.run(env, "sns", "create-topic", "--name", "pages")).get("TopicArn").asText();
        String quiet = json(AwsjRun.run(env, "sns", "create-topic", "--name", "quiet")).get("TopicArn").asText();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(json(AwsjRun.run(env, "sns", "subscribe", "--topic-arn", arn, "--protocol", "email",
                    "--notification-endpoint", "reader" + i + "@example.com", "--return-subscription-arn"))
                    .get("SubscriptionArn").asText());
        }
        for (List<String> scope : List.of(List.<String>of(), List.of("--topic-arn", arn))) {
            List<String> all = values(subscriptions(env, scope).get("Subscriptions"), "SubscriptionArn");
            assertEquals(created.stream().sorted().toList(), all.stream().sorted().toList(), scope.toString());

            JsonNode first = subscriptions(env, scope, "--max-items", "5");
            assertEquals(5, first.get("Subscriptions").size(), first.toString());
            assertTrue(first.has("NextToken"), first.toString());
            JsonNode rest = subscriptions(env, scope, "--starting-token", first.get("NextToken").asText());
            assertEquals(2, rest.get("Subscriptions").size(), rest.toString());
            assertTrue(!rest.has("NextToken"), rest.toString());
            List<String> joined = new ArrayList<>(values(first.get("Subscriptions"), "SubscriptionArn"));
            joined.addAll(values(rest.get("Subscriptions"), "SubscriptionArn"));
            assertEquals(all, joined, "the two runs give every subscription once, in order");

            JsonNode exact = subscriptions(env, scope, "--max-items", "7");
            assertEquals(all, values(exact.get("Subscriptions"), "SubscriptionArn"));
            assertTrue(!exact.has("NextToken"), "nothing is left after the seventh: " + exact);
        }
        AwsjRun.Result none = AwsjRun.run(env, "sns", "list-subscriptions", "--topic-arn", quiet);
        assertEquals(0, none.exitCode(), none.toString());
        assertEquals("{\n    \"Subscriptions\": []\n}\n", none.out());

        AwsjRun.Result zero = AwsjRun.run(env, "sns", "list-subscriptions", "--max-items", "0");
        assertEquals(252, zero.exitCode(), zero.toString());
        assertEquals("", zero.out());
        assertEquals("Bad value for --max-items: 0 (give a whole number of 1 or more)", zero.err().lines().findFirst().orElse(""));
    }

    @Test
    void publishToAPhoneNumberSendsAnSmsRequest() throws Exception {
        WireMockServer wm = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        wm.start();
        try {
            // From the Publish API reference example.
            wm.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml")
                    .withBody("<PublishResponse xmlns=\"https://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult>"
                            + "<MessageId>567910cd-659e-55d4-8ccb-5aaf14679dc0</MessageId></PublishResult>"
                            + "<ResponseMetadata><RequestId>d74b8436-ae13-5ab4-a9ff-ce54dfea72a0</RequestId>"
                            + "</ResponseMetadata></PublishResponse>")));
            Map<String, String> env = AwsjRun.env(wm.baseUrl());
            AwsjRun.Result r = AwsjRun.run(env, "sns", "publish", "--phone-number", "+15558675309", "--message", "Hey there");
            assertEquals(0, r.exitCode(), r.toString());
            assertEquals("{\n    \"MessageId\": \"567910cd-659e-55d4-8ccb-5aaf14679dc0\"\n}\n", r.out());
            wm.verify(1, postRequestedFor(urlEqualTo("/")).withFormParam("Action", equalTo("Publish"))
                    .withFormParam("PhoneNumber", equalTo("+15558675309")).withFormParam("Message", equalTo("Hey there"))
                    .withFormParam("TopicArn", absent()));

            for (String bad : List.of("5558675309", "+05558675309", "+1 555 867 5309", "+1234567890123456", "+1")) {
                AwsjRun.Result refused = AwsjRun.run(env, "sns", "publish", "--phone-number", bad, "--message", "x");
                assertEquals(252, refused.exitCode(), bad);
                assertTrue(refused.err().startsWith("Invalid phone number \"" + bad + "\": use E.164 format"), refused.err());
            }
            AwsjRun.Result empty = AwsjRun.run(env, "sns", "publish", "--phone-number", "+15558675309", "--message", "");
            assertEquals(252, empty.exitCode());
            assertTrue(empty.err().startsWith("Empty text: the message"), empty.err());
            AwsjRun.Result missing = AwsjRun.run(env, "sns", "publish", "--phone-number", "+15558675309",
                    "--message-file", "/nonexistent/msg.txt");
            assertEquals(252, missing.exitCode());
            assertTrue(missing.err().startsWith("--message-file: no such file: /nonexistent/msg.txt"), missing.err());
            AwsjRun.Result viaJson = AwsjRun.run(env, "sns", "publish", "--cli-input-json",
                    "{\"PhoneNumber\":\"+15558675309\",\"Message\":\"from json\"}", "--message", "from the option");
            assertEquals(0, viaJson.exitCode(), viaJson.toString());
            wm.verify(postRequestedFor(urlEqualTo("/")).withFormParam("Message", equalTo("from the option")));
            AwsjRun.Result badJson = AwsjRun.run(env, "sns", "publish", "--cli-input-json",
                    "{\"PhoneNumber\":\"15558675309\",\"Message\":\"x\"}");
            assertEquals(252, badJson.exitCode(), "the E.164 check covers --cli-input-json too");
            AwsjRun.Result two = AwsjRun.run(env, "sns", "publish", "--phone-number", "+15558675309",
                    "--topic-arn", "arn:aws:sns:us-east-1:000000000000:t", "--message", "x");
            assertEquals(252, two.exitCode());
            wm.verify(2, postRequestedFor(urlEqualTo("/")));
        } finally {
            wm.stop();
        }
    }
}
