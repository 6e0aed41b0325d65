package dev.awsj.configure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.awsj.json.SdkJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A role profile with mfa_serial, STS played by WireMock. */
class MfaRoleTest {
    static final String SERIAL = "arn:aws:iam::123456789012:mfa/alice";
    static final String ROLE = "arn:aws:iam::123456789012:role/admin";
    static final String SOURCE_SECRET = "sourceSECRETsourceSECRETsourceSECRET1234";
    static final String ROLE_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY";
    static final String ROLE_TOKEN = "FwoGZXIvYXdzEXAMPLETOKENFwoGZXIvYXdzEXAMPLETOKEN";

    @TempDir
    Path home;
    WireMockServer sts;
    Map<String, String> env;
    Instant expiry;

    @BeforeEach
    void setUp() throws Exception {
        sts = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        sts.start();
        expiry = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        sts.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=AssumeRole"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody("""
                        <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                          <AssumeRoleResult>
                            <AssumedRoleUser>
                              <Arn>arn:aws:sts::123456789012:assumed-role/admin/awsj</Arn>
                              <AssumedRoleId>ARO123EXAMPLE123:awsj</AssumedRoleId>
                            </AssumedRoleUser>
                            <Credentials>
                              <SessionToken>%s</SessionToken>
                              <SecretAccessKey>%s</SecretAccessKey>
                              <Expiration>%s</Expiration>
                              <AccessKeyId>ASIAIOSFODNN7EXAMPLE</AccessKeyId>
                            </Credentials>
                            <PackedPolicySize>8</PackedPolicySize>
                          </AssumeRoleResult>
                          <ResponseMetadata>
                            <RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId>
                          </ResponseMetadata>
                        </AssumeRoleResponse>
                        """.formatted(ROLE_TOKEN, ROLE_SECRET, expiry))));
        env = Cli.env(home);
        env.put("AWS_ENDPOINT_URL_STS", sts.baseUrl());
        env.put("AWS_REGION", "us-east-1");
        Cli.write(home.resolve(".aws/config"), "[profile admin]\nrole_arn = " + ROLE + "\nsource_profile = base\n"
                + "mfa_serial = " + SERIAL + "\n");
        Cli.write(home.resolve(".aws/credentials"), "[base]\naws_access_key_id = AKIABASE\naws_secret_access_key = "
                + SOURCE_SECRET + "\n");
    }

    @AfterEach
    void tearDown() {
        sts.stop();
    }

    /** The file name aws gives: sha1 of json.dumps({"RoleArn": ..., "SerialNumber": ...}, sort_keys=True). */
    static String awsCacheKey() throws Exception {
        String json = "{\"RoleArn\": \"" + ROLE + "\", \"SerialNumber\": \"" + SERIAL + "\"}";
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(json.getBytes(StandardCharsets.UTF_8)));
    }

    private Path cacheFile() throws Exception {
        return home.resolve(".aws/cli/cache/" + awsCacheKey() + ".json");
    }

    @Test
    void asksForTheCodeAssumesTheRoleCachesAndReusesTheCredentials() throws Exception {
        env.put("AWSJ_FORCE_TTY", "1");
        Cli.Result r = Cli.run(env, "123456\n".getBytes(StandardCharsets.UTF_8),
                "configure", "export-credentials", "--profile", "admin", "--format", "env-no-export");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("Enter MFA code for " + SERIAL + ": ", r.err());
        assertEquals("AWS_ACCESS_KEY_ID=ASIAIOSFODNN7EXAMPLE\nAWS_SECRET_ACCESS_KEY=" + ROLE_SECRET + "\nAWS_SESSION_TOKEN="
                + ROLE_TOKEN + "\nAWS_CREDENTIAL_EXPIRATION="
                + DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx").format(expiry.atOffset(ZoneOffset.UTC)) + "\n", r.out());

        sts.verify(1, postRequestedFor(urlEqualTo("/"))
                .withRequestBody(containing("Action=AssumeRole"))
                .withRequestBody(containing("RoleArn=" + enc(ROLE)))
                .withRequestBody(containing("SerialNumber=" + enc(SERIAL)))
                .withRequestBody(containing("TokenCode=123456"))
                .withHeader("Authorization", containing("Credential=AKIABASE/")));

        Path cache = cacheFile();
        assertTrue(Files.isRegularFile(cache), "expected the aws cache file " + cache);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache.getParent())));
        JsonNode c = SdkJson.MAPPER.readTree(Files.readAllBytes(cache)).path("Credentials");
        assertEquals("ASIAIOSFODNN7EXAMPLE", c.path("AccessKeyId").asText());
        assertEquals(ROLE_SECRET, c.path("SecretAccessKey").asText());
        assertEquals(ROLE_TOKEN, c.path("SessionToken").asText());
        assertEquals(expiry.toString(), c.path("Expiration").asText());
        assertTrue(Cli.read(cache).startsWith("{\"Credentials\": {\"AccessKeyId\": \"ASIAIOSFODNN7EXAMPLE\", "), Cli.read(cache));

        // A second command, now without a terminal: the cache answers, STS is not called again.
        env.remove("AWSJ_FORCE_TTY");
        Cli.Result again = Cli.run(env, "configure", "export-credentials", "--profile", "admin", "--format", "env-no-export");
        assertEquals(0, again.exitCode(), again.err());
        assertEquals(r.out(), again.out());
        assertEquals("", again.err());
        sts.verify(1, postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void endpointUrlOfTheCommandIsNotUsedForSts() throws Exception {
        env.put("AWSJ_FORCE_TTY", "1");
        env.remove("AWS_REGION");
        Cli.Result r = Cli.run(env, "123456\n".getBytes(StandardCharsets.UTF_8), "--endpoint-url", "http://127.0.0.1:9",
                "configure", "export-credentials", "--profile", "admin", "--format", "env");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("export AWS_ACCESS_KEY_ID=ASIAIOSFODNN7EXAMPLE\n"), r.out());
        sts.verify(1, postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void withoutATerminalItFailsWith253AndSaysACodeIsNeeded() throws Exception {
        Cli.Result r = Cli.run(env, "123456\n".getBytes(StandardCharsets.UTF_8),
                "configure", "export-credentials", "--profile", "admin");
        assertEquals(253, r.exitCode());
        assertTrue(r.err().contains("needs an MFA code for " + SERIAL), r.err());
        assertEquals("", r.out());
        sts.verify(0, postRequestedFor(urlEqualTo("/")));
        assertFalse(Files.exists(home.resolve(".aws/cli")));
    }

    @Test
    void aCacheEntryWrittenByAwsIsReused() throws Exception {
        Cli.write(cacheFile(), "{\"Credentials\": {\"AccessKeyId\": \"ASIAFROMAWSCLI\", \"SecretAccessKey\": \"cliSecret\", "
                + "\"SessionToken\": \"cliToken\", \"Expiration\": \""
                + DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").format(expiry.atOffset(ZoneOffset.UTC)) + "UTC\"}, "
                + "\"AssumedRoleUser\": {\"AssumedRoleId\": \"ARO:botocore-session-1\", \"Arn\": \"arn\"}, "
                + "\"ResponseMetadata\": {\"RequestId\": \"x\", \"HTTPStatusCode\": 200}}");
        Cli.Result r = Cli.run(env, "configure", "export-credentials", "--profile", "admin", "--format", "env");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("export AWS_ACCESS_KEY_ID=ASIAFROMAWSCLI\n"), r.out());
        sts.verify(0, postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void anEntryAboutToExpireIsNotReused() throws Exception {
        Cli.write(cacheFile(), "{\"Credentials\": {\"AccessKeyId\": \"ASIAOLD\", \"SecretAccessKey\": \"s\", "
                + "\"SessionToken\": \"t\", \"Expiration\": \"" + Instant.now().plus(5, ChronoUnit.MINUTES) + "\"}}");
        env.put("AWSJ_FORCE_TTY", "1");
        Cli.Result r = Cli.run(env, "654321\n".getBytes(StandardCharsets.UTF_8),
                "configure", "export-credentials", "--profile", "admin", "--format", "env");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("export AWS_ACCESS_KEY_ID=ASIAIOSFODNN7EXAMPLE\n"), r.out());
        sts.verify(1, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("TokenCode=654321")));
    }

    @Test
    void debugOutputNeverShowsTheSecretsOrTheToken() throws Exception {
        env.put("AWSJ_FORCE_TTY", "1");
        Cli.Result r = Cli.run(env, "123456\n".getBytes(StandardCharsets.UTF_8),
                "--debug", "configure", "list", "--profile", "admin");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("debug: "), r.err());
        assertTrue(r.out().contains("access_key     ****************MPLE      assume-role"), r.out());
        for (String secret : new String[] {SOURCE_SECRET, ROLE_SECRET, ROLE_TOKEN}) {
            assertFalse(r.err().contains(secret), r.err());
            assertFalse(r.out().contains(secret), r.out());
        }
        // A failed AssumeRole (a wrong code) is reported with the service's message and no secrets.
        sts.resetAll();
        sts.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(403).withHeader("Content-Type", "text/xml")
                .withBody("<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type>"
                        + "<Code>AccessDenied</Code><Message>MultiFactorAuthentication failed with invalid MFA one time pass code.</Message>"
                        + "</Error><RequestId>r1</RequestId></ErrorResponse>")));
        Files.delete(cacheFile());
        Cli.Result bad = Cli.run(env, "000000\n".getBytes(StandardCharsets.UTF_8),
                "--debug", "configure", "export-credentials", "--profile", "admin");
        assertEquals(254, bad.exitCode(), bad.err());
        assertTrue(bad.err().contains("An error occurred (AccessDenied) when calling the AssumeRole operation: "
                + "MultiFactorAuthentication failed"), bad.err());
        assertFalse(bad.err().contains(SOURCE_SECRET), bad.err());
        assertEquals("", bad.out());
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
