package dev.awsj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awsj.testing.Emulators;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Black-box: the release tarball unpacked into a temp folder works from there. */
class DistributionIT {
    record Run(int code, String out, String err) {
    }

    static Run run(Path dir, Path cache, String... cmd) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().put("AWS_ACCESS_KEY_ID", "test");
        pb.environment().put("AWS_SECRET_ACCESS_KEY", "test");
        pb.environment().put("AWS_REGION", "us-east-1");
        pb.environment().put("AWS_CONFIG_FILE", "/nonexistent/awsj-config");
        pb.environment().put("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/awsj-credentials");
        pb.environment().put("AWSJ_CACHE_DIR", cache.toString());
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(180, TimeUnit.SECONDS));
        return new Run(p.exitValue(), out, err);
    }

    @Test
    void unpackedTarballRunsAnywhere(@TempDir Path tmp) throws Exception {
        Path tarball;
        try (var s = Files.list(Path.of("target"))) {
            tarball = s.filter(p -> p.getFileName().toString().matches("awsj-.*\\.tar\\.gz")).findFirst().orElseThrow();
        }
        Path zip = Path.of(tarball.toString().replace(".tar.gz", ".zip"));
        assertTrue(Files.isRegularFile(zip), "the .zip is built too");
        Run untar = run(tmp, tmp, "tar", "xzf", tarball.toAbsolutePath().toString());
        assertEquals(0, untar.code(), untar.err());
        Path home;
        try (var s = Files.list(tmp)) {
            home = s.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        Path bin = home.resolve("bin/awsj");
        assertTrue(Files.getPosixFilePermissions(bin).contains(PosixFilePermission.OWNER_EXECUTE));
        for (String f : List.of("bin/awsj.cmd", "lib/awsj.jar", "lib/awsj-launch.sh", "LICENSE", "README.md",
                "man/man1/awsj.1", "man/man1/awsj-sns.1", "completion/awsj.bash")) {
            assertTrue(Files.isRegularFile(home.resolve(f)), f + " is in the tarball");
        }

        Path cache = tmp.resolve("cache");
        Run version = run(tmp, cache, bin.toString(), "--version");
        assertEquals(0, version.code(), version.err());
        assertTrue(version.out().startsWith("awsj/"), version.out());

        // A symlink on PATH to bin/awsj finds its installation.
        Path link = tmp.resolve("awsj-link");
        Files.createSymbolicLink(link, bin);
        Run topics = run(tmp, cache, link.toString(), "sns", "create-topic", "--name", "dist-it",
                "--endpoint-url", Emulators.fauxqsEndpoint(), "--query", "TopicArn", "--output", "text");
        assertEquals(0, topics.code(), topics.err());
        assertTrue(topics.out().strip().endsWith(":dist-it"), topics.out());
        // The first call started a trainer in the background: let it finish before the folder goes.
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (var s = Files.list(cache)) {
                if (s.noneMatch(p -> p.toString().endsWith(".lock"))) {
                    break;
                }
            }
            Thread.sleep(250);
        }
    }
}
