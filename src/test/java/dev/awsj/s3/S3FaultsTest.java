package dev.awsj.s3;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.awsj.json.SdkJson;
import dev.awsj.testing.AwsjRun;
import dev.awsj.testing.AwsjRun.Result;
import dev.awsj.testing.Emulators;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A WireMock proxy in front of S3Mock that breaks one request in five (connection reset, 500,
 * 503): large transfers and a 500-file sync still end byte-identical, with no multipart upload
 * and no temporary file left behind.
 */
class S3FaultsTest {
    static WireMockServer proxy;
    static FaultInjector faults = new FaultInjector();
    static Map<String, String> env;
    static Map<String, String> direct;
    static String bucket;

    /** Every fifth request fails, in turn by reset, 503 SlowDown and 500 InternalError. */
    static final class FaultInjector implements ResponseDefinitionTransformerV2 {
        final AtomicInteger requests = new AtomicInteger();
        final AtomicInteger injected = new AtomicInteger();

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            int n = requests.incrementAndGet();
            if (n % 5 != 0) {
                return event.getResponseDefinition();
            }
            int kind = injected.getAndIncrement() % 3;
            return switch (kind) {
                case 0 -> ResponseDefinitionBuilder.responseDefinition().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
                case 1 -> ResponseDefinitionBuilder.responseDefinition().withStatus(503).withHeader("Content-Type", "application/xml")
                        .withBody("<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>").build();
                default -> ResponseDefinitionBuilder.responseDefinition().withStatus(500).withHeader("Content-Type", "application/xml")
                        .withBody("<Error><Code>InternalError</Code><Message>We encountered an internal error.</Message></Error>")
                        .build();
            };
        }

        @Override
        public String getName() {
            return "one-in-five-faults";
        }
    }

    @BeforeAll
    static void start() throws Exception {
        String s3 = Emulators.s3Endpoint();
        proxy = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                .extensions(faults).disableRequestJournal());
        proxy.start();
        proxy.stubFor(any(anyUrl()).willReturn(aResponse().proxiedFrom(s3)));
        direct = AwsjRun.env(s3);
        env = AwsjRun.env(proxy.baseUrl());
        for (Map<String, String> e : List.of(env, direct)) {
            Path config = Path.of(e.get("AWS_CONFIG_FILE"));
            Files.createDirectories(config.getParent());
            Files.writeString(config, "[default]\ns3 =\n  multipart_threshold = 5MB\n  multipart_chunksize = 5MB\n");
        }
        bucket = "faults-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(0, AwsjRun.run(direct, "s3", "mb", "s3://" + bucket).exitCode());
    }

    @AfterAll
    static void stop() {
        proxy.stop();
    }

    static void assertNothingHalfDone(Path dir) throws Exception {
        String listed = AwsjRun.run(direct, "s3api", "list-multipart-uploads", "--bucket", bucket).out();
        JsonNode uploads = SdkJson.MAPPER.readTree(listed.isBlank() ? "{}" : listed);
        assertTrue(!uploads.has("Uploads") || uploads.get("Uploads").isEmpty(), "no upload left open: " + uploads);
        try (Stream<Path> s = Files.walk(dir)) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList(), "no temporary file left");
        }
    }

    @Test
    void fiftyMegabytesUpAndDownStayByteIdentical(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.bin");
        byte[] data = new byte[50 * 1024 * 1024];
        new Random(11).nextBytes(data);
        Files.write(big, data);
        int before = faults.injected.get();

        Result up = AwsjRun.run(env, "s3", "cp", big.toString(), "s3://" + bucket + "/big.bin");
        assertEquals(0, up.exitCode(), up.toString());
        Path back = dir.resolve("back.bin");
        Result down = AwsjRun.run(env, "s3", "cp", "s3://" + bucket + "/big.bin", back.toString());
        assertEquals(0, down.exitCode(), down.toString());
        assertEquals(-1, Files.mismatch(big, back), "byte-identical after retries");
        assertTrue(faults.injected.get() - before >= 4, "faults were injected: " + (faults.injected.get() - before));
        assertNothingHalfDone(dir);
    }

    @Test
    void fiveHundredFileSyncUpAndDownStaysByteIdentical(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("src");
        Files.createDirectories(src);
        Random r = new Random(12);
        for (int i = 0; i < 500; i++) {
            byte[] b = new byte[100 + r.nextInt(4000)];
            r.nextBytes(b);
            Path f = src.resolve("d" + (i % 7)).resolve("f" + i + ".bin");
            Files.createDirectories(f.getParent());
            Files.write(f, b);
        }
        int before = faults.injected.get();
        Result up = AwsjRun.run(env, "s3", "sync", src.toString(), "s3://" + bucket + "/tree");
        assertEquals(0, up.exitCode(), up.err());
        assertEquals(500, SdkJson.MAPPER.readTree(up.out()).get("Transferred").size());

        Path down = dir.resolve("down");
        Result d = AwsjRun.run(env, "s3", "sync", "s3://" + bucket + "/tree", down.toString());
        assertEquals(0, d.exitCode(), d.err());
        try (Stream<Path> s = Files.walk(src)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                assertEquals(-1, Files.mismatch(p, down.resolve(src.relativize(p))), p.toString());
            }
        }
        Result again = AwsjRun.run(env, "s3", "sync", src.toString(), "s3://" + bucket + "/tree");
        assertEquals(0, again.exitCode(), again.err());
        assertEquals(0, SdkJson.MAPPER.readTree(again.out()).get("Transferred").size(), "no-op re-sync through faults");
        assertTrue(faults.injected.get() - before >= 100, "faults were injected: " + (faults.injected.get() - before));
        assertNothingHalfDone(dir);
    }
}
