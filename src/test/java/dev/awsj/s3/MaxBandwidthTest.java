package dev.awsj.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awsj.s3.transfer.TransferConfig;
import dev.awsj.testing.AwsjRun;
import dev.awsj.testing.Emulators;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code s3 = max_bandwidth} holds the transfers of one command, uploads and downloads, all threads
 * together, to the limit (docs/s3-transfers.md). Here a time bound is the specification: moving
 * 2 MiB at 1 MiB/s takes at least 1.8 s (strict), and not much more than 2.2 s beyond what the same
 * command takes without a limit on this machine (generous, as the machine may be loaded).
 */
class MaxBandwidthTest {
    private static final int SIZE = 2 * 1024 * 1024;

    @TempDir
    Path dir;
    Map<String, String> env;
    String bucket;

    @BeforeEach
    void setUp() throws Exception {
        env = AwsjRun.env(Emulators.fauxqsEndpoint());
        bucket = "bw-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(0, AwsjRun.run(env, "s3", "mb", "s3://" + bucket).exitCode());
    }

    private void limit(String rate) throws Exception {
        Path config = Path.of(env.get("AWS_CONFIG_FILE"));
        Files.createDirectories(config.getParent());
        Files.writeString(config, "[default]\ns3 =\n    max_bandwidth = " + rate + "\n    max_concurrent_requests = 4\n");
    }

    private static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** Seconds the command takes. */
    private double timed(String... args) {
        long t0 = System.nanoTime();
        AwsjRun.Result r = AwsjRun.run(env, args);
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(0, r.exitCode(), r.toString());
        return seconds;
    }

    private void assertWithinLimit(double limited, double unlimited, String what) {
        System.err.printf("%s: %.2f s at 1 MiB/s, %.2f s without a limit%n", what, limited, unlimited);
        assertTrue(limited >= 1.8, what + " at 1MB/s took " + limited + " s: faster than the limit allows");
        assertTrue(limited <= 2.2 + 2 * unlimited + 1.0,
                what + " at 1MB/s took " + limited + " s (" + unlimited + " s without the limit)");
    }

    @Test
    void oneFileUpAndDownHoldsToTheLimit() throws Exception {
        byte[] data = random(SIZE, 1);
        Path file = dir.resolve("big.bin");
        Files.write(file, data);
        double freeUp = timed("s3", "cp", file.toString(), "s3://" + bucket + "/free.bin");
        double freeDown = timed("s3", "cp", "s3://" + bucket + "/free.bin", dir.resolve("free.bin").toString());

        limit("1MB/s");
        double up = timed("s3", "cp", file.toString(), "s3://" + bucket + "/big.bin");
        double down = timed("s3", "cp", "s3://" + bucket + "/big.bin", dir.resolve("back.bin").toString());
        assertArrayEquals(data, Files.readAllBytes(dir.resolve("back.bin")));
        assertWithinLimit(up, freeUp, "a 2 MiB upload");
        assertWithinLimit(down, freeDown, "a 2 MiB download");
    }

    @Test
    void manyFilesOnParallelThreadsShareOneLimit() throws Exception {
        Path up = Files.createDirectories(dir.resolve("up"));
        for (int i = 0; i < 8; i++) {
            Files.write(up.resolve("f" + i + ".bin"), random(SIZE / 8, i));
        }
        double free = timed("s3", "cp", "--recursive", up.toString(), "s3://" + bucket + "/free/");
        // 8 files of 256 KiB on 4 threads, in bits a second: 8Mb/s = 1 MiB/s.
        limit("8Mb/s");
        double limited = timed("s3", "cp", "--recursive", up.toString(), "s3://" + bucket + "/many/");
        assertWithinLimit(limited, free, "8 files of 256 KiB on 4 threads");
        double down = timed("s3", "cp", "--recursive", "s3://" + bucket + "/many/", dir.resolve("down").toString());
        assertWithinLimit(down, free, "downloading them");
        for (int i = 0; i < 8; i++) {
            assertArrayEquals(random(SIZE / 8, i), Files.readAllBytes(dir.resolve("down/f" + i + ".bin")));
        }
    }

    @Test
    void ratesAreReadAsAwsReadsThem() {
        assertEquals(1024 * 1024, TransferConfig.parseRate("1MB/s"));
        assertEquals(800 * 1024, TransferConfig.parseRate("800KB/s"));
        assertEquals(10 * 1024 * 1024 / 8, TransferConfig.parseRate("10Mb/s"));
        assertEquals(1024, TransferConfig.parseRate("1KiB/s"));
        assertEquals(4096, TransferConfig.parseRate("4096B/s"));
    }

    @Test
    void aRateWithoutUnitsIsRefusedWithOneLine() throws Exception {
        limit("1048576");
        Path file = dir.resolve("small.txt");
        Files.writeString(file, "x");
        AwsjRun.Result r = AwsjRun.run(env, "s3", "cp", file.toString(), "s3://" + bucket + "/small.txt");
        assertEquals(253, r.exitCode(), r.toString());
        assertEquals("Bad s3 max_bandwidth \"1048576\" in the profile: give a rate in bytes a second such as 10MB/s"
                + " or 800KB/s, or in bits a second such as 10Mb/s\n", r.err());
    }
}
