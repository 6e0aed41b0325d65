package dev.awsj.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awsj.testing.AwsjRun;
import dev.awsj.testing.AwsjRun.Result;
import dev.awsj.testing.Emulators;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transfers over https and through a proxy. Over https, against S3Mock's HTTPS connector (a self-signed certificate for
 * localhost): the one transfer HTTP client (the SDK's Apache 5 client, docs/s3-transfers.md) with
 * {@code --no-verify-ssl} and with {@code --ca-bundle}/AWS_CA_BUNDLE, a multipart-sized file up and
 * down byte-identical; TLS made only for https (an http transfer never reads the CA bundle).
 * Through HTTP_PROXY (WireMock as a forward proxy) to S3Mock's plain-http port, byte-identical.
 * (HTTPS_PROXY, with CONNECT tunnels, is exercised by ProfileSettingsTest's {@code s3 cp}.)
 */
class S3HttpsTransferTest {
    /** 20 MiB: three 8 MiB parts up, three ranges down. */
    static final int SIZE = 20 * 1024 * 1024;

    static String bucket;
    static Path pem;

    @BeforeAll
    static void setUp(@TempDir Path dir) throws Exception {
        bucket = "https-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(0, AwsjRun.run(AwsjRun.env(Emulators.s3Endpoint()), "s3", "mb", "s3://" + bucket).exitCode());
        KeyStore ks = KeyStore.getInstance("JKS");
        try (InputStream in = com.adobe.testing.s3mock.S3MockApplication.class.getResourceAsStream("/s3mock.jks")) {
            ks.load(in, "password".toCharArray());
        }
        Certificate cert = ks.getCertificate("selfsigned");
        pem = Files.createTempFile("awsj-s3mock-ca", ".pem");
        pem.toFile().deleteOnExit();
        Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(cert.getEncoded())
                + "\n-----END CERTIFICATE-----\n");
    }

    static Map<String, String> https(String host) {
        return AwsjRun.env("https://" + host + ":" + Emulators.s3HttpsPort());
    }

    static Path randomFile(Path dir, long seed) throws Exception {
        byte[] bytes = new byte[SIZE];
        new Random(seed).nextBytes(bytes);
        return Files.write(dir.resolve("f" + seed + ".bin"), bytes);
    }

    @Test
    void multipartUpAndDownWithNoVerifySsl(@TempDir Path dir) throws Exception {
        Path src = randomFile(dir, 1);
        Map<String, String> env = https("127.0.0.1");
        Result up = AwsjRun.run(env, "s3", "cp", src.toString(), "s3://" + bucket + "/nv.bin", "--no-verify-ssl", "--debug");
        assertEquals(0, up.exitCode(), up.toString());
        // The SDK names the HTTP client in each request's User-Agent: the transfer client, over https too.
        assertTrue(up.err().contains("md/http#Apache5"), "sent by the Apache 5 client");
        assertTrue(up.err().contains("uploadId="), "a multipart upload");

        Path down = dir.resolve("down.bin");
        Result r = AwsjRun.run(env, "s3", "cp", "s3://" + bucket + "/nv.bin", down.toString(), "--no-verify-ssl", "--debug");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.err().contains("md/http#Apache5"), "sent by the Apache 5 client");
        assertTrue(r.err().contains("bytes=8388608-"), "ranged GETs");
        assertEquals(-1, Files.mismatch(src, down), "byte-identical");
    }

    @Test
    void multipartUpAndDownWithCaBundle(@TempDir Path dir) throws Exception {
        Path src = randomFile(dir, 2);
        Result up = AwsjRun.run(https("localhost"), "s3", "cp", src.toString(), "s3://" + bucket + "/ca.bin", "--ca-bundle", pem.toString());
        assertEquals(0, up.exitCode(), up.toString());
        Map<String, String> env = https("localhost");
        env.put("AWS_CA_BUNDLE", pem.toString());
        Path down = dir.resolve("down.bin");
        Result r = AwsjRun.run(env, "s3", "cp", "s3://" + bucket + "/ca.bin", down.toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(-1, Files.mismatch(src, down), "byte-identical");
    }

    @Test
    void theSelfSignedCertificateIsRefusedWithoutEither(@TempDir Path dir) throws Exception {
        Path src = Files.writeString(dir.resolve("small.txt"), "hello");
        Map<String, String> env = https("localhost");
        env.put("AWS_MAX_ATTEMPTS", "1");
        Result r = AwsjRun.run(env, "s3", "cp", src.toString(), "s3://" + bucket + "/refused.txt");
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.err().contains("SSL validation failed for https://localhost:" + Emulators.s3HttpsPort()), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test
    void plainHttpTransfersGoThroughHttpProxy(@TempDir Path dir) throws Exception {
        com.github.tomakehurst.wiremock.WireMockServer forward = new com.github.tomakehurst.wiremock.WireMockServer(
                com.github.tomakehurst.wiremock.core.WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                        .enableBrowserProxying(true));
        forward.start();
        try {
            Path src = randomFile(dir, 3);
            Map<String, String> env = AwsjRun.env(Emulators.s3Endpoint());
            env.put("HTTP_PROXY", "http://127.0.0.1:" + forward.port());
            Result up = AwsjRun.run(env, "s3", "cp", src.toString(), "s3://" + bucket + "/proxied.bin");
            assertEquals(0, up.exitCode(), up.toString());
            Path down = dir.resolve("down.bin");
            Result r = AwsjRun.run(env, "s3", "cp", "s3://" + bucket + "/proxied.bin", down.toString());
            assertEquals(0, r.exitCode(), r.toString());
            assertEquals(-1, Files.mismatch(src, down), "byte-identical");
            long proxied = forward.getAllServeEvents().stream()
                    .filter(e -> e.getRequest().getUrl().contains("/" + bucket + "/proxied.bin")).count();
            // Up: create, three parts, complete; down: at least three ranges.
            assertTrue(proxied >= 8, "every request went through the proxy: " + proxied);
        } finally {
            forward.stop();
        }
    }

    @Test
    void anUnreadableCaBundleFailsHttpsCleanlyAndIsNeverReadForHttp(@TempDir Path dir) throws Exception {
        Path src = Files.writeString(dir.resolve("small.txt"), "hello");
        Path empty = Files.writeString(dir.resolve("empty.pem"), "");
        Result bad = AwsjRun.run(https("localhost"), "s3", "cp", src.toString(), "s3://" + bucket + "/bad.txt",
                "--ca-bundle", empty.toString());
        // As any failed transfer: exit 1, one line that names the bundle.
        assertEquals(1, bad.exitCode(), bad.toString());
        assertEquals(1, bad.err().strip().lines().count(), bad.err());
        assertTrue(bad.err().contains("The CA bundle " + empty + " holds no certificate"), bad.err());

        Result plain = AwsjRun.run(AwsjRun.env(Emulators.s3Endpoint()), "s3", "cp", src.toString(),
                "s3://" + bucket + "/plain.txt", "--ca-bundle", empty.toString());
        assertEquals(0, plain.exitCode(), "TLS is set up only for https: " + plain);
    }
}
