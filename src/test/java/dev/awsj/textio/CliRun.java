package dev.awsj.textio;

import dev.awsj.cli.Awsj;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs awsj in-process with in-memory streams (a stand-in until the shared test rig lands). */
public final class CliRun {
    public record Result(int exitCode, byte[] outBytes, String err) {
        public String out() {
            return new String(outBytes, StandardCharsets.UTF_8);
        }
    }

    private CliRun() {
    }

    public static Map<String, String> env(String endpoint) {
        try {
            Path home = Files.createTempDirectory("awsj-home");
            Map<String, String> env = new HashMap<>();
            env.put("HOME", home.toString());
            env.put("AWS_ACCESS_KEY_ID", "test");
            env.put("AWS_SECRET_ACCESS_KEY", "test");
            env.put("AWS_REGION", "us-east-1");
            env.put("AWS_ENDPOINT_URL", endpoint);
            env.put("AWS_CONFIG_FILE", home.resolve("config").toString());
            env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
            env.put("AWS_EC2_METADATA_DISABLED", "true");
            return env;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Result run(Map<String, String> env, String... args) {
        return run(env, new byte[0], args);
    }

    public static Result run(Map<String, String> env, byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Awsj.run(args, new ByteArrayInputStream(stdin), out, err, env);
        return new Result(code, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }
}
