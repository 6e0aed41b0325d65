package dev.awsj.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.awsj.testing.AwsjRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The AWS CLI uses the credentials awsj cached: after awsj assumed a role chain or fetched SSO role
 * credentials, {@code aws configure export-credentials} with the same profile prints them without
 * a call of its own (this aws cannot reach the stubs: a cache miss would fail). Runs where the AWS
 * CLI is installed ({@code /usr/bin/aws}, or {@code AWSJ_COMPAT_AWS}).
 */
class AwsCliSharesCredentialCachesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static String aws;
    private static WireMockServer wm;
    private Map<String, String> env;
    private Path home;

    @BeforeAll
    static void start() {
        String configured = System.getenv("AWSJ_COMPAT_AWS");
        aws = configured != null ? configured : "/usr/bin/aws";
        if (!Files.isExecutable(Path.of(aws))) {
            System.err.println("AwsCliSharesCredentialCachesTest skipped: no AWS CLI at " + aws);
        }
        Assumptions.assumeTrue(Files.isExecutable(Path.of(aws)), "no AWS CLI at " + aws);
        wm = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        wm.start();
    }

    @AfterAll
    static void stop() {
        if (wm != null) {
            wm.stop();
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        wm.resetAll();
        Instant expiry = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        wm.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody("""
                <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                  <AssumeRoleResult>
                    <AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role/Ops/s</Arn><AssumedRoleId>ARO1:s</AssumedRoleId></AssumedRoleUser>
                    <Credentials><SessionToken>role-token</SessionToken><SecretAccessKey>role-secret</SecretAccessKey>
                      <Expiration>%s</Expiration><AccessKeyId>ASIAROLE</AccessKeyId></Credentials>
                  </AssumeRoleResult>
                  <ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>
                </AssumeRoleResponse>
                """.formatted(expiry))));
        wm.stubFor(get(urlPathEqualTo("/federation/credentials")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"roleCredentials\":{\"accessKeyId\":\"ASIASSO\","
                        + "\"secretAccessKey\":\"sso-secret\",\"sessionToken\":\"sso-token\",\"expiration\":" + expiry.toEpochMilli() + "}}")));
        env = AwsjRun.env(null);
        env.remove("AWS_ACCESS_KEY_ID");
        env.remove("AWS_SECRET_ACCESS_KEY");
        env.put("AWS_ENDPOINT_URL_STS", wm.baseUrl());
        env.put("AWS_ENDPOINT_URL_SSO", wm.baseUrl());
        home = Path.of(env.get("HOME"));
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(Path.of(env.get("AWS_SHARED_CREDENTIALS_FILE")), "[base]\naws_access_key_id = AKIABASE\n"
                + "aws_secret_access_key = base-secret\n");
        Files.writeString(Path.of(env.get("AWS_CONFIG_FILE")), """
                [profile ops]
                role_arn = arn:aws:iam::123456789012:role/Ops
                source_profile = base
                duration_seconds = 1800

                [profile dev]
                sso_session = corp
                sso_account_id = 111122223333
                sso_role_name = Reader

                [sso-session corp]
                sso_start_url = https://corp.awsapps.com/start
                sso_region = us-east-1
                """);
    }

    private JsonNode awsExport(String profile) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(aws, "configure", "export-credentials", "--profile", profile);
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        pb.environment().put("AWS_PAGER", "");
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue(), "aws configure export-credentials --profile " + profile + ": " + err);
        return JSON.readTree(out);
    }

    @Test
    void awsUsesTheRoleCredentialsAwsjCached() throws Exception {
        AwsjRun.Result r = AwsjRun.run(env, "configure", "export-credentials", "--profile", "ops");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("ASIAROLE", awsExport("ops").get("AccessKeyId").asText());
        wm.verify(1, postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void awsUsesTheSsoRoleCredentialsAwsjCached() throws Exception {
        Path token = home.resolve(".aws/sso/cache/" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                .digest("corp".getBytes(StandardCharsets.UTF_8))) + ".json");
        Files.createDirectories(token.getParent());
        Files.writeString(token, "{\"startUrl\": \"https://corp.awsapps.com/start\", \"region\": \"us-east-1\", "
                + "\"accessToken\": \"access-1\", \"expiresAt\": \"" + Instant.now().plus(8, ChronoUnit.HOURS)
                        .truncatedTo(ChronoUnit.SECONDS) + "\"}");
        AwsjRun.Result r = AwsjRun.run(env, "configure", "export-credentials", "--profile", "dev");
        assertEquals(0, r.exitCode(), r.toString());
        JsonNode c = awsExport("dev");
        assertEquals("ASIASSO", c.get("AccessKeyId").asText());
        assertEquals("sso-token", c.get("SessionToken").asText());
    }
}
