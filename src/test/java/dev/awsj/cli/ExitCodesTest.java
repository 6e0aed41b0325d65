package dev.awsj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.awsj.testing.AwsjRun;
import dev.awsj.testing.AwsjRun.Result;
import dev.awsj.testing.Emulators;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

/** Every exit code of docs/exit-codes.md that an in-process run can provoke (130 is in LauncherIT). */
class ExitCodesTest {

    private static void assertOneLine(Result r) {
        assertEquals(1, r.err().strip().lines().count(), "one line on stderr: " + r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test
    void success0() {
        Result r = AwsjRun.run(AwsjRun.env(Emulators.fauxqsEndpoint()), "sns", "list-topics");
        assertEquals(0, r.exitCode(), r.toString());
    }

    @Test
    void unknownServiceCommandOrOptionIs252WithSuggestion() {
        Map<String, String> env = AwsjRun.env(null);
        Result op = AwsjRun.run(env, "sns", "list-topic");
        assertEquals(252, op.exitCode(), op.toString());
        assertTrue(op.err().contains("Did you mean: sns list-topics"), op.err());
        assertTrue(op.err().contains("try 'awsj sns --help'"), op.err());

        Result opt = AwsjRun.run(env, "sns", "list-topics", "--next-tokn", "x");
        assertEquals(252, opt.exitCode(), opt.toString());
        assertTrue(opt.err().contains("--next-token"), opt.err());

        Result svc = AwsjRun.run(env, "snss", "list-topics");
        assertEquals(252, svc.exitCode(), svc.toString());
        assertTrue(svc.err().contains("sns"), svc.err());

        Result none = AwsjRun.run(env);
        assertEquals(252, none.exitCode(), none.toString());
    }

    @Test
    void badValuesAre252() {
        Map<String, String> env = AwsjRun.env("http://127.0.0.1:9");
        Result num = AwsjRun.run(env, "s3api", "list-objects-v2", "--bucket", "b", "--max-keys", "ten");
        assertEquals(252, num.exitCode(), num.toString());
        // One line naming the problem, then the usage hint.
        assertEquals(2, num.err().strip().lines().count(), num.err());
        assertTrue(num.err().lines().skip(1).findFirst().orElse("").startsWith("Try 'awsj help'"), num.err());
        assertTrue(num.err().contains("--max-keys") && num.err().contains("\"ten\" is not a valid integer"), num.err());

        Result json = AwsjRun.run(env, "sns", "set-topic-attributes", "--cli-input-json", "{oops");
        assertEquals(252, json.exitCode(), json.toString());
        assertTrue(json.err().startsWith("Invalid JSON for --cli-input-json"), json.err());

        Result file = AwsjRun.run(env, "sns", "publish", "--message", "file:///no/such/file", "--topic-arn", "a");
        assertEquals(252, file.exitCode(), file.toString());
        assertTrue(file.err().contains("Unable to load paramfile file:///no/such/file: no such file"), file.err());

        Result output = AwsjRun.run(env, "sns", "list-topics", "--output", "xml");
        assertEquals(252, output.exitCode(), output.toString());
        assertFalse(output.err().contains("Exception") || output.err().contains("\tat "), output.err());
        assertTrue(output.err().startsWith("Bad value for --output: \"xml\""), output.err());

        Result color = AwsjRun.run(env, "sns", "list-topics", "--color", "purple");
        assertEquals(252, color.exitCode(), color.toString());
        assertTrue(color.err().startsWith("Bad value for --color: \"purple\""), color.err());

        Result query = AwsjRun.run(env, "sns", "list-topics", "--query", "Topics[");
        assertEquals(252, query.exitCode(), query.toString());
        assertTrue(query.err().startsWith("Bad value for --query"), query.err());
        assertFalse(query.err().contains("Exception") || query.err().contains("\tat "), query.err());

        Result endpoint = AwsjRun.run(env, "sns", "list-topics", "--endpoint-url", "localhost:4566");
        assertEquals(252, endpoint.exitCode(), endpoint.toString());

        // A value the SDK itself refuses before sending anything.
        Result bucket = AwsjRun.run(env, "s3", "mb", "s3://bb");
        assertEquals(252, bucket.exitCode(), bucket.toString());
        assertTrue(bucket.err().startsWith("Bad value: Bucket name should be between 3 and 63 characters long"), bucket.err());
    }

    @Test
    void noRegionIs253AtOnce() {
        Map<String, String> env = AwsjRun.env("http://127.0.0.1:9");
        env.remove("AWS_REGION");
        Result r = AwsjRun.run(env, "sns", "list-topics");
        assertEquals(253, r.exitCode(), r.toString());
        assertOneLine(r);
        assertTrue(r.err().startsWith("You must specify a region."), r.err());

        env.put("AWS_DEFAULT_REGION", "eu-west-1");
        Result withDefault = AwsjRun.run(env, "sns", "list-topics", "--cli-connect-timeout", "1");
        assertEquals(255, withDefault.exitCode(), "AWS_DEFAULT_REGION is honoured: " + withDefault);
    }

    @Test
    void noCredentialsIs253() {
        Map<String, String> env = AwsjRun.env("http://127.0.0.1:9");
        env.remove("AWS_ACCESS_KEY_ID");
        env.remove("AWS_SECRET_ACCESS_KEY");
        Result r = AwsjRun.run(env, "sns", "list-topics");
        assertEquals(253, r.exitCode(), r.toString());
        assertOneLine(r);
        assertTrue(r.err().startsWith("Unable to locate credentials."), r.err());
    }

    @Test
    void missingProfileAndMalformedConfigAre253() throws Exception {
        Map<String, String> env = AwsjRun.env("http://127.0.0.1:9");
        Result missing = AwsjRun.run(env, "sns", "list-topics", "--profile", "nosuch");
        assertEquals(253, missing.exitCode(), missing.toString());
        assertEquals("The config profile (nosuch) could not be found\n", missing.err());

        Path config = Path.of(env.get("AWS_CONFIG_FILE"));
        Files.createDirectories(config.getParent());
        Files.writeString(config, "[profile broken\nregion = us-east-1\n");
        env.remove("AWS_REGION");
        Result broken = AwsjRun.run(env, "sns", "list-topics");
        assertEquals(253, broken.exitCode(), broken.toString());
        assertTrue(broken.err().contains(config.toString()), broken.err());
    }

    @Test
    void profileSuppliesRegionAndCredentials() throws Exception {
        Map<String, String> env = AwsjRun.env(Emulators.fauxqsEndpoint());
        env.remove("AWS_REGION");
        env.remove("AWS_ACCESS_KEY_ID");
        env.remove("AWS_SECRET_ACCESS_KEY");
        Path config = Path.of(env.get("AWS_CONFIG_FILE"));
        Files.createDirectories(config.getParent());
        Files.writeString(config, "[profile dev]\nregion = eu-central-1\noutput = text\n");
        Files.writeString(Path.of(env.get("AWS_SHARED_CREDENTIALS_FILE")), "[dev]\naws_access_key_id = AKIDEV\n"
                + "aws_secret_access_key = devsecret\n");
        env.put("AWS_PROFILE", "dev");
        Result r = AwsjRun.run(env, "sns", "create-topic", "--name", "profiled");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().startsWith("arn:aws:sns:eu-central-1:"), "region and text output come from the profile: " + r.out());
    }

    @Test
    void serviceErrorIs254() {
        Result r = AwsjRun.run(AwsjRun.env(Emulators.fauxqsEndpoint()), "sns", "get-topic-attributes",
                "--topic-arn", "arn:aws:sns:us-east-1:000000000000:missing");
        assertEquals(254, r.exitCode(), r.toString());
        assertOneLine(r);
        assertTrue(r.err().startsWith("An error occurred (NotFound) when calling the GetTopicAttributes operation:"), r.err());
    }

    @Test
    void connectionRefusedIs255NamingTheEndpoint() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Map<String, String> env = AwsjRun.env("http://127.0.0.1:" + port);
        env.put("AWS_MAX_ATTEMPTS", "1");
        Result r = AwsjRun.run(env, "sns", "list-topics");
        assertEquals(255, r.exitCode(), r.toString());
        assertOneLine(r);
        assertTrue(r.err().startsWith("Could not connect to the endpoint URL: \"http://127.0.0.1:" + port), r.err());
    }

    @Test
    void retriesFollowAwsMaxAttempts() {
        WireMockServer wm = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        wm.start();
        try {
            wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503).withBody("busy")));
            Map<String, String> env = AwsjRun.env("http://127.0.0.1:" + wm.port());
            env.put("AWS_MAX_ATTEMPTS", "2");
            Result r = AwsjRun.run(env, "sns", "list-topics");
            assertEquals(254, r.exitCode(), r.toString());
            assertEquals(2, wm.getAllServeEvents().size(), "AWS_MAX_ATTEMPTS=2 makes two attempts");
        } finally {
            wm.stop();
        }
    }

    @Test
    void debugShowsRequestsButNoSecrets() {
        Map<String, String> env = AwsjRun.env(Emulators.fauxqsEndpoint());
        env.put("AWS_ACCESS_KEY_ID", "AKIAEXAMPLEKEY123456");
        env.put("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY");
        env.put("AWS_SESSION_TOKEN", "FwoGZXIvYXdzEXAMPLESESSIONTOKEN");
        Result r = AwsjRun.run(env, "sns", "list-topics", "--debug");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.err().contains("debug: Sns.ListTopics request: POST"), r.err());
        assertTrue(r.err().contains("Authorization: <redacted>"), r.err());
        assertFalse(r.err().contains("wJalrXUtnFEMI"), "secret key never printed");
        assertFalse(r.err().contains("FwoGZXIvYXdzEXAMPLESESSIONTOKEN"), "session token never printed");
        assertFalse(r.out().contains("debug:"), "stdout carries only the result");
    }
}
