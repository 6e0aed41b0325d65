package dev.awsj.configure;

import dev.awsj.testing.AwsjRun;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The shared rig ({@link AwsjRun}) with an environment for configure: HOME in a temp folder and,
 * unlike {@code AwsjRun.env}, no credentials in the environment, so the files are what counts.
 */
final class Cli {
    record Result(int exitCode, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private Cli() {
    }

    /** A fresh HOME with the files in HOME/.aws (not created), metadata lookups off, no credentials in env. */
    static Map<String, String> env(Path home) {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home.toString());
        env.put("AWS_CONFIG_FILE", home.resolve(".aws/config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve(".aws/credentials").toString());
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        return env;
    }

    static Result run(Map<String, String> env, String... args) {
        return run(env, new byte[0], args);
    }

    static Result run(Map<String, String> env, byte[] stdin, String... args) {
        AwsjRun.Result r = AwsjRun.run(env, stdin, args);
        return new Result(r.exitCode(), r.out(), r.err());
    }

    /** The AWS CLI, for parity checks; the tests that use it are skipped where it is not installed. */
    static final Path AWS = Path.of("/usr/bin/aws");

    static boolean awsInstalled() {
        return Files.isExecutable(AWS);
    }

    /** Runs the AWS CLI with only the given environment's AWS_ variables (and the rest of this process's). */
    static Result aws(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(AWS.toString());
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("aws-out", ".txt");
        Path err = Files.createTempFile("aws-err", ".txt");
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("aws " + String.join(" ", args) + " did not finish");
            }
            return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /**
     * awsj as a process of its own, the way a shell runs it ({@code java -cp ... dev.awsj.Main ARGS}),
     * with the given environment's AWS variables and none of this process's.
     */
    static ProcessBuilder awsjProcess(Map<String, String> env, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-XX:TieredStopAtLevel=1", "dev.awsj.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().keySet().removeIf(k -> k.startsWith("AWS"));
        pb.environment().putAll(env);
        return pb;
    }

    /** Runs awsj as a process (stdin empty) and waits for it. */
    static Result runProcess(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile("awsj-out", ".txt");
        Path err = Files.createTempFile("awsj-err", ".txt");
        try {
            Process p = awsjProcess(env, args).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("awsj " + String.join(" ", args) + " did not finish");
            }
            return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    static void write(Path p, String content) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
    }
}
