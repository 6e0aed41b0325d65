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
 * and environment as an awsj test, for side-by-side checks. Where it is absent, {@link #installed}
 * says so on stderr and the comparison is left out (the awsj half of a test still runs).
 */
public final class AwsCli {
    private static final String AWS = System.getenv().getOrDefault("AWSJ_COMPAT_AWS", "/usr/bin/aws");

    private AwsCli() {
    }

    public static boolean installed(String test) {
        boolean present = Files.isExecutable(Path.of(AWS));
        if (!present) {
            System.err.println(test + ": the comparison with the AWS CLI is skipped: no AWS CLI at " + AWS);
        }
        return present;
    }

    /** aws ARGS --endpoint-url (from the environment, as Debian's 2.9 does not read AWS_ENDPOINT_URL). */
    public static AwsjRun.Result run(Map<String, String> env, String... args) {
        List<String> cmd = new ArrayList<>(List.of(AWS));
        cmd.addAll(List.of(args));
        if (env.containsKey("AWS_ENDPOINT_URL")) {
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
