package dev.awsj.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the installed AWS CLI ({@code /usr/bin/aws}, or {@code AWSJ_COMPAT_AWS}) on the same line
 * and environment as an awsj test, for side-by-side checks. Where it is absent, a test either skips
 * ({@link #assumeInstalled}) or leaves the comparison out ({@link #installed(String)}), saying so on
 * stderr either way.
 */
public final class AwsCli {
    private AwsCli() {
    }

    public static String path() {
        String configured = System.getenv("AWSJ_COMPAT_AWS");
        return configured != null ? configured : "/usr/bin/aws";
    }

    public static boolean installed() {
        return Files.isExecutable(Path.of(path()));
    }

    /** Whether the AWS CLI is there; when it is not, says on stderr that {@code test}'s comparison is left out. */
    public static boolean installed(String test) {
        boolean present = installed();
        if (!present) {
            System.err.println(test + ": the comparison with the AWS CLI is skipped: no AWS CLI at " + path());
        }
        return present;
    }

    /** Skips the calling test, saying so on stderr, when the AWS CLI is not installed. */
    public static void assumeInstalled(String test) {
        if (!installed()) {
            System.err.println(test + " skipped: no AWS CLI at " + path());
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(installed(), "no AWS CLI at " + path());
    }

    /**
     * Runs {@code aws ARGS} with the environment (its AWS_ENDPOINT_URL passed as --endpoint-url, which
     * aws 2.9 does not read from the environment), no pager, empty stdin.
     */
    public static AwsjRun.Result run(Map<String, String> env, String... args) {
        List<String> cmd = new ArrayList<>(List.of(path()));
        cmd.addAll(List.of(args));
        if (env.get("AWS_ENDPOINT_URL") != null) {
            cmd.add("--endpoint-url");
            cmd.add(env.get("AWS_ENDPOINT_URL"));
        }
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env);
        pb.environment().put("AWS_PAGER", "");
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("aws " + String.join(" ", args) + " did not end");
            }
            return new AwsjRun.Result(p.exitValue(), out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
