package dev.awsj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awsj.testing.Emulators;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Black-box: the ./awsj launcher and the packaged jar, run as processes. */
class LauncherIT {
    record Run(int code, String out, String err) {
    }

    static ProcessBuilder awsj(String... args) {
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of("awsj").toAbsolutePath().toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("AWS_ACCESS_KEY_ID", "test");
        pb.environment().put("AWS_SECRET_ACCESS_KEY", "test");
        pb.environment().put("AWS_REGION", "us-east-1");
        pb.environment().put("AWS_CONFIG_FILE", "/nonexistent/awsj-config");
        pb.environment().put("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/awsj-credentials");
        pb.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        // The start-up archive goes to the build folder, not the user's ~/.cache.
        pb.environment().put("AWSJ_CACHE_DIR", Path.of("target/awsj-cache").toAbsolutePath().toString());
        return pb;
    }

    static Run run(ProcessBuilder pb) throws IOException, InterruptedException {
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    /**
     * The launcher puts the jar on the boot class path, where the JVM neither verifies its bytecode
     * nor lets it see the JDK's non-boot modules. The trainer's "run" group makes every kind of call
     * awsj trains on (every service, uploads, downloads, presigning, each output, `awsj run`): run
     * as the launcher runs it, with the bytecode verified after all (BytecodeVerificationLocal),
     * no line may fail for a class it cannot see or a class the verifier rejects.
     */
    @Test
    void everyTrainedCallRunsFromTheBootClassPathAndVerifies() throws Exception {
        String jar = Path.of("target/awsj.jar").toAbsolutePath().toString();
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UnlockDiagnosticVMOptions", "-XX:+BytecodeVerificationLocal", "-Xbootclasspath/a:" + jar, "-cp", jar, "dev.awsj.Main", "__train", "run");
        pb.environment().put("AWS_CONFIG_FILE", "/nonexistent/awsj-config");
        pb.environment().put("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/awsj-credentials");
        Run r = run(pb);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("awsj s3 cp ") && r.err().contains("awsj rekognition "), "the lines ran: " + r.err());
        for (String bad : List.of("NoClassDefFoundError", "ClassNotFoundException", "VerifyError", "LinkageError")) {
            assertTrue(!r.err().contains(bad) && !r.out().contains(bad), bad + ":\n" + r.err());
        }
        // Each line's exit code, as the trainer logs it: only the calls meant to fail fail.
        List<String> failed = r.err().lines().filter(l -> l.matches("awsj .* -> exit [1-9][0-9]*")).toList();
        assertTrue(failed.stream().allMatch(l -> List.of("missing", "no-such-command", "awsj polly ", "awsj translate ",
                "awsj comprehend ").stream().anyMatch(l::contains)), String.join("\n", failed));
    }

    @Test
    void versionRunsFromTheLauncher() throws Exception {
        Run r = run(awsj("--version"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().matches("awsj/\\S+ Java/\\S+ \\S+/\\S+\\n"), r.out());
    }

    @Test
    void listTopicsAgainstFauxqsAsAProcess() throws Exception {
        ProcessBuilder pb = awsj("sns", "create-topic", "--name", "launcher-it", "--endpoint-url", Emulators.fauxqsEndpoint());
        Run created = run(pb);
        assertEquals(0, created.code(), created.err());
        Run r = run(awsj("sns", "list-topics", "--endpoint-url", Emulators.fauxqsEndpoint(),
                "--query", "Topics[].TopicArn", "--output", "text"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains(":launcher-it"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void ctrlCExits130() throws Exception {
        // put-object with --body - reads stdin until it closes: interrupt it while it waits.
        ProcessBuilder pb = awsj("s3api", "put-object", "--bucket", "b", "--key", "k", "--body", "-",
                "--endpoint-url", "http://127.0.0.1:9");
        pb.command(dev.awsj.testing.SigintDefault.wrap(pb.command()));
        Process p = pb.start();
        Thread.sleep(300);
        // Wait until the JVM is up and blocked on stdin, then send SIGINT.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && p.isAlive()
                && ProcessHandle.of(p.pid()).flatMap(h -> h.info().command()).map(c -> !c.endsWith("java")).orElse(true)) {
            Thread.sleep(100);
        }
        Thread.sleep(1500);
        assertTrue(p.isAlive(), "still waiting for stdin");
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(130, p.exitValue());
    }
}
