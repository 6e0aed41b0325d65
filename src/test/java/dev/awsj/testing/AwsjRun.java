package dev.awsj.testing;

import dev.awsj.Awsj;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs the real awsj command line in-process with captured streams. */
public final class AwsjRun {
    private AwsjRun() {
    }

    public record Result(int exitCode, byte[] outBytes, String err) {
        public String out() {
            return new String(outBytes, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out() + "\n--- stderr\n" + err;
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

    /**
     * An environment for tests: test credentials, us-east-1, the given endpoint (null for none),
     * and HOME plus the AWS config and credentials files in a fresh temp folder, so nothing of the
     * machine's own configuration leaks in.
     */
    public static Map<String, String> env(String endpointUrl) {
        try {
            Path home = Files.createTempDirectory("awsj-home");
            home.toFile().deleteOnExit();
            Map<String, String> env = new HashMap<>();
            env.put("HOME", home.toString());
            env.put("AWS_CONFIG_FILE", home.resolve(".aws/config").toString());
            env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve(".aws/credentials").toString());
            env.put("AWS_ACCESS_KEY_ID", "test");
            env.put("AWS_SECRET_ACCESS_KEY", "test");
            env.put("AWS_REGION", "us-east-1");
            env.put("AWS_EC2_METADATA_DISABLED", "true");
            if (endpointUrl != null) {
                env.put("AWS_ENDPOINT_URL", endpointUrl);
            }
            return env;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
