package dev.awsj.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.awsj.testing.AwsjRun;
import dev.awsj.testing.TlsInterceptingProxy;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code --profile p} resolves exactly what {@code AWS_PROFILE=p} resolves, for every service and
 * every endpoint, signing and S3 setting of a profile (docs/configuration.md). Requests go through
 * HTTPS_PROXY to a loopback proxy that ends their TLS and hands them to a WireMock stub (the proxy
 * sees a CONNECT for each new connection, the stub every request), so a
 * request for AWS's own FIPS, dual-stack or accelerate host is captured as sent (its host, path,
 * the region and service it is signed for, its payload hash) and nothing leaves the machine. Where
 * the AWS CLI has the settings, it is run with the same profile through the same proxy and sends
 * the same.
 */
class ProfileSettingsTest {
    private static final Path AWS = Path.of("/usr/bin/aws");
    private static final String CONFIG = """
            [default]
            region = us-east-1

            # Every setting that shapes AWS's own endpoints, and payload signing.
            [profile edge]
            region = eu-west-1
            use_fips_endpoint = true
            use_dualstack_endpoint = true
            max_attempts = 2
            s3 =
              addressing_style = virtual
              payload_signing_enabled = true

            # S3 Transfer Acceleration over dual-stack, set in the s3 block.
            [profile accel]
            region = ap-southeast-2
            s3 =
              use_accelerate_endpoint = true
              use_dualstack_endpoint = true

            # Endpoints from a services section, over the profile's endpoint_url; path-style S3.
            [profile corp]
            region = eu-central-1
            endpoint_url = https://global.corp.example
            services = corp
            retry_mode = standard
            s3 =
              addressing_style = path

            [services corp]
            s3 =
              endpoint_url = https://s3.corp.example
            sns =
              endpoint_url = https://sns.corp.example:8443
            """;
    private static final String CREDENTIALS = """
            [edge]
            aws_access_key_id = AKIDEDGE
            aws_secret_access_key = edge-secret

            [accel]
            aws_access_key_id = AKIDACCEL
            aws_secret_access_key = accel-secret

            [corp]
            aws_access_key_id = AKIDCORP
            aws_secret_access_key = corp-secret
            """;
    private static final Pattern SCOPE = Pattern.compile("Credential=[^/]+/\\d{8}/([^/]+)/([^/]+)/aws4_request");

    private static WireMockServer wm;
    private static TlsInterceptingProxy proxy;
    private static Path home;
    private static Path upload;

    @BeforeAll
    static void start() throws Exception {
        // Translate speaks Smithy RPC v2 CBOR: its JSON answer goes back as CBOR.
        wm = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                .extensions(new dev.awsj.testing.RpcV2Cbor("software.amazon.awssdk.services.translate.model")));
        wm.start();
        // Answers by protocol, whatever the host: JSON services, Translate's CBOR, Polly's REST, SNS's query, S3's REST.
        wm.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/x-amz-json-1.1").withBody("{}")));
        wm.stubFor(get(urlPathEqualTo("/v1/voices")).atPriority(1).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"Voices\":[]}")));
        wm.stubFor(post(anyUrl()).withRequestBody(containing("Action=ListTopics")).atPriority(1)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(
                        "<ListTopicsResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><ListTopicsResult>"
                                + "<Topics/></ListTopicsResult><ResponseMetadata><RequestId>1</RequestId>"
                                + "</ResponseMetadata></ListTopicsResponse>")));
        wm.stubFor(get(anyUrl()).withQueryParam("list-type", matching("2")).atPriority(1)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/xml").withBody(
                        "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>bkt</Name>"
                                + "<KeyCount>0</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>"
                                + "</ListBucketResult>")));
        wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.put(anyUrl()).atPriority(1)
                .willReturn(aResponse().withStatus(200).withHeader("ETag", "\"0123456789abcdef0123456789abcdef\"")));
        proxy = new TlsInterceptingProxy(wm.port());
        home = Files.createTempDirectory("awsj-profile-settings");
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), CONFIG);
        Files.writeString(home.resolve(".aws/credentials"), CREDENTIALS);
        upload = home.resolve("hello.txt");
        Files.writeString(upload, "hello, signed world\n");
    }

    @AfterAll
    static void stop() throws Exception {
        proxy.close();
        wm.stop();
    }

    /** One command per service (and the S3 transfer client), each against each profile. */
    private static final Map<String, List<String>> COMMANDS = new java.util.LinkedHashMap<>();

    static {
        COMMANDS.put("s3api", List.of("s3api", "list-objects-v2", "--bucket", "bkt"));
        COMMANDS.put("s3 cp", List.of("s3", "cp", "UPLOAD", "s3://bkt/hello.txt"));
        COMMANDS.put("sns", List.of("sns", "list-topics"));
        COMMANDS.put("rekognition", List.of("rekognition", "list-collections"));
        COMMANDS.put("polly", List.of("polly", "describe-voices"));
        COMMANDS.put("translate", List.of("translate", "list-languages"));
        COMMANDS.put("comprehend", List.of("comprehend", "list-entity-recognizers"));
    }

    private static final java.util.Set<String> AWS_COMPARED =
            java.util.Set.of("edge: s3api", "edge: sns", "edge: translate", "edge: polly", "accel: s3api");

    /**
     * profile, command, and the host:port the request must reach: the setting's effect, spelled
     * out so a setting that stops working fails here even when both ways of naming the profile
     * lose it alike.
     */
    static Stream<Arguments> cases() {
        String[][] expected = {
            {"edge", "s3api", "bkt.s3-fips.dualstack.eu-west-1.amazonaws.com:443"},
            {"edge", "s3 cp", "bkt.s3-fips.dualstack.eu-west-1.amazonaws.com:443"},
            {"edge", "sns", "sns-fips.eu-west-1.api.aws:443"},
            {"edge", "rekognition", "rekognition-fips.eu-west-1.api.aws:443"},
            {"edge", "polly", "polly-fips.eu-west-1.api.aws:443"},
            {"edge", "translate", "translate-fips.eu-west-1.api.aws:443"},
            {"edge", "comprehend", "comprehend-fips.eu-west-1.api.aws:443"},
            {"accel", "s3api", "bkt.s3-accelerate.dualstack.amazonaws.com:443"},
            {"accel", "s3 cp", "bkt.s3-accelerate.dualstack.amazonaws.com:443"},
            {"accel", "sns", "sns.ap-southeast-2.amazonaws.com:443"},
            {"accel", "translate", "translate.ap-southeast-2.amazonaws.com:443"},
            {"corp", "s3api", "s3.corp.example:443"},
            {"corp", "s3 cp", "s3.corp.example:443"},
            {"corp", "sns", "sns.corp.example:8443"},
            {"corp", "rekognition", "global.corp.example:443"},
            {"corp", "polly", "global.corp.example:443"},
            {"corp", "translate", "global.corp.example:443"},
            {"corp", "comprehend", "global.corp.example:443"},
        };
        return Stream.of(expected).map(e -> Arguments.of(e[0], e[1], e[2]));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void profileOptionAndAwsProfileSendTheSameRequest(String profile, String command, String target) throws Exception {
        List<String> args = new ArrayList<>(List.of("--no-verify-ssl"));
        COMMANDS.get(command).forEach(a -> args.add(a.equals("UPLOAD") ? upload.toString() : a));

        List<String> option = new ArrayList<>(List.of("--profile", profile));
        option.addAll(args);
        Sent byOption = runAwsj(env(null), option);
        Sent byEnv = runAwsj(env(profile), args);

        assertEquals(List.of(target), byOption.targets, "--profile " + profile + " " + command);
        assertEquals(byOption, byEnv, "--profile " + profile + " and AWS_PROFILE=" + profile + ": " + command);
        String region = Map.of("edge", "eu-west-1", "accel", "ap-southeast-2", "corp", "eu-central-1").get(profile);
        for (String scope : byOption.scopes) {
            assertEquals(region, scope.split("/")[0], command + " signs for the profile's region");
        }
        if (profile.equals("edge") && command.startsWith("s3")) {
            // payload_signing_enabled: the body's SHA-256, not UNSIGNED-PAYLOAD.
            assertTrue(byOption.payloadHashes.stream().allMatch(h -> h.matches("[0-9a-f]{64}|STREAMING-AWS4-HMAC-SHA256-PAYLOAD.*")),
                    byOption.payloadHashes.toString());
        }
        if (profile.equals("edge")) {
            assertTrue(byOption.attempts.stream().allMatch(a -> a.endsWith("max=2")), byOption.attempts.toString());
        }

        // The AWS CLI sends the same, where it has the settings (2.9.19 predates endpoint_url in
        // profiles); one run per protocol and profile, as it takes seconds a run.
        if (AWS_COMPARED.contains(profile + ": " + command) && Files.isExecutable(AWS)) {
            List<String> awsArgs = new ArrayList<>(List.of("--profile", profile));
            awsArgs.addAll(args);
            Sent byAws = runAws(awsArgs);
            assertEquals(byOption.targets, byAws.targets, "aws --profile " + profile + " " + command);
            if (!command.equals("translate")) {
                // (Translate: the SDK speaks Smithy RPC v2 CBOR, the operation in the path; aws 2.9 speaks JSON to /.)
                assertEquals(byOption.paths, byAws.paths, "aws --profile " + profile + " " + command);
            }
            assertEquals(byOption.scopes, byAws.scopes, "aws --profile " + profile + " " + command);
            if (command.startsWith("s3") && profile.equals("edge")) {
                // (Unset, aws signs bodiless requests and the SDK sends UNSIGNED-PAYLOAD over https: both valid.)
                assertEquals(byOption.payloadHashes, byAws.payloadHashes, "aws --profile " + profile + " " + command);
            }
        } else if (AWS_COMPARED.contains(profile + ": " + command)) {
            System.err.println("SKIPPED the comparison with the AWS CLI: " + AWS + " is not installed");
        }
    }

    /**
     * What reached the stub: the hosts (host:port, from the Host headers: a tunnel kept alive from
     * an earlier run carries no new CONNECT), then per request its method, host and path, signing
     * scope, payload hash and attempt header.
     */
    record Sent(List<String> targets, List<String> paths, List<String> scopes, List<String> payloadHashes, List<String> attempts) {
    }

    private static Map<String, String> env(String awsProfile) {
        Map<String, String> env = AwsjRun.env(null);
        env.keySet().removeIf(k -> k.startsWith("AWS_ACCESS") || k.startsWith("AWS_SECRET") || k.equals("AWS_REGION"));
        env.put("HTTPS_PROXY", proxy.url());
        env.put("AWS_CONFIG_FILE", home.resolve(".aws/config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve(".aws/credentials").toString());
        if (awsProfile != null) {
            env.put("AWS_PROFILE", awsProfile);
        }
        return env;
    }

    private static Sent runAwsj(Map<String, String> env, List<String> args) {
        wm.resetRequests();
        proxy.clear();
        AwsjRun.Result r = AwsjRun.run(env, args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), String.join(" ", args) + "\n" + r);
        return sent();
    }

    private static Sent runAws(List<String> args) throws Exception {
        wm.resetRequests();
        proxy.clear();
        List<String> cmd = new ArrayList<>(List.of(AWS.toString()));
        cmd.addAll(args);
        Path out = Files.createTempFile("aws-out", ".txt");
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true).redirectOutput(out.toFile());
            pb.environment().keySet().removeIf(k -> k.startsWith("AWS_") || k.toLowerCase().endsWith("_proxy"));
            pb.environment().putAll(env(null));
            Process p = pb.start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("aws did not finish");
            }
            assertEquals(0, p.exitValue(), "aws " + String.join(" ", args) + "\n" + Files.readString(out));
        } finally {
            Files.deleteIfExists(out);
        }
        return sent();
    }

    private static Sent sent() {
        List<LoggedRequest> requests = wm.getAllServeEvents().stream()
                .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                .map(ServeEvent::getRequest).toList();
        List<String> paths = new ArrayList<>();
        List<String> scopes = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        List<String> attempts = new ArrayList<>();
        List<String> targets = new ArrayList<>();
        for (LoggedRequest r : requests) {
            String host = r.getHeader("Host");
            String target = host.matches(".*:\\d+") ? host : host + ":443";
            if (!targets.contains(target)) {
                targets.add(target);
            }
            paths.add(r.getMethod() + " " + r.getHeader("Host") + r.getUrl().replaceAll("\\?.*", ""));
            Matcher m = SCOPE.matcher(String.valueOf(r.getHeader("Authorization")));
            scopes.add(m.find() ? m.group(1) + "/" + m.group(2) : "unsigned");
            if (r.containsHeader("x-amz-content-sha256")) {
                hashes.add(r.getHeader("x-amz-content-sha256"));
            }
            if (r.containsHeader("amz-sdk-request")) {
                attempts.add(r.getHeader("amz-sdk-request"));
            }
        }
        return new Sent(targets, paths, scopes, hashes, attempts);
    }
}
