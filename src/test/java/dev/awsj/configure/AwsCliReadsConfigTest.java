package dev.awsj.configure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the AWS CLI is installed, it reads back what awsj wrote; skipped elsewhere. */
class AwsCliReadsConfigTest {
    private static final Path AWS = Path.of("/usr/bin/aws");

    @TempDir
    Path home;

    private String aws(Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(AWS.toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(
                Path.of("/dev/null").toFile()));
        pb.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    @Test
    void awsConfigureGetReadsWhatAwsjWrote() throws Exception {
        assumeTrue(Files.isExecutable(AWS), "the AWS CLI is not installed at " + AWS);
        Map<String, String> env = Cli.env(home);
        Cli.write(home.resolve(".aws/config"), "# kept\n[default]\noutput = json\n");
        assertEquals(0, Cli.run(env, "configure", "set", "region", "eu-west-2").exitCode());
        assertEquals(0, Cli.run(env, "configure", "set", "aws_access_key_id", "AKIACOMPAT").exitCode());
        assertEquals(0, Cli.run(env, "configure", "set", "--profile", "dev", "aws_secret_access_key", "devsecret").exitCode());
        assertEquals(0, Cli.run(env, "configure", "set", "profile.dev.region", "ap-south-1").exitCode());
        assertEquals(0, Cli.run(env, "configure", "set", "s3.max_concurrent_requests", "20").exitCode());

        assertEquals("eu-west-2\n", aws(env, "configure", "get", "region"));
        assertEquals("json\n", aws(env, "configure", "get", "output"));
        assertEquals("AKIACOMPAT\n", aws(env, "configure", "get", "aws_access_key_id"));
        assertEquals("devsecret\n", aws(env, "configure", "get", "aws_secret_access_key", "--profile", "dev"));
        assertEquals("ap-south-1\n", aws(env, "configure", "get", "profile.dev.region"));
        assertEquals("20\n", aws(env, "configure", "get", "default.s3.max_concurrent_requests"));
    }
}
