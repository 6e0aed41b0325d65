package dev.awsj;

import dev.awsj.core.ExitCodes;

/** Entry point: the only place that touches {@code System.exit}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // Ctrl-C: exit 130 as the AWS CLI does; shutdown hooks (aborting multipart uploads,
        // removing temporary files) still run.
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), sig -> System.exit(ExitCodes.INTERRUPTED));
        } catch (IllegalArgumentException | UnsupportedOperationException ignored) {
            // no SIGINT on this platform: the JVM's default applies
        }
        int code = Awsj.run(args, System.in, System.out, System.err, System.getenv());
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }
}
