package dev.awsj.s3;

import dev.awsj.testing.Emulators;

/**
 * Starts S3Mock on 127.0.0.1 for {@code bench/s3-transfer.sh}: prints its endpoint on one line and
 * runs until stdin closes. A tool of the benchmark, not a test.
 */
public final class BenchS3Mock {
    private BenchS3Mock() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("s3mock listening on " + Emulators.s3Endpoint());
        System.out.flush();
        while (System.in.read() >= 0) {
            // wait for the script to close our stdin
        }
        System.exit(0);
    }
}
