package dev.awsj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awsj.testing.AwsCli;
import dev.awsj.testing.AwsjRun;
import dev.awsj.testing.AwsjRun.Result;
import dev.awsj.testing.Emulators;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The help word, unknown commands and the failures whose exit code and line follow aws's (docs/exit-codes.md). */
class AwsLikeErrorsTest {

    private static String firstLine(Result r) {
        return r.err().lines().findFirst().orElse("");
    }

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void aMissingLocalSourceIs255WithAwsLine() throws Exception {
        Map<String, String> env = AwsjRun.env("http://127.0.0.1:9");
        String[] line = {"s3", "cp", "/no/such/file.txt", "s3://bucket/key"};
        Result r = AwsjRun.run(env, line);
        assertEquals(255, r.exitCode(), r.toString());
        assertEquals("The user-provided path /no/such/file.txt does not exist.", r.err().strip());
        Result sync = AwsjRun.run(env, "s3", "sync", "/no/such/dir", "s3://bucket/p");
        assertEquals(255, sync.exitCode(), sync.toString());
        if (AwsCli.installed()) {
            Result aws = AwsCli.run(env, line);
            assertEquals(aws.exitCode(), r.exitCode(), aws.toString());
            assertEquals(aws.err().strip(), r.err().strip());
        }
    }

    @Test
    void theHelpWordAsACommandsOnlyArgumentPrintsItsHelp() {
        Map<String, String> env = AwsjRun.env(null);
        for (String[] line : new String[][] {{"s3", "cp", "help"}, {"sns", "publish", "help"}, {"sns", "list-topics", "help"},
                {"--region", "eu-west-1", "s3", "cp", "help"}}) {
            Result r = AwsjRun.run(env, line);
            assertEquals(0, r.exitCode(), r.toString());
            String command = line[line.length - 3] + " " + line[line.length - 2];
            assertTrue(r.out().startsWith("Usage: awsj " + command), r.out());
            assertEquals("", r.err());
        }
        Result sns = AwsjRun.run(env, "sns", "help");
        assertEquals(0, sns.exitCode(), sns.toString());
        assertTrue(sns.out().startsWith("Usage: awsj sns"), sns.out());
        Result root = AwsjRun.run(env, "help");
        assertEquals(0, root.exitCode(), root.toString());
        assertTrue(root.out().startsWith("Usage: awsj"), root.out());
    }

    @Test
    void anUnknownCommandWithHelpIsAUsageErrorNamingIt() {
        Map<String, String> env = AwsjRun.env(null);
        for (String[] line : new String[][] {{"nosuch", "thing", "--help"}, {"sso", "nosuch", "--help"}, {"sns", "nosuch", "-h"}}) {
            Result r = AwsjRun.run(env, line);
            assertEquals(252, r.exitCode(), r.toString());
            assertTrue(firstLine(r).contains("'" + line[line[0].equals("nosuch") ? 0 : 1] + "'"), r.err());
            assertEquals("", r.out());
        }
    }

    @Test
    void anUnreachableCredentialsEndpointIsNamed() throws Exception {
        Map<String, String> env = new HashMap<>(AwsjRun.env(Emulators.fauxqsEndpoint()));
        env.remove("AWS_ACCESS_KEY_ID");
        env.remove("AWS_SECRET_ACCESS_KEY");
        String url = "http://127.0.0.1:" + closedPort() + "/creds";
        env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", url);
        // In a process of its own: the SDK's container provider reads the process's environment.
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.awsj.Main", "sns", "list-topics");
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        String err = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        p.getInputStream().readAllBytes();
        assertEquals(255, p.waitFor(), err);
        // (The test class path adds SLF4J's warnings above awsj's line.)
        assertEquals("Could not connect to the endpoint URL: \"" + url + "\"", err.strip().lines().reduce((a, b) -> b).orElse(""));
        if (AwsCli.installed()) {
            Result aws = AwsCli.run(env, "sns", "list-topics");
            assertEquals(255, aws.exitCode(), aws.toString());
            assertTrue(aws.err().contains("Could not connect to the endpoint URL: \"" + url + "\""), aws.err());
        }
    }

    @Test
    void httpsToAPlainHttpPortNamesTheUrl() {
        String plain = Emulators.fauxqsEndpoint();
        String https = plain.replace("http://", "https://");
        Map<String, String> env = AwsjRun.env(https);
        env.put("AWS_MAX_ATTEMPTS", "1");
        Result r = AwsjRun.run(env, "sns", "list-topics");
        assertEquals(255, r.exitCode(), r.toString());
        assertTrue(r.err().startsWith("SSL validation failed for " + https), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void aQuerySyntaxErrorIsOneLineAnd252() {
        Result r = AwsjRun.run(AwsjRun.env("http://127.0.0.1:9"), "sns", "list-topics", "--query", "Topics[?");
        assertEquals(252, r.exitCode(), r.toString());
        assertTrue(firstLine(r).startsWith("Bad value for --query Topics[?: "), r.err());
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r.err());
    }
}
