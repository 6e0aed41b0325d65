package dev.awsj.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Black-box: the ./awsj launcher's start-up cache (src/main/sh/awsj-launch.sh) — made on first use,
 * reused, rebuilt when damaged, never in the way of the user's command.
 */
class LauncherCacheIT {
    static final Path JDK25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

    record Run(int code, String out, String err) {
    }

    static Run awsj(Path cache, Map<String, String> extraEnv, String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of("awsj").toAbsolutePath().toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("AWSJ_CACHE_DIR", cache.toString());
        pb.environment().remove("AWSJ_NO_CDS");
        pb.environment().putAll(extraEnv);
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS));
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    static List<Path> archives(Path cache) throws IOException {
        try (Stream<Path> s = Files.list(cache)) {
            return s.filter(p -> p.toString().endsWith(".jsa") || p.toString().endsWith(".aot")).sorted().toList();
        }
    }

    static Object fileKey(Path p) throws IOException {
        return Files.readAttributes(p, BasicFileAttributes.class).fileKey();
    }

    static void assertVersion(Run r) {
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().matches("awsj/\\S+ Java/\\S+ \\S+/\\S+\\n"), "only the version on stdout: " + r.out());
    }

    @Test
    void madeOnFirstUseThenReusedAndRebuiltWhenDamaged(@TempDir Path cache) throws Exception {
        assertVersion(awsj(cache, Map.of(), "--version"));
        List<Path> made = archives(cache);
        assertEquals(1, made.size(), "one archive: " + made);
        Path archive = made.get(0);
        assertTrue(Files.exists(Path.of(archive + ".ok")), "checked after training");
        Object key = fileKey(archive);

        assertVersion(awsj(cache, Map.of(), "--version"));
        assertEquals(key, fileKey(archive), "the second run reuses the archive");

        // Truncated (a copy cut short, a full disk): mapping it would crash the JVM. Rebuilt instead.
        archive.toFile().setWritable(true);
        try (var ch = Files.newByteChannel(archive, StandardOpenOption.WRITE)) {
            ch.truncate(4096);
        }
        assertVersion(awsj(cache, Map.of(), "--version"));
        assertTrue(Files.size(archive) > 1 << 20, "rebuilt in full: " + Files.size(archive));
        assertNotEquals(key, fileKey(archive));
        key = fileKey(archive);

        // The JVM said it could not use the archive (its log is read by the next run): rebuilt.
        Files.writeString(Path.of(archive + ".log"),
                "[0.004s][info][cds] UseSharedSpaces: The shared archive file has the wrong version.\n"
                        + "[0.004s][warning][aot] Unable to map shared spaces\n");
        assertVersion(awsj(cache, Map.of(), "--version"));
        assertNotEquals(key, fileKey(archive), "rebuilt after the JVM's complaint");
    }

    @Test
    void aotCacheOnJdk25(@TempDir Path cache) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(JDK25.resolve("bin/java")), "no JDK 25 at " + JDK25);
        Run r = awsj(cache, Map.of("JAVA_HOME", JDK25.toString()), "--version");
        assertVersion(r);
        assertTrue(r.out().contains("Java/25"), r.out());
        List<Path> made = archives(cache);
        assertEquals(1, made.size(), made.toString());
        assertTrue(made.get(0).toString().endsWith(".aot"), made.toString());
        assertVersion(awsj(cache, Map.of("JAVA_HOME", JDK25.toString()), "--version"));
        assertEquals(0, Files.size(Path.of(made.get(0) + ".log")), "the JVM took the cache without a word");
    }

    @Test
    void disabledWithAwsjNoCds(@TempDir Path cache) throws Exception {
        assertVersion(awsj(cache, Map.of("AWSJ_NO_CDS", "1"), "--version"));
        assertEquals(List.of(), archives(cache));
    }

    @Test
    void anUnwritableCacheFolderOnlyCostsSpeed(@TempDir Path dir) throws Exception {
        Path cache = dir.resolve("file-not-folder");
        Files.writeString(cache, "x");
        assertVersion(awsj(cache, Map.of(), "--version"));
    }
}
