package dev.awsj.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awsj.testing.AwsjRun;
import dev.awsj.testing.AwsjRun.Result;
import dev.awsj.testing.Emulators;
import dev.awsj.testing.FaultProxy;
import dev.awsj.testing.FaultProxy.Fault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Downloads through a proxy that cuts and stalls responses (docs/reliability.md): a stalled body
 * fails within the read time-out, naming the URL; a broken or stalled body resumes at the byte it
 * reached; and through a third of all connections cut at random, ten 200 MB downloads end
 * byte-identical.
 */
class S3NetworkFaultsTest {
    static String s3;
    static String bucket;
    static byte[] fiveMb;
    static Path big;

    @BeforeAll
    static void upload(@TempDir Path dir) throws Exception {
        s3 = Emulators.s3Endpoint();
        Map<String, String> direct = AwsjRun.env(s3);
        bucket = "net-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(0, AwsjRun.run(direct, "s3", "mb", "s3://" + bucket).exitCode());
        fiveMb = new byte[5 * 1024 * 1024];
        new Random(5).nextBytes(fiveMb);
        Path small = Files.write(dir.resolve("5MB.bin"), fiveMb);
        Result r = AwsjRun.run(direct, "s3", "cp", small.toString(), "s3://" + bucket + "/5MB.bin");
        assertEquals(0, r.exitCode(), r.toString());
        big = Files.createTempFile("awsj-200MB", ".bin");
        big.toFile().deleteOnExit();
        Random random = new Random(200);
        byte[] chunk = new byte[1024 * 1024];
        try (var out = Files.newOutputStream(big)) {
            for (int i = 0; i < 200; i++) {
                random.nextBytes(chunk);
                out.write(chunk);
            }
        }
        r = AwsjRun.run(direct, "s3", "cp", big.toString(), "s3://" + bucket + "/200MB.bin");
        assertEquals(0, r.exitCode(), r.toString());
    }

    static Map<String, String> through(FaultProxy proxy) throws Exception {
        Map<String, String> env = AwsjRun.env(proxy.url());
        Path config = Path.of(env.get("AWS_CONFIG_FILE"));
        Files.createDirectories(config.getParent());
        // 4 MiB parts: the 5 MB object comes down as two ranged GETs, the 200 MB one as fifty.
        Files.writeString(config, "[default]\ns3 =\n  multipart_threshold = 4MB\n  multipart_chunksize = 4MB\n");
        return env;
    }

    static void assertNoTempFiles(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList());
        }
    }

    @Test
    void aStalledBodyFailsWithinTheReadTimeoutAndNamesTheUrl(@TempDir Path dir) throws Exception {
        try (FaultProxy proxy = new FaultProxy(s3, n -> new Fault(Fault.Kind.STALL, 256 * 1024), 60_000)) {
            Map<String, String> env = through(proxy);
            env.put("AWS_MAX_ATTEMPTS", "1");
            Path target = dir.resolve("t.bin");
            long start = System.nanoTime();
            Result r = AwsjRun.run(env, "s3", "cp", "s3://" + bucket + "/5MB.bin", target.toString(), "--cli-read-timeout", "2");
            double seconds = (System.nanoTime() - start) / 1e9;
            assertEquals(1, r.exitCode(), r.toString());
            assertTrue(seconds < 2 + 5, "gave up after " + seconds + " s");
            assertTrue(r.err().contains(proxy.url() + "/" + bucket + "/5MB.bin") && r.err().contains("--cli-read-timeout"), r.err());
            assertFalse(Files.exists(target), "nothing written at the target");
            assertNoTempFiles(dir);

            start = System.nanoTime();
            Result cat = AwsjRun.run(env, "s3", "cat", "s3://" + bucket + "/5MB.bin", "--cli-read-timeout", "2");
            seconds = (System.nanoTime() - start) / 1e9;
            assertTrue(cat.exitCode() != 0, cat.err());
            assertTrue(seconds < 2 + 5, "cat gave up after " + seconds + " s");
            assertTrue(cat.err().contains(proxy.url()), cat.err());
        }
    }

    @Test
    void aStalledOrBrokenBodyResumesAtTheByteItReached(@TempDir Path dir) throws Exception {
        for (Fault.Kind kind : List.of(Fault.Kind.STALL, Fault.Kind.CUT)) {
            // The first response past 1 MB (a range of the 5 MB object) stops there; the others pass.
            try (FaultProxy proxy = new FaultProxy(s3, n -> Fault.once(kind, 1024 * 1024), 60_000)) {
                Map<String, String> env = through(proxy);
                Path target = dir.resolve(kind + ".bin");
                Result r = AwsjRun.run(env, "s3", "cp", "s3://" + bucket + "/5MB.bin", target.toString(), "--cli-read-timeout", "2");
                assertEquals(0, r.exitCode(), kind + ": " + r);
                assertEquals(-1, Files.mismatch(target, Files.write(dir.resolve("expected.bin"), fiveMb)), kind + ": byte-identical");
                assertEquals(1, proxy.faults(), kind + ": the fault happened");
                // Two ranges of 4 MiB parts, and one more that resumes the broken one where it stopped.
                List<Long> starts = proxy.ranges().stream().map(x -> Long.parseLong(x.replaceAll("bytes=(\\d+)-.*", "$1"))).toList();
                assertEquals(3, starts.size(), kind + ": " + proxy.ranges());
                assertEquals(1, starts.stream().filter(b -> b % (4L << 20) != 0).count(), kind + ": " + proxy.ranges());
                long resumedAt = starts.stream().filter(b -> b % (4L << 20) != 0).findFirst().orElseThrow();
                long intoItsRange = resumedAt % (4L << 20);
                assertTrue(intoItsRange > 512 * 1024 && intoItsRange <= 1024 * 1024,
                        kind + ": resumed at the byte reached, about 1 MB into its range: " + proxy.ranges());
                assertNoTempFiles(dir);
            }
        }
    }

    @Test
    void downloadsThroughAThirdOfConnectionsCutStayByteIdentical(@TempDir Path dir) throws Exception {
        int faults = 0;
        for (int run = 0; run < 10; run++) {
            try (FaultProxy proxy = new FaultProxy(s3, FaultProxy.randomCuts(0.3, run, 6L * 1024 * 1024), 10_000)) {
                Map<String, String> env = through(proxy);
                Path target = dir.resolve("run" + run + ".bin");
                Result r = AwsjRun.run(env, "s3", "cp", "s3://" + bucket + "/200MB.bin", target.toString());
                assertEquals(0, r.exitCode(), "run " + run + ": " + r);
                assertEquals(-1, Files.mismatch(target, big), "run " + run + ": byte-identical");
                Result cat = AwsjRun.run(env, "s3", "cat", "s3://" + bucket + "/5MB.bin");
                assertEquals(0, cat.exitCode(), "run " + run + " cat: " + cat.err());
                assertTrue(java.util.Arrays.equals(fiveMb, cat.outBytes()), "run " + run + ": cat byte-identical");
                Files.delete(target);
                assertNoTempFiles(dir);
                faults += proxy.faults();
            }
        }
        assertTrue(faults >= 5, "connections were cut: " + faults);
    }
}
