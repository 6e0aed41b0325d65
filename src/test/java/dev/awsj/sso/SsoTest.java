package dev.awsj.sso;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
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
 * SSO end to end against a WireMock SSO OIDC service and portal (shaped as their API references):
 * login by device authorization writes aws's token file, later commands reuse it and cache the role
 * credentials in aws's form, an expiring token is refreshed once, a missing one is exit 253 with
 * the login hint.
 */
class SsoTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String START_URL = "https://corp.awsapps.com/start";
    private static WireMockServer wm;
    private Map<String, String> env;
    private Path home;

    @BeforeAll
    static void start() {
        wm = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        wm.start();
    }

    @AfterAll
    static void stop() {
        wm.stop();
    }

    @BeforeEach
    void setUp() throws Exception {
        wm.resetAll();
        env = AwsjRun.env(null);
        env.put("AWS_ENDPOINT_URL_SSO", wm.baseUrl());
        env.put("AWS_ENDPOINT_URL_SSO_OIDC", wm.baseUrl());
        home = Path.of(env.get("HOME"));
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(Path.of(env.get("AWS_CONFIG_FILE")), """
                [profile dev]
                sso_session = corp
                sso_account_id = 111122223333
                sso_role_name = Reader
                region = eu-west-1

                [profile legacy]
                sso_start_url = %s
                sso_region = us-east-1
                sso_account_id = 111122223333
                sso_role_name = Reader

                [sso-session corp]
                sso_start_url = %s
                sso_region = us-east-1
                """.formatted(START_URL, START_URL));
        wm.stubFor(post(urlEqualTo("/client/register")).willReturn(json(200, "{\"clientId\":\"client-1\",\"clientSecret\":\"secret-1\","
                + "\"clientIdIssuedAt\":" + Instant.now().getEpochSecond() + ",\"clientSecretExpiresAt\":"
                + Instant.now().plus(90, ChronoUnit.DAYS).getEpochSecond() + "}")));
        wm.stubFor(post(urlEqualTo("/device_authorization")).willReturn(json(200, "{\"deviceCode\":\"device-1\","
                + "\"userCode\":\"ABCD-EFGH\",\"verificationUri\":\"https://device.sso.us-east-1.amazonaws.com/\","
                + "\"verificationUriComplete\":\"https://device.sso.us-east-1.amazonaws.com/?user_code=ABCD-EFGH\","
                + "\"expiresIn\":600,\"interval\":1}")));
        wm.stubFor(get(urlPathEqualTo("/federation/credentials")).willReturn(json(200, "{\"roleCredentials\":{"
                + "\"accessKeyId\":\"ASIASSOROLE\",\"secretAccessKey\":\"sso-secret\",\"sessionToken\":\"sso-session-token\","
                + "\"expiration\":" + Instant.now().plus(1, ChronoUnit.HOURS).toEpochMilli() + "}}")));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private Path tokenFile(String keySource) {
        return home.resolve(".aws/sso/cache/" + sha1(keySource) + ".json");
    }

    private static String sha1(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void loginWritesAwsTokenFileAndLaterCommandsReuseItAndTheRoleCredentials() throws Exception {
        // The first CreateToken finds the sign-in not yet approved; the next one gets the token.
        wm.stubFor(post(urlEqualTo("/token")).inScenario("approve").whenScenarioStateIs(Scenario.STARTED)
                .withRequestBody(matchingJsonPath("$.grantType", equalTo("urn:ietf:params:oauth:grant-type:device_code")))
                .willReturn(json(400, "{\"error\":\"authorization_pending\",\"error_description\":\"pending\"}")
                        .withHeader("x-amzn-ErrorType", "AuthorizationPendingException"))
                .willSetStateTo("approved"));
        wm.stubFor(post(urlEqualTo("/token")).inScenario("approve").whenScenarioStateIs("approved")
                .withRequestBody(matchingJsonPath("$.deviceCode", equalTo("device-1")))
                .willReturn(json(200, "{\"accessToken\":\"access-1\",\"tokenType\":\"Bearer\",\"expiresIn\":28800,"
                        + "\"refreshToken\":\"refresh-1\"}")));

        AwsjRun.Result login = AwsjRun.run(env, "sso", "login", "--profile", "dev", "--no-browser");
        assertEquals(0, login.exitCode(), login.toString());
        assertTrue(login.err().contains("https://device.sso.us-east-1.amazonaws.com/\n\nThen enter the code:\n\nABCD-EFGH\n"), login.err());
        assertEquals("Successfully logged into Start URL: " + START_URL + "\n", login.out());
        wm.verify(2, postRequestedFor(urlEqualTo("/token")));

        // aws's file name (sha1 of the session name) and fields.
        JsonNode token = JSON.readTree(tokenFile("corp").toFile());
        assertEquals(START_URL, token.get("startUrl").asText());
        assertEquals("us-east-1", token.get("region").asText());
        assertEquals("access-1", token.get("accessToken").asText());
        assertEquals("refresh-1", token.get("refreshToken").asText());
        assertEquals("client-1", token.get("clientId").asText());
        assertEquals("secret-1", token.get("clientSecret").asText());
        assertTrue(token.get("expiresAt").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), token.toString());
        assertTrue(token.get("registrationExpiresAt").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), token.toString());

        // Two later processes: the role credentials are fetched once with the token, then cached as aws caches them.
        for (int i = 0; i < 2; i++) {
            AwsjRun.Result creds = AwsjRun.run(env, "configure", "export-credentials", "--profile", "dev");
            assertEquals(0, creds.exitCode(), creds.toString());
            assertEquals("ASIASSOROLE", JSON.readTree(creds.out()).get("AccessKeyId").asText());
        }
        wm.verify(1, getRequestedFor(urlPathEqualTo("/federation/credentials"))
                .withQueryParam("role_name", equalTo("Reader")).withQueryParam("account_id", equalTo("111122223333"))
                .withHeader("x-amz-sso_bearer_token", equalTo("access-1")));
        Path cached = home.resolve(".aws/cli/cache/"
                + sha1("{\"accountId\":\"111122223333\",\"roleName\":\"Reader\",\"sessionName\":\"corp\"}") + ".json");
        JsonNode entry = JSON.readTree(cached.toFile());
        assertEquals("sso", entry.get("ProviderType").asText());
        assertEquals("sso-session-token", entry.at("/Credentials/SessionToken").asText());
        wm.verify(2, postRequestedFor(urlEqualTo("/token")));
    }

    @Test
    void anExpiringTokenIsRefreshedOnceWithItsRefreshToken() throws Exception {
        wm.stubFor(post(urlEqualTo("/token")).withRequestBody(matchingJsonPath("$.grantType", equalTo("refresh_token")))
                .withRequestBody(matchingJsonPath("$.refreshToken", equalTo("refresh-old")))
                .willReturn(json(200, "{\"accessToken\":\"access-new\",\"tokenType\":\"Bearer\",\"expiresIn\":28800,"
                        + "\"refreshToken\":\"refresh-new\"}")));
        // As aws sso login leaves it, an hour after the token expired.
        Files.createDirectories(tokenFile("corp").getParent());
        Files.writeString(tokenFile("corp"), "{\"startUrl\": \"" + START_URL + "\", \"region\": \"us-east-1\", "
                + "\"accessToken\": \"access-old\", \"expiresAt\": \"" + Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS)
                + "\", \"clientId\": \"client-1\", \"clientSecret\": \"secret-1\", \"registrationExpiresAt\": \""
                + Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS) + "\", \"refreshToken\": \"refresh-old\"}");

        AwsjRun.Result first = AwsjRun.run(env, "configure", "export-credentials", "--profile", "dev");
        assertEquals(0, first.exitCode(), first.toString());
        JsonNode token = JSON.readTree(tokenFile("corp").toFile());
        assertEquals("access-new", token.get("accessToken").asText());
        assertEquals("refresh-new", token.get("refreshToken").asText());
        assertTrue(Instant.parse(token.get("expiresAt").asText()).isAfter(Instant.now().plus(7, ChronoUnit.HOURS)));
        // The role credentials gone from the cache: the next process fetches them with the refreshed token, no new refresh.
        deleteTree(home.resolve(".aws/cli/cache"));
        AwsjRun.Result second = AwsjRun.run(env, "configure", "export-credentials", "--profile", "dev");
        assertEquals(0, second.exitCode(), second.toString());
        wm.verify(1, postRequestedFor(urlEqualTo("/token")));
        wm.verify(2, getRequestedFor(urlPathEqualTo("/federation/credentials")).withHeader("x-amz-sso_bearer_token", equalTo("access-new")));
    }

    @Test
    void aMissingOrExpiredTokenIsExit253WithTheLoginHint() throws Exception {
        AwsjRun.Result r = AwsjRun.run(env, "configure", "export-credentials", "--profile", "dev");
        assertEquals(253, r.exitCode(), r.toString());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertEquals("There is no SSO token for corp: run \"awsj sso login --profile dev\" to sign in.", r.err().strip());

        // Expired, and the refresh is refused: the same hint, after one attempt.
        wm.stubFor(post(urlEqualTo("/token")).willReturn(json(400, "{\"error\":\"invalid_grant\"}")
                .withHeader("x-amzn-ErrorType", "InvalidGrantException")));
        Files.createDirectories(tokenFile("corp").getParent());
        Files.writeString(tokenFile("corp"), "{\"startUrl\": \"" + START_URL + "\", \"region\": \"us-east-1\", "
                + "\"accessToken\": \"access-old\", \"expiresAt\": \"2020-01-01T00:00:00Z\", \"clientId\": \"client-1\", "
                + "\"clientSecret\": \"secret-1\", \"registrationExpiresAt\": \"2099-01-01T00:00:00Z\", \"refreshToken\": \"r\"}");
        AwsjRun.Result expired = AwsjRun.run(env, "configure", "export-credentials", "--profile", "dev");
        assertEquals(253, expired.exitCode(), expired.toString());
        assertEquals("The SSO token for corp has expired and could not be refreshed: run \"awsj sso login --profile dev\""
                + " to sign in again.", expired.err().strip());
        wm.verify(1, postRequestedFor(urlEqualTo("/token")));
        wm.verify(0, getRequestedFor(urlPathEqualTo("/federation/credentials")));
    }

    @Test
    void aLegacyProfileUsesTheTokenFileNamedAfterItsStartUrlAndLogoutDeletesWhatAwsDeletes() throws Exception {
        // Written as aws 2 writes a legacy login: no refresh fields.
        Files.createDirectories(tokenFile(START_URL).getParent());
        Files.writeString(tokenFile(START_URL), "{\"startUrl\": \"" + START_URL + "\", \"region\": \"us-east-1\", "
                + "\"accessToken\": \"legacy-token\", \"expiresAt\": \"" + Instant.now().plus(2, ChronoUnit.HOURS)
                        .truncatedTo(ChronoUnit.SECONDS).toString().replace("Z", "UTC") + "\"}");
        AwsjRun.Result r = AwsjRun.run(env, "configure", "export-credentials", "--profile", "legacy");
        assertEquals(0, r.exitCode(), r.toString());
        wm.verify(1, getRequestedFor(urlPathEqualTo("/federation/credentials")).withHeader("x-amz-sso_bearer_token", equalTo("legacy-token")));
        Path roleEntry = home.resolve(".aws/cli/cache/"
                + sha1("{\"accountId\":\"111122223333\",\"roleName\":\"Reader\",\"startUrl\":\"" + START_URL + "\"}") + ".json");
        assertTrue(Files.exists(roleEntry));
        Path assumeRoleEntry = home.resolve(".aws/cli/cache/other.json");
        Files.writeString(assumeRoleEntry, "{\"Credentials\": {\"AccessKeyId\": \"A\"}}");

        wm.stubFor(post(urlEqualTo("/logout")).willReturn(aResponse().withStatus(200)));
        AwsjRun.Result logout = AwsjRun.run(env, "sso", "logout");
        assertEquals(0, logout.exitCode(), logout.toString());
        wm.verify(1, postRequestedFor(urlEqualTo("/logout")).withHeader("x-amz-sso_bearer_token", equalTo("legacy-token")));
        assertFalse(Files.exists(tokenFile(START_URL)));
        assertFalse(Files.exists(roleEntry));
        assertTrue(Files.exists(assumeRoleEntry), "assumed-role credentials stay, as with aws");
    }

    @Test
    void configureSsoAsksAwsQuestionsSignsInAndWritesTheProfileAndTheSession() throws Exception {
        wm.stubFor(post(urlEqualTo("/token")).willReturn(json(200, "{\"accessToken\":\"access-c\",\"tokenType\":\"Bearer\","
                + "\"expiresIn\":28800,\"refreshToken\":\"refresh-c\"}")));
        wm.stubFor(get(urlPathEqualTo("/assignment/accounts")).willReturn(json(200, "{\"accountList\":["
                + "{\"accountId\":\"111122223333\",\"accountName\":\"Dev\",\"emailAddress\":\"dev@example.com\"},"
                + "{\"accountId\":\"444455556666\",\"accountName\":\"Prod\",\"emailAddress\":\"prod@example.com\"}]}")));
        wm.stubFor(get(urlPathEqualTo("/assignment/roles")).willReturn(json(200,
                "{\"roleList\":[{\"roleName\":\"Admin\",\"accountId\":\"444455556666\"}]}")));
        String answers = "team\nhttps://team.awsapps.com/start\neu-west-1\n\n2\neu-central-1\njson\n\n";
        AwsjRun.Result r = AwsjRun.run(env, answers.getBytes(StandardCharsets.UTF_8), "configure", "sso", "--no-browser");
        assertEquals(0, r.exitCode(), r.toString());
        for (String prompt : new String[] {"SSO session name (Recommended): ", "SSO start URL [None]: ", "SSO region [None]: ",
            "SSO registration scopes [sso:account:access]: ", "CLI default client Region [None]: ",
            "CLI default output format [None]: ", "CLI profile name [Admin-444455556666]: "}) {
            assertTrue(r.err().contains(prompt), prompt + " in " + r.err());
        }
        assertTrue(r.out().contains("There are 2 AWS accounts available to you.\nUsing the account ID 444455556666\n"
                + "The only role available to you is: Admin\nUsing the role name \"Admin\"\n"), r.out());
        assertTrue(r.out().endsWith("awsj s3 ls --profile Admin-444455556666\n"), r.out());
        wm.verify(getRequestedFor(urlPathEqualTo("/assignment/roles")).withQueryParam("account_id", equalTo("444455556666"))
                .withHeader("x-amz-sso_bearer_token", equalTo("access-c")));
        String config = Files.readString(Path.of(env.get("AWS_CONFIG_FILE")));
        assertTrue(config.contains("[profile Admin-444455556666]\nsso_session = team\nsso_account_id = 444455556666\n"
                + "sso_role_name = Admin\nregion = eu-central-1\noutput = json\n"), config);
        assertTrue(config.contains("[sso-session team]\nsso_start_url = https://team.awsapps.com/start\nsso_region = eu-west-1\n"
                + "sso_registration_scopes = sso:account:access\n"), config);
        assertTrue(Files.exists(tokenFile("team")));

        // The new profile works at once: its role credentials come with the token just cached.
        AwsjRun.Result creds = AwsjRun.run(env, "configure", "export-credentials", "--profile", "Admin-444455556666");
        assertEquals(0, creds.exitCode(), creds.toString());
        wm.verify(getRequestedFor(urlPathEqualTo("/federation/credentials")).withQueryParam("role_name", equalTo("Admin"))
                .withHeader("x-amz-sso_bearer_token", equalTo("access-c")));
    }

    private static void deleteTree(Path p) throws Exception {
        try (var files = Files.walk(p)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
