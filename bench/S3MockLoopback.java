import dev.awsj.testing.Emulators;

/**
 * Starts S3Mock on 127.0.0.1 (the test rig's loopback-only start) for bench/startup.sh, prints its
 * endpoint, and stops when stdin closes. Run in source-file mode on the test class path.
 */
public class S3MockLoopback {
    public static void main(String[] args) throws Exception {
        System.out.println("s3mock listening on " + Emulators.s3Endpoint());
        System.out.flush();
        while (System.in.read() >= 0) {
            // wait for the benchmark to close our stdin
        }
        System.exit(0);
    }
}
