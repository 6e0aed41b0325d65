package dev.awsj.json;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.awsj.testing.AwsjRun;
import dev.awsj.testing.RpcV2Cbor;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files: for each folder {@code golden/<service>/<case>/} the service answers with the
 * recorded wire response ({@code response}, {@code response-headers}, {@code status}) and awsj,
 * run with {@code args}, must print the JSON in {@code expected.json} — what the AWS CLI v2 prints
 * for that response (no {@code expected.json}: aws prints nothing, nor may awsj). {@code ${tmp}}
 * in an argument is a fresh folder for the output file of get-object or synthesize-speech; a case's
 * {@code outfile} names that file, which must then hold the {@code response} bytes. A case with a {@code known-difference} file documents where awsj still
 * differs from aws: it is reported as skipped with that text while it differs, and fails once
 * awsj prints the expected JSON, so the marker gets removed.
 */
class GoldenResponsesTest {
    static WireMockServer wm;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() {
        // Translate's SDK client speaks Smithy RPC v2 CBOR: the recorded JSON goes back as the service sends it.
        wm = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                .extensions(new RpcV2Cbor("software.amazon.awssdk.services.translate.model")));
        wm.start();
    }

    @AfterAll
    static void stop() {
        wm.stop();
    }

    static Stream<Arguments> cases() throws IOException, URISyntaxException {
        Path root = Path.of(GoldenResponsesTest.class.getResource("/golden").toURI());
        List<Arguments> cases = new ArrayList<>();
        try (Stream<Path> services = Files.list(root)) {
            for (Path service : services.sorted().toList()) {
                try (Stream<Path> dirs = Files.list(service)) {
                    for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                        cases.add(Arguments.of(service.getFileName() + "/" + dir.getFileName(), dir));
                    }
                }
            }
        }
        assertFalse(cases.isEmpty(), "no golden cases under " + root);
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void printsWhatAwsPrints(String name, Path dir) throws Exception {
        wm.resetAll();
        ResponseDefinitionBuilder response = aResponse().withStatus(
                Files.exists(dir.resolve("status")) ? Integer.parseInt(read(dir, "status").trim()) : 200);
        if (Files.exists(dir.resolve("response-headers"))) {
            for (String line : read(dir, "response-headers").split("\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    response.withHeader(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
                }
            }
        }
        if (Files.exists(dir.resolve("response"))) {
            response.withBody(Files.readAllBytes(dir.resolve("response")));
        }
        wm.stubFor(any(anyUrl()).willReturn(response));

        Path work = Files.createDirectories(tmp.resolve(name.replace('/', '_')));
        List<String> args = new ArrayList<>();
        for (String line : read(dir, "args").split("\n")) {
            if (!line.isEmpty()) {
                args.add(line.replace("${tmp}", work.toString()));
            }
        }
        Map<String, String> env = AwsjRun.env("http://127.0.0.1:" + wm.port());
        AwsjRun.Result r = AwsjRun.run(env, args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), name + ": " + r);
        assertTrue(wm.getAllServeEvents().size() >= 1, name + ": awsj sent no request");

        if (Files.exists(dir.resolve("outfile"))) {
            // The streamed body (S3 object, Polly audio) lands in the file named on the command line.
            Path written = work.resolve(read(dir, "outfile").trim());
            assertTrue(Files.exists(written), name + ": awsj did not write " + written);
            assertArrayEquals(Files.readAllBytes(dir.resolve("response")), Files.readAllBytes(written), name + ": bytes of " + written);
        }
        if (!Files.exists(dir.resolve("expected.json"))) {
            // aws prints nothing at all for an empty response.
            assertEquals("", r.out(), name + ": aws prints nothing for this response");
            return;
        }
        JsonNode expected = SdkJson.MAPPER.readTree(read(dir, "expected.json"));
        JsonNode actual = SdkJson.MAPPER.readTree(r.out());
        String pretty = "\n--- expected (aws)\n" + SdkJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(expected)
                + "\n--- actual (awsj)\n" + SdkJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(actual);
        Path known = dir.resolve("known-difference");
        if (Files.exists(known)) {
            assertFalse(expected.equals(actual), name + ": awsj now prints what aws prints; delete " + known);
            Assumptions.abort("known difference: " + read(dir, "known-difference").trim() + pretty);
        }
        assertEquals(expected, actual, name + pretty);
    }

    private static String read(Path dir, String file) throws IOException {
        return Files.readString(dir.resolve(file), StandardCharsets.UTF_8).replace("\r\n", "\n");
    }
}
