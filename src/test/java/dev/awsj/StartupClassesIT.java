package dev.awsj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awsj.testing.Emulators;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Black-box: what the commands people run most load on a cold JVM (docs/architecture.md,
 * "Start-up"). Jackson's ObjectMapper (about 300 classes) is for JSON that users give; reading
 * the model rules, building results and printing them use the streaming parser, the node
 * classes and the generator only.
 */
class StartupClassesIT {
    private static final String OBJECT_MAPPER = "com.fasterxml.jackson.databind.ObjectMapper";

    @Test
    void commonCommandsDoNotBuildAnObjectMapper(@TempDir Path tmp) throws Exception {
        String endpoint = Emulators.fauxqsEndpoint();
        assertEquals(0, run(tmp, "none", "s3", "mb", "s3://startup-classes", "--endpoint-url", endpoint));
        List<List<String>> lines = List.of(
                List.of("s3", "ls", "--endpoint-url", endpoint),
                List.of("s3", "ls", "s3://startup-classes", "--endpoint-url", endpoint),
                List.of("sns", "list-topics", "--endpoint-url", endpoint),
                List.of("s3api", "list-objects-v2", "--bucket", "startup-classes", "--endpoint-url", endpoint),
                List.of("sns", "create-topic", "--name", "startup-classes", "--endpoint-url", endpoint));
        List<String> failures = new ArrayList<>();
        for (List<String> line : lines) {
            Path log = tmp.resolve("classes-" + lines.indexOf(line) + ".log");
            int code = run(tmp, log.toString(), line.toArray(String[]::new));
            assertEquals(0, code, String.join(" ", line));
            List<String> loaded = Files.readAllLines(log, StandardCharsets.UTF_8);
            assertTrue(loaded.size() > 1000, "the class-load log was written: " + loaded.size() + " lines");
            if (loaded.stream().anyMatch(l -> l.contains(" " + OBJECT_MAPPER + " "))) {
                failures.add(String.join(" ", line));
            }
        }
        assertEquals(List.of(), failures, "these commands built an ObjectMapper");
    }

    /** Runs the built jar in a fresh JVM, logging the classes it loads to {@code log} ("none": no log). */
    private static int run(Path tmp, String log, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (!log.equals("none")) {
            cmd.add("-Xlog:class+load=info:file=" + log);
        }
        cmd.addAll(List.of("-jar", Path.of("target/awsj.jar").toAbsolutePath().toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("out.txt").toFile());
        pb.environment().put("AWS_ACCESS_KEY_ID", "test");
        pb.environment().put("AWS_SECRET_ACCESS_KEY", "test");
        pb.environment().put("AWS_REGION", "us-east-1");
        pb.environment().put("AWS_CONFIG_FILE", "/nonexistent/awsj-config");
        pb.environment().put("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/awsj-credentials");
        Process p = pb.start();
        p.getOutputStream().close();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "finished: " + args[0]);
        return p.exitValue();
    }
}
