package dev.awsj.testing;

import com.adobe.testing.s3mock.S3MockApplication;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.catalina.connector.Connector;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * The emulators of the test suite, each started once per test JVM on 127.0.0.1 and a free port,
 * and stopped when the JVM exits: S3Mock in-process, fauxqs as a node process.
 */
public final class Emulators {
    private static String s3Endpoint;
    private static int s3HttpsPort;
    private static String fauxqsEndpoint;

    private Emulators() {
    }

    /** S3Mock's plain-HTTP endpoint, e.g. {@code http://127.0.0.1:41234}. */
    public static synchronized String s3Endpoint() {
        if (s3Endpoint == null) {
            s3Endpoint = startS3Mock();
        }
        return s3Endpoint;
    }

    /** S3Mock's HTTPS port (a self-signed certificate for localhost), for TLS tests. */
    public static synchronized int s3HttpsPort() {
        s3Endpoint();
        return s3HttpsPort;
    }

    /** fauxqs's endpoint (SNS, SQS and S3 on one port). */
    public static synchronized String fauxqsEndpoint() {
        if (fauxqsEndpoint == null) {
            fauxqsEndpoint = startFauxqs();
        }
        return fauxqsEndpoint;
    }

    private static String startS3Mock() {
        return startS3Mock(0);
    }

    /** Starts S3Mock on 127.0.0.1 (port 0 = a free one) and returns its plain-HTTP endpoint. */
    public static String startS3Mock(int port) {
        try {
            Path root = Files.createTempDirectory("awsj-s3mock");
            Map<String, Object> props = new HashMap<>();
            props.put("server.port", 0);
            props.put("server.address", "127.0.0.1");
            // The main connector is HTTPS with S3Mock's self-signed certificate for localhost.
            props.put("server.ssl.key-store", "classpath:s3mock.jks");
            props.put("server.ssl.key-store-password", "password");
            props.put("server.ssl.key-alias", "selfsigned");
            props.put("server.ssl.key-password", "password");
            props.put("com.adobe.testing.s3mock.httpPort", port);
            props.put("http.port", port);
            props.put("com.adobe.testing.s3mock.store.root", root.toString());
            props.put("com.adobe.testing.s3mock.store.retainFilesOnExit", false);
            props.put("logging.level.root", "WARN");
            props.put("spring.main.banner-mode", "off");
            ConfigurableApplicationContext app = new SpringApplicationBuilder(S3MockApplication.class, LoopbackHttpConnector.class)
                    .properties(props).logStartupInfo(false).run();
            Runtime.getRuntime().addShutdownHook(new Thread(app::close));
            var web = (org.springframework.boot.web.embedded.tomcat.TomcatWebServer)
                    ((org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext) app).getWebServer();
            s3HttpsPort = web.getPort();
            for (Connector c : web.getTomcat().getService().findConnectors()) {
                // The main connector (web.getPort()) is S3Mock's HTTPS one; the other is plain HTTP.
                if (c.getLocalPort() > 0 && c.getLocalPort() != web.getPort()) {
                    return "http://127.0.0.1:" + c.getLocalPort();
                }
            }
            throw new IllegalStateException("S3Mock started without a plain-HTTP connector");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** S3Mock adds its plain-HTTP connector on every interface; bind it to loopback. */
    @Configuration(proxyBeanMethods = false)
    public static class LoopbackHttpConnector {
        @Bean
        @Order(Ordered.LOWEST_PRECEDENCE)
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> awsjLoopbackOnly() {
            return factory -> {
                for (Connector c : factory.getAdditionalTomcatConnectors()) {
                    c.setProperty("address", "127.0.0.1");
                }
            };
        }
    }

    private static String startFauxqs() {
        return startFauxqs(0);
    }

    /** Starts fauxqs on 127.0.0.1 (port 0 = a free one) and returns its endpoint. */
    public static String startFauxqs(int port) {
        Path dir = nodeDir();
        Path script = dir.resolve("fauxqs-loopback.mjs");
        if (!Files.isDirectory(dir.resolve("node_modules/fauxqs"))) {
            throw new IllegalStateException("fauxqs is not installed in " + dir
                    + ": run the build (mvn verify runs npm ci there), which needs Node.js and npm on PATH");
        }
        try {
            Process p = new ProcessBuilder("node", script.toString(), Integer.toString(port)).directory(dir.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                p.destroy();
                try {
                    p.waitFor(5, TimeUnit.SECONDS);
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
                p.destroyForcibly();
            }));
            BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = r.readLine();
            Matcher m = line == null ? null : Pattern.compile("(http://127\\.0\\.0\\.1:\\d+)").matcher(line);
            if (m == null || !m.find()) {
                p.destroyForcibly();
                throw new IllegalStateException("fauxqs did not start: " + line);
            }
            return m.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start node (is Node.js on PATH?)", e);
        }
    }

    /** The committed node folder with package.json, package-lock.json and the start script. */
    public static Path nodeDir() {
        Path p = Path.of("src/test/node").toAbsolutePath();
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException("Tests must run from the project root; no " + p);
        }
        return p;
    }
}
