package dev.awsj.configure;

import dev.awsj.testing.AwsjRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

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

    static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    static void write(Path p, String content) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
    }
}
