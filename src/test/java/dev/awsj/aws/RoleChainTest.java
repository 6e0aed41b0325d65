package dev.awsj.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Role profiles without MFA go through awsj's own assume-role path: each hop of a source_profile
 * chain is assumed once and cached in aws's cache for the next process, with the profile's
 * arguments sent (duration_seconds, external_id, role_session_name), against a WireMock STS whose
 * answers follow the AssumeRole API reference.
 */
class RoleChainTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ONE = "arn:aws:iam::123456789012:role/One";
    private static final String TWO = "arn:aws:iam::210987654321:role/Two";
    private static WireMockServer sts;
    private Map<String, String> env;
    private Path home;

    @BeforeAll
    static void start() {
        sts = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        sts.start();
    }

    @AfterAll
    static void stop() {
        sts.stop();
    }

    private static String assumeRoleResponse(String keyId, String role) {
        return """
                <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                  <AssumeRoleResult>
                    <AssumedRoleUser>
                      <Arn>arn:aws:sts::123456789012:assumed-role/%s/s</Arn>
                      <AssumedRoleId>ARO123EXAMPLE123:s</AssumedRoleId>
                    </AssumedRoleUser>
                    <Credentials>
                      <SessionToken>token-%s</SessionToken>
                      <SecretAccessKey>secret-%s</SecretAccessKey>
                      <Expiration>%s</Expiration>
                      <AccessKeyId>%s</AccessKeyId>
                    </Credentials>
                  </AssumeRoleResult>
                  <ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>
                </AssumeRoleResponse>
                """.formatted(role, keyId, keyId, Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS), keyId);
    }

    @BeforeEach
    void setUp() throws Exception {
        sts.resetAll();
        sts.stubFor(post(urlEqualTo("/")).withRequestBody(containing("RoleArn=" + enc(ONE)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(assumeRoleResponse("ASIAONE", "One"))));
        sts.stubFor(post(urlEqualTo("/")).withRequestBody(containing("RoleArn=" + enc(TWO)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(assumeRoleResponse("ASIATWO", "Two"))));
        env = AwsjRun.env(null);
        env.put("AWS_ENDPOINT_URL_STS", sts.baseUrl());
        home = Path.of(env.get("HOME"));
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(Path.of(env.get("AWS_SHARED_CREDENTIALS_FILE")), "[base]\naws_access_key_id = AKIABASE\n"
                + "aws_secret_access_key = base-secret\n");
        Files.writeString(Path.of(env.get("AWS_CONFIG_FILE")), "[profile one]\nrole_arn = " + ONE + "\nsource_profile = base\n"
                + "external_id = ext-1\n\n[profile two]\nrole_arn = " + TWO + "\nsource_profile = one\n"
                + "duration_seconds = 1800\nrole_session_name = build\n");
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String sha1(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aTwoHopChainAssumesEachRoleOnceAcrossTwoProcessesAndSendsTheProfileArguments() throws Exception {
        for (int i = 0; i < 2; i++) {
            // --endpoint-url is the command's service's, not STS's: STS stays at AWS_ENDPOINT_URL_STS.
            AwsjRun.Result r = AwsjRun.run(env, "configure", "export-credentials", "--profile", "two",
                    "--endpoint-url", "http://127.0.0.1:9");
            assertEquals(0, r.exitCode(), r.toString());
            JsonNode c = JSON.readTree(r.out());
            assertEquals("ASIATWO", c.get("AccessKeyId").asText());
            assertEquals("token-ASIATWO", c.get("SessionToken").asText());
        }
        sts.verify(2, postRequestedFor(urlEqualTo("/")));
        // Hop one: signed with the base keys, its external id sent, a generated session name.
        sts.verify(1, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("RoleArn=" + enc(ONE)))
                .withRequestBody(containing("ExternalId=ext-1")).withRequestBody(containing("RoleSessionName=awsj-session-"))
                .withHeader("Authorization", containing("Credential=AKIABASE/")));
        // Hop two: signed with hop one's credentials, with its duration and session name.
        sts.verify(1, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("RoleArn=" + enc(TWO)))
                .withRequestBody(containing("DurationSeconds=1800")).withRequestBody(containing("RoleSessionName=build"))
                .withHeader("Authorization", containing("Credential=ASIAONE/")).withHeader("X-Amz-Security-Token", containing("token-ASIAONE")));
        sts.verify(0, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("TokenCode")));

        // Each hop's entry under aws's name: sha1 of json.dumps(args, sort_keys=True), no generated session name.
        Path cache = home.resolve(".aws/cli/cache");
        JsonNode two = JSON.readTree(cache.resolve(sha1("{\"DurationSeconds\": 1800, \"RoleArn\": \"" + TWO
                + "\", \"RoleSessionName\": \"build\"}") + ".json").toFile());
        assertEquals("ASIATWO", two.at("/Credentials/AccessKeyId").asText());
        JsonNode one = JSON.readTree(cache.resolve(sha1("{\"ExternalId\": \"ext-1\", \"RoleArn\": \"" + ONE + "\"}") + ".json").toFile());
        assertEquals("ASIAONE", one.at("/Credentials/AccessKeyId").asText());
        assertTrue(one.at("/Credentials/Expiration").asText().endsWith("Z"), one.toString());
    }

    @Test
    void anEntryAwsWroteForTheFirstHopIsReused() throws Exception {
        Path cache = Files.createDirectories(home.resolve(".aws/cli/cache"));
        Files.writeString(cache.resolve(sha1("{\"ExternalId\": \"ext-1\", \"RoleArn\": \"" + ONE + "\"}") + ".json"),
                "{\"Credentials\": {\"AccessKeyId\": \"ASIAFROMAWS\", \"SecretAccessKey\": \"s\", \"SessionToken\": \"t\", "
                        + "\"Expiration\": \"" + Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS)
                        + "\"}, \"AssumedRoleUser\": {\"AssumedRoleId\": \"A:s\", \"Arn\": \"arn\"}, \"ResponseMetadata\": {}}");
        AwsjRun.Result r = AwsjRun.run(env, "configure", "export-credentials", "--profile", "two");
        assertEquals(0, r.exitCode(), r.toString());
        sts.verify(1, postRequestedFor(urlEqualTo("/")));
        sts.verify(1, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("RoleArn=" + enc(TWO)))
                .withHeader("Authorization", containing("Credential=ASIAFROMAWS/")));
        sts.verify(0, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("RoleArn=" + enc(ONE))));
    }

    @Test
    void aCycleOfSourceProfilesIsExit253() throws Exception {
        Files.writeString(Path.of(env.get("AWS_CONFIG_FILE")), "[profile a]\nrole_arn = " + ONE + "\nsource_profile = b\n\n"
                + "[profile b]\nrole_arn = " + TWO + "\nsource_profile = a\n");
        AwsjRun.Result r = AwsjRun.run(env, "configure", "export-credentials", "--profile", "a");
        assertEquals(253, r.exitCode(), r.toString());
        assertTrue(r.err().contains("a -> b -> a"), r.err());
        sts.verify(0, postRequestedFor(urlEqualTo("/")));
    }
}
