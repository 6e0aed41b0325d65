package dev.awsj.testing;

import java.io.IOException;

/**
 * Starts S3Mock and fauxqs on 127.0.0.1 for trying awsj by hand ({@code examples/try-local.sh})
 * and for the benchmarks; stops both when stdin closes or on Ctrl-C.
 *
 * <pre>mvn -q test-compile exec:java@local-emulators [-Ds3.port=9090] [-Dfauxqs.port=4566]</pre>
 */
public final class LocalEmulators {
    private LocalEmulators() {
    }

    public static void main(String[] args) throws IOException {
        int s3Port = Integer.getInteger("s3.port", 9090);
        int fauxqsPort = Integer.getInteger("fauxqs.port", 4566);
        String fauxqs = Emulators.startFauxqs(fauxqsPort);
        String s3 = Emulators.startS3Mock(s3Port);
        System.out.println("s3mock " + s3);
        System.out.println("fauxqs " + fauxqs);
        System.out.flush();
        // Runs until stdin closes (the starting script exits) or the JVM is interrupted.
        while (System.in.read() >= 0) {
            // discard
        }
        System.exit(0);
    }
}
