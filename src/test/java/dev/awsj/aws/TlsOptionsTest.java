package dev.awsj.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --no-verify-ssl and --ca-bundle against S3Mock's HTTPS connector (a self-signed certificate). */
class TlsOptionsTest {

    static Map<String, String> httpsEnv(String host) {
        Map<String, String> env = AwsjRun.env("https://" + host + ":" + Emulators.s3HttpsPort());
        env.put("AWS_MAX_ATTEMPTS", "1");
        return env;
    }

    @Test
    void selfSignedCertificateIsRefusedByDefault() {
        Result r = AwsjRun.run(httpsEnv("localhost"), "s3api", "list-buckets");
        assertEquals(255, r.exitCode(), r.toString());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void noVerifySslAcceptsIt() {
        Result r = AwsjRun.run(httpsEnv("127.0.0.1"), "s3api", "list-buckets", "--no-verify-ssl");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("\"Owner\""), r.out());
    }

    @Test
    void caBundleTrustsIt(@TempDir Path dir) throws Exception {
        KeyStore ks = KeyStore.getInstance("JKS");
        try (InputStream in = com.adobe.testing.s3mock.S3MockApplication.class.getResourceAsStream("/s3mock.jks")) {
            ks.load(in, "password".toCharArray());
        }
        Certificate cert = ks.getCertificate("selfsigned");
        Path pem = dir.resolve("ca.pem");
        Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(cert.getEncoded())
                + "\n-----END CERTIFICATE-----\n");
        Result r = AwsjRun.run(httpsEnv("localhost"), "s3api", "list-buckets", "--ca-bundle", pem.toString());
        assertEquals(0, r.exitCode(), r.toString());

        Map<String, String> env = httpsEnv("localhost");
        env.put("AWS_CA_BUNDLE", pem.toString());
        assertEquals(0, AwsjRun.run(env, "s3api", "list-buckets").exitCode(), "AWS_CA_BUNDLE works too");

        Path empty = dir.resolve("empty.pem");
        Files.writeString(empty, "");
        Result bad = AwsjRun.run(httpsEnv("localhost"), "s3api", "list-buckets", "--ca-bundle", empty.toString());
        assertEquals(253, bad.exitCode(), bad.toString());
    }
}
